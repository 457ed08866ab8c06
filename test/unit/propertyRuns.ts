// Settings for the fast-check property tests. Each test fixes its seed, so CI (and everyone) runs the
// same cases every time and a red build is reproducible from the test alone. The values mean nothing
// (any fixed 32-bit integer does); they are the seeds of the tests' earlier seeded-PRNG versions.
// When a property fails, fast-check shrinks the input and reports the smallest counterexample it
// found, with the seed and the path that replay it (pass them as `{ seed, path }` to fc.assert to
// re-run only that case).
// To look further locally: FC_SEED=<integer> runs other cases, FC_SEED=random a new seed each run (the
// report names it), and FC_RUNS_FACTOR=<n> runs n times as many cases.
import type fc from 'fast-check';

/** fc.assert's parameters: `numRuns` cases from the fixed `seed`, unless FC_SEED / FC_RUNS_FACTOR say otherwise. */
export function runs<T>(numRuns: number, seed: number): fc.Parameters<T> {
  const override = process.env.FC_SEED;
  const factor = Number(process.env.FC_RUNS_FACTOR) || 1;
  return { numRuns: Math.ceil(numRuns * factor), ...(override === 'random' ? {} : { seed: override ? Number(override) : seed }) };
}

// `npm test`: lint first (ESLint, then Prettier's check: `npm run lint`), then the three tiers of
// SPEC §4 in order — unit (mocha in Node), integration (mocha in a real VS Code extension host),
// UI (Playwright + Chromium) — then unit and integration once more on a faked clock far from today
// (scripts/test-dates.mjs --ci: no test may depend on the real date; its runs are not added to the
// pass count, which counts each test once). Each tier's own output (mocha's summaries) streams
// through; a failing tier does not stop the next ones, but the exit code is non-zero if any failed.
// The last line summarises the tiers with their wall times.
// Run one tier alone with the npm scripts: lint, test:unit, test:integration, test:ui.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot, seconds } from './lib/util.mjs';

const node = process.execPath;
const { resolve: resolveModule } = createRequire(join(repoRoot, 'package.json'));
const binOf = (pkg, bin) => join(resolveModule(`${pkg}/package.json`), '..', bin);
const mochaBin = binOf('mocha', 'bin/mocha.js');

// Lint reads the sources only (no build needed); its two steps are two tiers, so a lint finding
// does not hide a formatting one. One build with --tests serves the three test tiers (the npm
// scripts of each tier would rebuild).
const tiers = [
  { name: 'lint', steps: [[node, [binOf('eslint', 'bin/eslint.js'), '.']]], recount: false, needsBuild: false },
  { name: 'format', steps: [[node, [binOf('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']]], recount: false, needsBuild: false },
  { name: 'build', steps: [[node, ['scripts/build.mjs', '--tests']]], needsBuild: false },
  { name: 'unit', steps: [[node, [mochaBin, '--config', '.mocharc.json']]] },
  { name: 'integration', steps: [[node, ['scripts/run-integration.mjs']]] },
  { name: 'ui', steps: [[node, ['scripts/run-ui.mjs']]] },
  { name: 'any date', steps: [[node, ['scripts/test-dates.mjs', '--ci']]], recount: false },
];

let current;
let interrupted;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Pass it on (a terminal's Ctrl+C reaches the child anyway; a second one is ignored there) and
    // let the running tier stop its servers and browsers; then stop without starting the next tier.
    if (interrupted) return;
    interrupted = signal;
    if (current && current.exitCode === null) current.kill(signal);
    else process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// Mocha's summaries ("N passing", "N failing", "N pending") are counted as they stream past, so the
// last line can give the whole run's total in the plain form CI reads: "N passed, N failed".
const counts = { passed: 0, failed: 0, skipped: 0 };
function countSummaries(text) {
  for (const m of text.matchAll(/(?:^|\s)(\d+) (passing|failing|pending)(?: \(\d[\w. ]*\))?[ \t]*$/gm)) {
    counts[{ passing: 'passed', failing: 'failed', pending: 'skipped' }[m[2]]] += Number(m[1]);
  }
}
function tee(stream, target, count) {
  let pending = '';
  stream.on('data', (chunk) => {
    target.write(chunk);
    if (!count) return;
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    countSummaries(lines.join('\n'));
  });
  stream.on('end', () => count && countSummaries(pending));
}

function run(cmd, args, count = true) {
  return new Promise((resolve) => {
    current = spawn(cmd, args, { cwd: repoRoot, stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
    tee(current.stdout, process.stdout, count);
    tee(current.stderr, process.stderr, count);
    current.on('error', (error) => {
      console.error(`[test] ${cmd} ${args.join(' ')}: ${error.message}`);
      resolve(1);
    });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const results = [];
const started = Date.now();
for (const tier of tiers) {
  const tierStarted = Date.now();
  console.log(`\n[test] ── ${tier.name} ${'─'.repeat(Math.max(0, 60 - tier.name.length))}`);
  let code = 0;
  if (tier.needsBuild !== false && results.find((r) => r.name === 'build')?.code) {
    code = -1; // no build, nothing to test
  } else {
    for (const [cmd, args] of tier.steps) {
      code = await run(cmd, args, tier.recount !== false);
      if (interrupted) process.exit(interrupted === 'SIGINT' ? 130 : 143);
      if (code !== 0) break;
    }
  }
  const ms = Date.now() - tierStarted;
  results.push({ name: tier.name, code, ms });
  console.log(`[test] ${tier.name}: ${code === 0 ? 'passed' : code === -1 ? 'skipped (build failed)' : `FAILED (exit ${code})`} in ${seconds(ms)}`);
}

const failed = results.filter((r) => r.code !== 0);
const summary = results.map((r) => `${r.name} ${r.code === 0 ? 'ok' : r.code === -1 ? 'skipped' : 'FAILED'} ${seconds(r.ms)}`).join(' | ');
console.log(`\n[test] ${failed.length ? 'FAILED' : 'PASSED'} in ${seconds(Date.now() - started)}: ${summary}`);
// A tier that failed without a mocha summary (crash, timeout) still counts as a failure.
const unaccounted = failed.length && counts.failed === 0 ? failed.length : 0;
console.log(`${counts.passed} passed, ${counts.failed + unaccounted} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failed.length ? 1 : 0);

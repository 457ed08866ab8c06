// SPEC §5 fuzzing bar for standups: 10,000 random and mutated inputs to parseStandup and checkStandup,
// no throw escapes, every problem has a line inside the file. Updating what was read must keep every
// item and settle: a second update with its own draft changes nothing. Deterministic (seeded PRNG).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkStandup, draftFromStandup, parseStandup, renderStandup, updateStandupText } from '../../../src/core/standups';
import type { Problem } from '../../../src/core/shared/problem';
import { prng } from '../decisions/helpers';
import { fuzzText } from '../fuzzInputs';

const PIECES = [
  '---',
  '...',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '    ',
  '\t',
  'author: ',
  'date: ',
  'alice',
  'Bob',
  '007',
  '@carol',
  '2026-11-21',
  '2026-02-30',
  '## Done',
  '## Next',
  '## Blockers',
  '## Notes',
  '## Links',
  '# ',
  '## ',
  '### ',
  '- ',
  '* ',
  '+ ',
  '-',
  '- [ ] ',
  '- [x] ',
  '- [X] ',
  '[]',
  '[y] ',
  '```',
  '~~~',
  '<!--',
  '-->',
  '#412',
  ':',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '|',
  '>',
  '&a ',
  '*a',
  '%YAML 1.1',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '😀',
  'é',
  '\u2028',
  '\\',
];
const gen = fuzzText({ pieces: PIECES, maxPieces: 60, pieceShare: 0.65, unicodeShare: 0.8, maxEdits: 6, maxDelete: 40, maxRepeat: 60, maxInsert: 200 });

function seeds(): string[] {
  const out = [
    renderStandup('alice', '2026-11-21', {
      done: ['a', 'b'],
      next: ['c'],
      blockers: [
        { text: 'd', checked: false },
        { text: 'e', checked: true },
      ],
      notes: 'f\n\n```\ng\n```',
    }),
  ];
  for (const root of ['demo/docs/standups', 'test/fixtures/workspace/docs/standups']) {
    for (const day of readdirSync(root)) for (const f of readdirSync(path.join(root, day))) out.push(readFileSync(path.join(root, day, f), 'utf8'));
  }
  return out;
}

function checkProblems(problems: Problem[], lineCount: number, where: () => string): void {
  for (const p of problems) {
    const ok = Number.isInteger(p.line) && p.line >= 0 && p.line < lineCount && !!p.code && !!p.message && p.code !== 'parse-error';
    if (!ok) assert.fail(`${where()}: problem ${JSON.stringify(p)}`);
  }
}

describe('parseStandup fuzz', function () {
  this.timeout(120_000);

  it('survives 10,000 random and mutated inputs with a line on every problem; updates keep items and settle', () => {
    const seedTexts = seeds();
    const rand = prng(20261121);
    let problems = 0;
    let items = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = rand();
      const seed = seedTexts[Math.floor(rand() * seedTexts.length)]!;
      const text = r < 0.3 ? gen.randomText(rand) : r < 0.35 ? seed : gen.mutate(seed, rand);
      const where = () => `input #${i}: ${JSON.stringify(text).slice(0, 400)}`;
      const file = 'docs/standups/2026-11-21/alice.md';
      const lineCount = text.split('\n').length;
      try {
        const s = parseStandup(text, file);
        checkProblems(s.problems, lineCount, where);
        checkProblems(checkStandup(text, file, 'docs/standups'), lineCount, where);
        problems += s.problems.length;
        items += s.done.length + s.next.length + s.blockers.length;

        const draft = draftFromStandup(s);
        const once = updateStandupText(text, draft);
        const again = draftFromStandup(parseStandup(once, file));
        assert.deepEqual(
          [again.done, again.next, again.blockers],
          [draft.done, draft.next, draft.blockers],
          `${where()}: items changed in ${JSON.stringify(once)}`,
        );
        assert.equal(updateStandupText(once, again), once, `${where()}: a second update changed ${JSON.stringify(once)}`);
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        assert.fail(`${where()} threw ${(error as Error).stack}`);
      }
    }
    // Both sides exercised: plenty of problems, and plenty of items read.
    assert.ok(problems > 10_000 && items > 10_000, `${problems} problems, ${items} items`);
  });
});

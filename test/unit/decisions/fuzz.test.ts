// SPEC §5 fuzzing bar: the record parser survives 10,000 random inputs, no throw escapes and every
// problem has a line. Deterministic: a seeded PRNG, so a failure names the input that broke it.
import assert from 'node:assert/strict';
import { contextLine, findReferences, parseRecord, setStatus, STATUSES } from '../../../src/core/decisions';
import { FIXTURES, markdownFiles, prng, readFixture } from './helpers';
import { fuzzText } from '../fuzzInputs';

const PIECES = [
  '---',
  '...',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\t',
  '#',
  '# ',
  '## ',
  '## Status',
  '## Context',
  'Status:',
  '- Status: ',
  '* Status: ',
  'status: ',
  'date: ',
  'Date: ',
  'supersedes: ',
  'superseded-by: ',
  'review-by: ',
  'owner: ',
  'decision-makers: ',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '"',
  "'",
  ':',
  '- ',
  '|',
  '>',
  '`',
  '```',
  '~~~',
  '<!--',
  '-->',
  '&',
  '*',
  '!',
  '%YAML 1.1',
  '%TAG',
  '<<: *a',
  '&a ',
  '*a',
  'accepted',
  'Accepted',
  'superseded by ADR-0002',
  'Superceded by [2. X](0002-x.md)',
  'Supercedes [1. Y](../0001-y.md)',
  'ADR-7',
  '2026-01-02',
  '20260102',
  '0007-',
  '.md',
  // Shapes from the wild: wrapped statuses, level-1 section headings, free-text statuses, unpadded dates, adr-NNN names.
  '# Status',
  '### Status',
  'Partially superseded by [ADR',
  '\n17](./0017-x.md)',
  'Superseded by 0057',
  'Accepted; supersedes ADR-0045',
  'Pending',
  'On hold',
  'Proposal',
  'Approved',
  'Partly superseded',
  'Date: 2021-3-9',
  '2021-03-9',
  '{short title}',
  'NUMBER. TITLE',
  'adr-001-',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '😀',
  'é',
  '\u2028',
  '\\',
  '=====',
  '-----',
  '    ',
];

const { randomText, mutate } = fuzzText({ pieces: PIECES, maxPieces: 60, pieceShare: 0.6, unicodeShare: 0.8, maxEdits: 6, maxDelete: 40, maxRepeat: 80 });

describe('parseRecord fuzz', function () {
  this.timeout(120_000);

  it('survives 10,000 random and mutated inputs with a line on every problem', () => {
    const seeds = ['adr-tools', 'log4brains', 'native', 'broken', 'wild'].flatMap((repo) => markdownFiles(repo).map((f) => readFixture(repo, f)));
    assert.ok(seeds.length > 20, `fixtures under ${FIXTURES}`);
    const rand = prng(20261121);
    const files = ['docs/decisions/0007-fuzz.md', 'doc/adr/20260102-fuzz.md', 'fuzz.md', 'a/b/c/0001-x.md', 'docs/adr/adr-017-fuzz.md'];
    for (let i = 0; i < 10_000; i++) {
      const r = rand();
      const text = r < 0.3 ? randomText(rand) : r < 0.95 ? mutate(seeds[Math.floor(rand() * seeds.length)]!, rand) : seeds[Math.floor(rand() * seeds.length)]!;
      const file = files[i % files.length]!;
      const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
      let record;
      try {
        record = parseRecord(text, file, folder);
      } catch (error) {
        assert.fail(`input #${i} threw ${(error as Error).stack}\n${JSON.stringify(text)}`);
      }
      const lineCount = text.split('\n').length;
      const where = `input #${i}: ${JSON.stringify(text).slice(0, 300)}`;
      for (const p of record.problems) {
        assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lineCount, `${where}: problem ${JSON.stringify(p)}`);
        assert.ok(p.code && p.message, where);
        assert.ok(p.code !== 'parse-error', `${where}: internal error ${p.message}`);
      }
      assert.ok(record.status === null || (STATUSES as readonly string[]).includes(record.status), where);
      assert.equal(typeof record.title, 'string', where);
      for (const s of record.sections) assert.ok(s.line >= 0 && s.line < s.endLine && s.endLine <= lineCount, where);
      for (const l of [record.lines.title, record.lines.status, record.lines.date, record.lines.reviewBy]) {
        assert.ok(l === null || (Number.isInteger(l) && l >= 0 && l < lineCount), `${where}: line ${l}`);
      }
      for (const l of record.links ?? []) assert.ok(l.line >= 0 && l.line < lineCount, where);
      assert.ok(record.statusText === undefined || (typeof record.statusText === 'string' && record.statusText !== ''), where);
      assert.ok(record.date === null || /^\d{4}-\d{2}-\d{2}$/.test(record.date), `${where}: date ${record.date}`);
      if (i % 10 === 0) {
        // The writers must cope with whatever the parser accepted.
        const status = STATUSES[i % STATUSES.length]!;
        const changed = setStatus(record, text, status);
        if (record.status === status) assert.equal(changed, text, where);
        assert.ok(contextLine(text) >= 0, where);
        for (const line of text.split('\n').slice(0, 20)) findReferences(line);
      }
    }
  });
});

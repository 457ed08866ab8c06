import assert from 'node:assert/strict';
import { checkIndex, parseRecord, scanDecisions } from '../../../src/core/decisions';
import { fixtureRoot, lines } from './helpers';

describe('problems', () => {
  it('broken fixture: every problem with its file, line, code and severity', async () => {
    const index = await scanDecisions(fixtureRoot('broken'), { today: '2026-11-21' });
    const got = index.problems
      .map((p) => [p.file.replace('docs/decisions/', ''), p.line, p.code, p.severity])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    assert.deepEqual(got, [
      ['0001-bad-front-matter.md', 4, 'bad-front-matter', 'error'],
      ['0002-unknown-status.md', 1, 'unknown-status', 'error'],
      ['0003-missing-title.md', 4, 'missing-title', 'error'],
      ['0004-broken-link.md', 3, 'broken-link', 'error'],
      ['0005-first.md', 6, 'duplicate-number', 'error'],
      ['0005-second.md', 6, 'duplicate-number', 'error'],
      ['0006-overdue-review.md', 4, 'review-overdue', 'warning'],
    ]);
    const status = index.problems.find((p) => p.code === 'unknown-status')!;
    assert.deepEqual([status.column, status.endColumn], [8, 17]);
    const link = index.problems.find((p) => p.code === 'broken-link')!;
    assert.deepEqual([link.column, link.endColumn], [12, 34]);
    assert.match(link.message, /0099-does-not-exist\.md/);
  });

  it('the other fixtures have no problems (today before any review-by)', async () => {
    for (const repo of ['adr-tools', 'log4brains', 'native'] as const) {
      assert.deepEqual((await scanDecisions(fixtureRoot(repo), { today: '2025-11-21' })).problems, [], repo);
    }
  });

  it('review-overdue only with today, and not for settled records', async () => {
    const index = await scanDecisions(fixtureRoot('native'), { today: '2026-11-21' });
    assert.deepEqual(
      index.problems.map((p) => [p.file, p.line, p.code]),
      [
        ['docs/decisions/0002-use-postgresql-for-the-ledger.md', 9, 'review-overdue'],
        ['docs/decisions/0003-publish-settlement-events.md', 5, 'review-overdue'],
      ],
    );
    assert.deepEqual(checkIndex(index.records, undefined), []);
    const superseded = parseRecord(lines('---', 'status: superseded', 'review-by: 2020-01-01', '---', '# T'), 'd/0001-t.md', 'd');
    assert.deepEqual(checkIndex([superseded], '2026-01-01'), []);
  });

  it('broken links by number and in adr-tools status sections, at the link', () => {
    const a = parseRecord(lines('---', 'status: superseded by ADR-0009', '---', '# A'), 'd/0001-a.md', 'd');
    const b = parseRecord(
      lines('# 2. B', '', '## Status', '', 'Accepted', '', 'Supercedes [1. A](0001-a.md)', 'Amended by [7. Gone](0007-gone.md)'),
      'd/0002-b.md',
      'd',
    );
    assert.deepEqual(
      checkIndex([a, b], undefined).map((p) => [p.file, p.line, p.code, p.column, p.endColumn]),
      [
        ['d/0001-a.md', 1, 'broken-link', 8, 30],
        ['d/0002-b.md', 7, 'broken-link', 11, 34],
      ],
    );
  });
});

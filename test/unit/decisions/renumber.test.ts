import assert from 'node:assert/strict';
import { checkIndex, findCollisions, parseRecord, planRenumber, scanDecisions } from '../../../src/core/decisions';
import type { DecisionRecord } from '../../../src/core/decisions';
import { fixtureRoot, lines, readFixture } from './helpers';

function parseAll(files: Record<string, string>): { records: DecisionRecord[]; texts: Map<string, string> } {
  const texts = new Map(Object.entries(files));
  const records = [...texts].map(([file, text]) => parseRecord(text, file, file.slice(0, file.lastIndexOf('/'))));
  return { records, texts };
}

describe('findCollisions / planRenumber', () => {
  it('broken fixture: keeps the older 0005, renames the other to 0008 and rewrites links to it', async () => {
    const index = await scanDecisions(fixtureRoot('broken'));
    const groups = findCollisions(index.records);
    assert.deepEqual(
      groups.map((g) => g.map((r) => r.file)),
      [['docs/decisions/0005-first.md', 'docs/decisions/0005-second.md']],
    );
    const texts = new Map(index.records.map((r) => [r.file, readFixture('broken', r.file)]));
    const changes = planRenumber(index.records, texts);
    assert.deepEqual(
      changes.map((c) => [c.file, c.renameFrom]),
      [
        ['docs/decisions/0008-second.md', 'docs/decisions/0005-second.md'],
        ['docs/decisions/0007-links-to-second.md', undefined],
      ],
    );
    assert.equal(changes[0]!.text, texts.get('docs/decisions/0005-second.md'));
    assert.equal(
      changes[1]!.text,
      lines(
        '---',
        'status: proposed',
        'date: 2025-04-01',
        'supersedes: 0008-second.md',
        '---',
        '',
        '# Rotate API tokens every 30 days',
        '',
        '## Context',
        '',
        '[ADR-0008: Rotate API tokens every 90 days](0008-second.md) was too lax for the auditors.',
      ),
    );
  });

  it('adr-tools: fixes the title number and "N. Title" link texts, across folders and CRLF', () => {
    const { records, texts } = parseAll({
      'doc/adr/0001-a.md': lines('# 1. A', '', 'Date: 2026-01-01', '', '## Status', '', 'Accepted'),
      'doc/adr/0002-b.md': lines('# 2. B', '', 'Date: 2026-02-01', '', '## Status', '', 'Superceded by [2. C](0002-c.md)'),
      'doc/adr/0002-c.md': '# 2. C\r\n\r\nDate: 2026-03-01\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nSupercedes [2. B](0002-b.md)\r\n',
      'docs/notes/0001-n.md': lines(
        '---',
        'status: accepted',
        '---',
        '# N',
        '',
        'See [2. C](../../doc/adr/0002-c.md#decision) and [B](../../doc/adr/0002-b.md).',
      ),
    });
    const changes = planRenumber(records, texts);
    assert.deepEqual(
      changes.map((c) => [c.file, c.renameFrom ?? null]),
      [
        ['doc/adr/0002-b.md', null],
        ['doc/adr/0003-c.md', 'doc/adr/0002-c.md'],
        ['docs/notes/0001-n.md', null],
      ],
    );
    assert.equal(changes[0]!.text, lines('# 2. B', '', 'Date: 2026-02-01', '', '## Status', '', 'Superceded by [3. C](0003-c.md)'));
    assert.equal(changes[1]!.text, '# 3. C\r\n\r\nDate: 2026-03-01\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nSupercedes [2. B](0002-b.md)\r\n');
    assert.equal(
      changes[2]!.text,
      lines('---', 'status: accepted', '---', '# N', '', 'See [3. C](../../doc/adr/0003-c.md#decision) and [B](../../doc/adr/0002-b.md).'),
    );
    // After applying the plan, nothing collides and every link resolves.
    const after = new Map(texts);
    for (const c of changes) {
      if (c.renameFrom) after.delete(c.renameFrom);
      after.set(c.file, c.text!);
    }
    const again = parseAll(Object.fromEntries(after));
    assert.deepEqual(findCollisions(again.records), []);
    assert.deepEqual(checkIndex(again.records, undefined), []);
  });

  it('three records on one number, undated last; native list values', () => {
    const { records, texts } = parseAll({
      'd/0004-x.md': lines('---', 'status: accepted', '---', '# X'),
      'd/0004-y.md': lines('---', 'status: accepted', 'date: 2026-05-01', '---', '# Y'),
      'd/0004-z.md': lines('---', 'status: accepted', 'date: 2026-04-01', '---', '# Z'),
      'd/0006-w.md': lines('---', 'status: accepted', 'supersedes: [0004-x.md, "0004-y.md"]', '---', '# W'),
    });
    const changes = planRenumber(records, texts);
    assert.deepEqual(
      changes.map((c) => [c.file, c.renameFrom ?? null]),
      [
        ['d/0008-x.md', 'd/0004-x.md'],
        ['d/0007-y.md', 'd/0004-y.md'],
        ['d/0006-w.md', null],
      ],
    );
    assert.equal(changes[2]!.text, lines('---', 'status: accepted', 'supersedes: [0008-x.md, "0007-y.md"]', '---', '# W'));
  });

  it('no collisions: no changes; categories number separately', async () => {
    const index = await scanDecisions(fixtureRoot('native'));
    assert.deepEqual(findCollisions(index.records), []);
    assert.deepEqual(planRenumber(index.records, new Map()), []);
  });
});

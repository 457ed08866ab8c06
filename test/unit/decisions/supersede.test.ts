import assert from 'node:assert/strict';
import { checkIndex, parseRecord, scanDecisions, supersede } from '../../../src/core/decisions';
import type { DecisionRecord, FileChange } from '../../../src/core/decisions';
import { fixtureRoot, folder, lines, readFixture } from './helpers';

const ADR = 'doc/architecture/decisions';

/** Parses the changed files and checks the links resolve both ways. */
function assertLinkedBothWays(changes: FileChange[], others: DecisionRecord[]): { created: DecisionRecord; old: DecisionRecord } {
  const [newChange, oldChange] = changes;
  assert.equal(changes.length, 2);
  assert.equal(newChange!.create, true);
  assert.equal(oldChange!.create, undefined);
  const dirOf = (f: string) => f.slice(0, f.lastIndexOf('/'));
  const created = parseRecord(newChange!.text!, newChange!.file, dirOf(newChange!.file));
  const old = parseRecord(oldChange!.text!, oldChange!.file, dirOf(oldChange!.file));
  assert.equal(created.status, 'proposed');
  assert.equal(old.status, 'superseded');
  assert.deepEqual(created.supersedes, [old.file]);
  assert.deepEqual(old.supersededBy, [created.file]);
  const all = [...others.filter((r) => r.file !== old.file), old, created];
  assert.deepEqual(
    checkIndex(all, undefined).filter((p) => p.file === old.file || p.file === created.file),
    [],
  );
  return { created, old };
}

describe('supersede', () => {
  it('adr-tools: exactly what `adr new -s 1 Second Decision` writes', () => {
    const first = lines('# 1. First Decision', '', 'Date: 1992-01-12', '', '## Status', '', 'Accepted', '', '## Context', '', 'Context here...');
    const old = parseRecord(first, 'doc/adr/0001-first-decision.md', 'doc/adr');
    const changes = supersede(old, first, folder('doc/adr', 'nygard', 'adr-dir'), [old], { title: 'Second Decision', date: '1992-01-12' });
    assert.equal(changes[0]!.file, 'doc/adr/0002-second-decision.md');
    assert.equal(
      changes[0]!.text!.split('\n').slice(0, 11).join('\n'),
      [
        '# 2. Second Decision',
        '',
        'Date: 1992-01-12',
        '',
        '## Status',
        '',
        'Proposed',
        '',
        'Supercedes [1. First Decision](0001-first-decision.md)',
        '',
        '## Context',
      ].join('\n'),
    );
    assert.equal(
      changes[1]!.text,
      lines(
        '# 1. First Decision',
        '',
        'Date: 1992-01-12',
        '',
        '## Status',
        '',
        'Superceded by [2. Second Decision](0002-second-decision.md)',
        '',
        '## Context',
        '',
        'Context here...',
      ),
    );
    assertLinkedBothWays(changes, [old]);
  });

  it('adr-tools fixture: keeps other links and CRLF of the old record', async () => {
    const index = await scanDecisions(fixtureRoot('adr-tools'));
    const old = index.records.find((r) => r.number === 3)!;
    const text = readFixture('adr-tools', old.file);
    const changes = supersede(old, text, index.folders[0]!, index.records, { title: 'Deploy with Nomad', date: '2026-11-21', owner: 'erin' });
    assert.equal(changes[0]!.file, `${ADR}/0006-deploy-with-nomad.md`);
    assert.equal(changes[1]!.text, text.replace('\r\nProposed\r\n', '\r\nSuperceded by [6. Deploy with Nomad](0006-deploy-with-nomad.md)\r\n'));
    assert.ok(changes[1]!.text!.includes('Amended by [5. Run migrations as Kubernetes jobs]'));
    assertLinkedBothWays(changes, index.records);
  });

  it('log4brains: "superseded by [stem](file.md)" and a Links bullet', async () => {
    const index = await scanDecisions(fixtureRoot('log4brains'));
    const old = index.records.find((r) => r.file === 'docs/adr/20240110-use-log4brains-to-manage-the-adrs.md')!;
    const text = readFixture('log4brains', old.file);
    const main = index.folders.find((f) => f.dir === 'docs/adr')!;
    const changes = supersede(old, text, main, index.records, { title: 'Use Backstage TechDocs for the ADRs', date: '2026-11-21' });
    assert.equal(changes[0]!.file, 'docs/adr/20261121-use-backstage-techdocs-for-the-adrs.md');
    assert.ok(
      changes[0]!.text!.endsWith(
        lines('- …', '', '## Links', '', '- Supersedes [20240110-use-log4brains-to-manage-the-adrs](20240110-use-log4brains-to-manage-the-adrs.md)'),
      ),
    );
    assert.equal(
      changes[1]!.text,
      text.replace(
        '- Status: accepted\n',
        '- Status: superseded by [20261121-use-backstage-techdocs-for-the-adrs](20261121-use-backstage-techdocs-for-the-adrs.md)\n',
      ),
    );
    assertLinkedBothWays(changes, index.records);
  });

  it('log4brains: a new record in a package folder links across folders', async () => {
    const index = await scanDecisions(fixtureRoot('log4brains'));
    const old = index.records.find((r) => r.file === 'docs/adr/20240320-use-graphql-for-the-public-api.md')!;
    const text = readFixture('log4brains', old.file);
    const pkg = index.folders.find((f) => f.source === 'package')!;
    const changes = supersede(old, text, pkg, index.records, { title: 'Public API moves to the payments package', date: '2026-11-21' });
    assert.ok(
      changes[1]!.text!.includes(
        '* Status: superseded by [20261121-public-api-moves-to-the-payments-package](../../packages/payments-api/adr/20261121-public-api-moves-to-the-payments-package.md) <!-- optional -->',
      ),
    );
    assert.ok(
      changes[0]!.text!.includes('- Supersedes [20240320-use-graphql-for-the-public-api](../../../docs/adr/20240320-use-graphql-for-the-public-api.md)'),
    );
    assertLinkedBothWays(changes, index.records);
  });

  it('native: status superseded, superseded-by and supersedes keys', async () => {
    const index = await scanDecisions(fixtureRoot('native'));
    const old = index.records.find((r) => r.file === 'docs/decisions/0004-record-money-as-integer-minor-units.md')!;
    const text = readFixture('native', old.file);
    const main = index.folders.find((f) => f.dir === 'docs/decisions')!;
    const changes = supersede(old, text, main, index.records, { title: 'Record money as decimal strings', date: '2026-11-21', owner: 'bob' });
    assert.equal(changes[0]!.file, 'docs/decisions/0005-record-money-as-decimal-strings.md');
    assert.equal(
      changes[0]!.text!.split('\n').slice(0, 10).join('\n'),
      [
        '---',
        'status: proposed',
        'date: 2026-11-21',
        'decision-makers: [bob]',
        'consulted: []',
        'informed: []',
        'owner: bob',
        'review-by:',
        'supersedes: 0004-record-money-as-integer-minor-units.md',
        '---',
      ].join('\n'),
    );
    assert.equal(changes[1]!.text, text.replace('status: accepted\n', 'status: superseded\nsuperseded-by: 0005-record-money-as-decimal-strings.md\n'));
    assertLinkedBothWays(changes, index.records);
  });

  it('native: from a category into the main folder, links relative to each file', async () => {
    const index = await scanDecisions(fixtureRoot('native'));
    const old = index.records.find((r) => r.file === 'docs/decisions/backend/0001-use-the-outbox-pattern.md')!;
    const text = readFixture('native', old.file);
    const main = index.folders.find((f) => f.dir === 'docs/decisions')!;
    const changes = supersede(old, text, main, index.records, { title: 'Use change data capture', date: '2026-11-21' });
    assert.ok(changes[0]!.text!.includes('\nsupersedes: backend/0001-use-the-outbox-pattern.md\n'));
    assert.ok(changes[1]!.text!.includes('\nstatus: superseded\nsuperseded-by: ../0005-use-change-data-capture.md\n'));
    assertLinkedBothWays(changes, index.records);
  });

  it('native: a quoted "superseded by ADR-…" record gets the superseded-by key too', async () => {
    const text = lines('---', 'status: "proposed"', 'superseded-by: [0003-a.md]', '---', '', '# Old');
    const old = parseRecord(text, 'd/0001-old.md', 'd');
    const changes = supersede(old, text, folder('d', 'madr'), [old], { title: 'New', date: '2026-11-21' });
    assert.equal(changes[1]!.text, lines('---', 'status: "superseded"', 'superseded-by: [0003-a.md, 0002-new.md]', '---', '', '# Old'));
  });
});

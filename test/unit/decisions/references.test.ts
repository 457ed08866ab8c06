import assert from 'node:assert/strict';
import { findReferences, resolveReference, scanDecisions } from '../../../src/core/decisions';
import { fixtureRoot } from './helpers';

describe('findReferences', () => {
  it('finds ADR-N mentions and .md links with columns', () => {
    const line = 'See ADR-0007 and ADR-12, [the ledger](0002-use-postgresql.md#rationale) and [docs](https://x.io/a.md).';
    assert.deepEqual(findReferences(line), [
      { start: 4, end: 12, kind: 'adr', number: 7 },
      { start: 17, end: 23, kind: 'adr', number: 12 },
      { start: 25, end: 71, kind: 'link', target: '0002-use-postgresql.md#rationale', targetStart: 38, targetEnd: 70 },
    ]);
  });

  it('an ADR mention inside a link belongs to the link; words and file names are not mentions', () => {
    const line = '[ADR-0005: Rotate tokens](0005-second.md) MADR-4 adr-0001 ADR-0005.md docs/ADR-0002 [img](x.png) ![pic](a.md) (ADR-0003).';
    assert.deepEqual(
      findReferences(line).map((r) => [r.kind, r.start, r.end, r.number ?? r.target]),
      [
        ['link', 0, 41, '0005-second.md'],
        ['adr', line.indexOf('(ADR-0003)') + 1, line.indexOf('(ADR-0003)') + 9, 3],
      ],
    );
  });

  it('handles angle-bracket targets, titles and nested brackets', () => {
    assert.deepEqual(
      findReferences('[a [b]](<my file.md> "Title") [c](../d.md \'t\')').map((r) => r.target),
      ['my file.md', '../d.md'],
    );
  });
});

describe('resolveReference', () => {
  it('ADR-N: same folder first, then any folder; links relative to the file', async () => {
    const { records } = await scanDecisions(fixtureRoot('native'));
    const from = 'docs/decisions/backend/0002-retry-with-exponential-backoff.md';
    assert.equal(resolveReference(records, from, { kind: 'adr', number: 1 })?.file, 'docs/decisions/backend/0001-use-the-outbox-pattern.md');
    assert.equal(resolveReference(records, from, { kind: 'adr', number: 4 })?.file, 'docs/decisions/0004-record-money-as-integer-minor-units.md');
    assert.equal(resolveReference(records, from, { kind: 'adr', number: 99 }), undefined);
    assert.equal(
      resolveReference(records, 'docs/decisions/0004-record-money-as-integer-minor-units.md', { kind: 'adr', number: 1 })?.file,
      'docs/decisions/0001-use-mysql-for-the-ledger.md',
    );
    assert.equal(
      resolveReference(records, from, { kind: 'link', target: '../0002-use-postgresql-for-the-ledger.md#context' })?.file,
      'docs/decisions/0002-use-postgresql-for-the-ledger.md',
    );
    assert.equal(
      resolveReference(records, 'README.md', { kind: 'link', target: '/docs/decisions/frontend/0001-use-web-components.md' })?.file,
      'docs/decisions/frontend/0001-use-web-components.md',
    );
    assert.equal(resolveReference(records, from, { kind: 'link', target: 'missing.md' }), undefined);
  });

  it('every reference in a fixture line resolves', async () => {
    const { records } = await scanDecisions(fixtureRoot('native'));
    const file = 'docs/decisions/0004-record-money-as-integer-minor-units.md';
    const line = 'Floating point rounding in the fee calculation lost 0.01 EUR on 3% of payouts (see ADR-0002 and';
    const next = '[the ledger decision](0002-use-postgresql-for-the-ledger.md)).';
    for (const l of [line, next]) {
      const refs = findReferences(l);
      assert.equal(refs.length, 1);
      assert.equal(resolveReference(records, file, refs[0]!)?.file, 'docs/decisions/0002-use-postgresql-for-the-ledger.md');
    }
  });
});

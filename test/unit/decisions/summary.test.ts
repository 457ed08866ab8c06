// Which decision records need attention (src/core/decisions/summary.ts): overdue reviews, records
// awaiting a decision, the totals and the order the Today panel shows them in.
import assert from 'node:assert/strict';
import { STATUSES, type DecisionRecord, type DecisionStatus } from '../../../src/core/decisions';
import { decisionsSummary, isOverdue, numberLabel } from '../../../src/core/decisions/summary';

const TODAY = '2026-11-21';

function record(over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    file: 'docs/decisions/0001-x.md',
    folder: 'docs/decisions',
    format: 'madr',
    number: 1,
    slug: 'x',
    title: 'X',
    status: 'accepted',
    rawStatus: 'accepted',
    date: null,
    owner: null,
    decisionMakers: [],
    consulted: [],
    informed: [],
    reviewBy: null,
    reviewTrigger: null,
    tags: [],
    supersedes: [],
    supersededBy: [],
    issues: [],
    sections: [],
    lines: { title: 0, status: null, date: null, reviewBy: null },
    problems: [],
    ...over,
  };
}

/** A record source like the extension's DecisionStore; ids are the files. */
function source(records: DecisionRecord[], isLoaded = true) {
  return { isLoaded, records: () => records.map((r) => ({ record: r })) };
}
const byFile = (ref: { record: DecisionRecord }) => ref.record.file;

describe('Decision summary: overdue reviews', () => {
  it('is overdue from the day after review-by, for any status that is not settled', () => {
    for (const status of [...STATUSES, null] as (DecisionStatus | null)[]) {
      const settled = status === 'superseded' || status === 'deprecated' || status === 'rejected';
      assert.equal(isOverdue({ reviewBy: '2026-11-20', status }, TODAY), !settled, `${status}`);
      assert.equal(isOverdue({ reviewBy: TODAY, status }, TODAY), false, `${status}: due today is not overdue`);
    }
    assert.equal(isOverdue({ reviewBy: null, status: 'accepted' }, TODAY), false);
  });

  it('labels record numbers with four digits, and none for date-named records', () => {
    assert.equal(numberLabel({ number: 7 }), '0007');
    assert.equal(numberLabel({ number: 12345 }), '12345');
    assert.equal(numberLabel({ number: 0 }), '0000');
    assert.equal(numberLabel({ number: null }), '');
  });
});

describe('Decision summary: the Today panel', () => {
  it('lists overdue reviews first, then records awaiting a decision, each by title; counts every record', () => {
    const records = [
      record({ file: 'a.md', number: 3, title: 'Use Postgres', status: 'proposed', date: '2026-11-02', owner: 'bob' }),
      record({ file: 'b.md', number: null, title: '', status: 'draft' }),
      record({ file: 'c.md', number: 12, title: 'Zone rules', status: 'accepted', reviewBy: '2026-11-01', owner: 'alice' }),
      record({ file: 'd.md', title: 'Adopt ADRs', status: 'accepted' }),
      record({ file: 'e.md', title: 'Old way', status: 'superseded', reviewBy: '2026-01-01' }),
      record({ file: 'f.md', title: 'Audit log', status: 'proposed', reviewBy: '2026-11-20' }),
      record({ file: 'g.md', title: 'Pending thing', status: null, statusText: 'Pending' }),
    ];
    const summary = decisionsSummary(source(records), TODAY, byFile);
    assert.deepEqual(summary, {
      loaded: true,
      totals: { records: 7, accepted: 2, open: 3, overdue: 2 },
      attention: [
        { id: 'f.md', number: '0001', title: 'Audit log', status: 'proposed', reason: 'review-overdue', detail: 'review was due 2026-11-20' },
        { id: 'c.md', number: '0012', title: 'Zone rules', status: 'accepted', reason: 'review-overdue', detail: 'review was due 2026-11-01 · @alice' },
        { id: 'b.md', number: '', title: 'b.md', status: 'draft', reason: 'awaiting-decision', detail: 'draft' },
        { id: 'a.md', number: '0003', title: 'Use Postgres', status: 'proposed', reason: 'awaiting-decision', detail: 'proposed 2026-11-02 · @bob' },
      ],
    });
  });

  it('says whether the records are loaded yet, and is empty without records', () => {
    const empty = { loaded: false, totals: { records: 0, accepted: 0, open: 0, overdue: 0 }, attention: [] };
    assert.deepEqual(decisionsSummary(source([], false), TODAY, byFile), empty);
  });

  it('follows the given day: a review due today is overdue tomorrow', () => {
    const records = [record({ file: 'a.md', status: 'accepted', reviewBy: TODAY })];
    assert.equal(decisionsSummary(source(records), TODAY, byFile).totals.overdue, 0);
    assert.equal(decisionsSummary(source(records), '2026-11-22', byFile).totals.overdue, 1);
  });

  it('names each record by the id the caller gives it', () => {
    const records = [record({ file: 'a.md', status: 'proposed' })];
    const summary = decisionsSummary(source(records), TODAY, (ref) => `file:///repo#${ref.record.file}`);
    assert.equal(summary.attention[0]!.id, 'file:///repo#a.md');
  });
});

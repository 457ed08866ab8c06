// Which decision records need someone's attention, without VS Code: overdue reviews and records still
// awaiting a decision, with the totals the Today panel shows. The Decisions tree uses the same
// overdue rule for its warning icon. `today` is always passed in, so callers decide whose clock counts
// (the extension's clock can be fixed by tests).
import type { AttentionItem, DecisionsSummary } from '../../protocol/today';
import type { DecisionRecord } from './types';

/** A review-by date before `today` on a record that is not settled (superseded, deprecated, rejected). */
export function isOverdue(record: Pick<DecisionRecord, 'reviewBy' | 'status'>, today: string): boolean {
  const { reviewBy, status } = record;
  return !!reviewBy && reviewBy < today && status !== 'superseded' && status !== 'deprecated' && status !== 'rejected';
}

/** '0007' for record 7; '' for records without a number (log4brains files are named by date). */
export function numberLabel(record: Pick<DecisionRecord, 'number'>): string {
  const { number } = record;
  return number === null ? '' : String(number).padStart(4, '0');
}

/** Where the records come from: the extension's DecisionStore fits, and so does a plain object in tests. */
export interface RecordSource<R extends { record: DecisionRecord }> {
  readonly isLoaded: boolean;
  records(): R[];
}

/**
 * The Today panel's decisions: totals, and the records needing attention, overdue reviews first, then
 * records awaiting a decision (proposed or draft), each group by title. `idOf` names a record in a way
 * the host can resolve when the panel asks to open or accept it.
 */
export function decisionsSummary<R extends { record: DecisionRecord }>(source: RecordSource<R>, today: string, idOf: (ref: R) => string): DecisionsSummary {
  const refs = source.records();
  const attention: AttentionItem[] = [];
  for (const ref of refs) {
    const r = ref.record;
    const base = { id: idOf(ref), number: numberLabel(r), title: r.title || r.file, status: r.status ?? 'unknown' };
    if (isOverdue(r, today)) {
      attention.push({ ...base, reason: 'review-overdue', detail: `review was due ${r.reviewBy}${r.owner ? ` · @${r.owner}` : ''}` });
    } else if (r.status === 'proposed' || r.status === 'draft') {
      attention.push({ ...base, reason: 'awaiting-decision', detail: `${r.status}${r.date ? ` ${r.date}` : ''}${r.owner ? ` · @${r.owner}` : ''}` });
    }
  }
  attention.sort((a, b) => (a.reason === b.reason ? a.title.localeCompare(b.title) : a.reason === 'review-overdue' ? -1 : 1));
  return {
    loaded: source.isLoaded,
    totals: {
      records: refs.length,
      accepted: refs.filter((r) => r.record.status === 'accepted').length,
      open: refs.filter((r) => r.record.status === 'proposed' || r.record.status === 'draft').length,
      overdue: attention.filter((a) => a.reason === 'review-overdue').length,
    },
    attention,
  };
}

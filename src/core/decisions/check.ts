// Cross-record checks: broken links between records, duplicate numbers, overdue reviews.
import { pad } from '../shared/text';
import type { DecisionRecord, RecordLink } from './types';
import type { Problem } from '../shared/problem';
import { isOverdue } from './summary';

/** The record a link points at: by file, or by number within the linking record's folder. */
function linkTarget(
  link: RecordLink,
  from: DecisionRecord,
  byFile: Map<string, DecisionRecord>,
  byNumber: Map<string, DecisionRecord[]>,
): DecisionRecord | undefined {
  if (link.target !== null) return byFile.get(link.target);
  if (link.number === undefined) return undefined;
  return byNumber.get(`${from.folder}\u0000${link.number}`)?.[0];
}

function indexes(records: readonly DecisionRecord[]) {
  const byFile = new Map<string, DecisionRecord>();
  const byNumber = new Map<string, DecisionRecord[]>();
  for (const r of records) {
    byFile.set(r.file, r);
    if (r.number === null) continue;
    const key = `${r.folder}\u0000${r.number}`;
    const group = byNumber.get(key);
    if (group) group.push(r);
    else byNumber.set(key, [r]);
  }
  return { byFile, byNumber };
}

/**
 * Fills supersedes / supersededBy from each record's links, resolving links by number
 * ("superseded by ADR-0123") against the other records, and infers the direction a link is written on one
 * side only (a record that says "supersedes ADR-0045" makes 0045 superseded by it, and the other way round).
 * Files are not edited. Idempotent; checkIndex calls it.
 */
export function linkRecords(records: readonly DecisionRecord[]): void {
  resolveLinks(records, indexes(records));
}

function resolveLinks(records: readonly DecisionRecord[], { byFile, byNumber }: ReturnType<typeof indexes>): void {
  for (const r of records) {
    // Recomputed from the links every time, so that inferred links below never pile up.
    if (!r.links) continue;
    const files = (kind: RecordLink['kind']) => [
      ...new Set(
        r
          .links!.filter((l) => l.kind === kind)
          .flatMap((l) => {
            if (l.target !== null) return [l.target];
            const target = linkTarget(l, r, byFile, byNumber);
            return target ? [target.file] : [];
          }),
      ),
    ];
    r.supersedes = files('supersedes');
    r.supersededBy = files('superseded-by');
  }
  // The missing direction of links written on one side only.
  for (const r of records) {
    for (const target of r.supersedes) {
      const other = byFile.get(target);
      if (other && other !== r && !other.supersededBy.includes(r.file)) other.supersededBy = [...other.supersededBy, r.file];
    }
    for (const target of r.supersededBy) {
      const other = byFile.get(target);
      if (other && other !== r && !other.supersedes.includes(r.file)) other.supersedes = [...other.supersedes, r.file];
    }
  }
}

/**
 * Problems across records (parse problems stay in each record's `problems`): broken links
 * ('broken-link', at the link), numbers used twice in a folder ('duplicate-number', on each title line)
 * and, when today (YYYY-MM-DD) is given, passed review-by dates ('review-overdue', warning).
 * Also resolves links by number into supersedes / supersededBy (see linkRecords).
 */
export function checkIndex(records: DecisionRecord[], today: string | undefined): Problem[] {
  const index = indexes(records);
  resolveLinks(records, index);
  const { byFile, byNumber } = index;
  const problems: Problem[] = [];
  for (const r of records) {
    for (const link of r.links ?? []) {
      if (linkTarget(link, r, byFile, byNumber)) continue;
      const what = link.target !== null ? link.target : `ADR-${pad(link.number ?? 0)} in ${r.folder || '.'}`;
      const p: Problem = {
        file: r.file,
        line: link.line,
        severity: 'error',
        code: 'broken-link',
        message: `Broken link (${link.label}): ${what} is not a decision record.`,
      };
      if (link.column !== undefined) p.column = link.column;
      if (link.endColumn !== undefined) p.endColumn = link.endColumn;
      problems.push(p);
    }
    if (today && isOverdue(r, today)) {
      problems.push({
        file: r.file,
        line: r.lines.reviewBy ?? r.lines.title,
        severity: 'warning',
        code: 'review-overdue',
        message: `Review overdue: review-by ${r.reviewBy} has passed.`,
      });
    }
  }
  for (const group of byNumber.values()) {
    if (group.length < 2) continue;
    for (const r of group) {
      const others = group.filter((o) => o !== r).map((o) => o.file.slice(o.file.lastIndexOf('/') + 1));
      problems.push({
        file: r.file,
        line: r.lines.title,
        severity: 'error',
        code: 'duplicate-number',
        message: `Number ${pad(r.number!)} is also used by ${others.join(', ')}. Run "Renumber Decision Records" to fix.`,
      });
    }
  }
  return problems;
}

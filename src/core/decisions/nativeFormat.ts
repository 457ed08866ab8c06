// The native format (SPEC §2.2, MADR-compatible): everything in the YAML front matter, read from the
// nodes with their source ranges so that edits can replace a value where it is written.
import { isScalar, type Pair } from 'yaml';
import { lineAt } from '../shared/positions';
import { normalizeStatus } from './status';
import type { Analysis } from './parse';
import { positionAt } from '../shared/positions';
import { listItems, noteStatus, readDate, referenceIn, resolveLinkTarget, scalarText } from './recordFields';
import type { RecordLink } from './types';
import type { ProblemFn } from './recordFields';

export function readNative(a: Analysis, problem: ProblemFn): void {
  const { record, frontMatter: fm } = a;
  if (!fm) return;
  const pairLine = (pair: Pair) => lineAt(a.starts, fm.offset + ((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0));
  const get = (key: string) => fm.pairs.get(key);
  const text = (key: string) => {
    const pair = get(key);
    return pair ? scalarText(pair.value) : null;
  };

  const statusPair = get('status');
  if (statusPair) {
    const line = pairLine(statusPair);
    record.lines.status = line;
    const raw = scalarText(statusPair.value);
    const node = statusPair.value;
    if (isScalar(node) && node.range && node.range[1] > node.range[0]) {
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
      a.status = { start: fm.offset + node.range[0], end: fm.offset + node.range[1], quote };
    }
    if (raw !== null) {
      record.rawStatus = raw;
      record.status = normalizeStatus(raw);
      const column = a.status ? a.status.start - a.starts[line]! : undefined;
      const endColumn = a.status && lineAt(a.starts, a.status.end) === line ? a.status.end - a.starts[line]! : undefined;
      noteStatus(record, line, problem);
      // Native records use our set of statuses: anything else is worth a word.
      if (!record.status) {
        problem(
          line,
          'error',
          'unknown-status',
          `Unknown status "${raw}". Use one of: draft, proposed, accepted, rejected, deprecated, superseded.`,
          column,
          endColumn,
        );
      } else if (record.status === 'superseded') {
        // MADR: "superseded by ADR-0123" or a link.
        const ref = referenceIn(raw.replace(/^\S+\s*(by\s*)?/i, ''), record.file);
        if (ref)
          record.links!.push({
            kind: 'superseded-by',
            label: 'status',
            target: ref.target,
            ...(ref.number !== undefined ? { number: ref.number } : {}),
            line,
            column,
            endColumn,
          });
      }
    }
  }

  const datePair = get('date');
  if (datePair) {
    record.date = readDate(text('date'), pairLine(datePair), problem);
    record.lines.date = pairLine(datePair);
  }
  record.decisionMakers = listItems((get('decision-makers') ?? get('deciders'))?.value).map((i) => i.value);
  record.consulted = listItems(get('consulted')?.value).map((i) => i.value);
  record.informed = listItems(get('informed')?.value).map((i) => i.value);
  record.owner = text('owner')?.replace(/^@/, '') || null;
  const reviewPair = get('review-by');
  if (reviewPair) {
    record.reviewBy = readDate(text('review-by'), pairLine(reviewPair), problem);
    record.lines.reviewBy = pairLine(reviewPair);
  }
  record.reviewTrigger = text('review-trigger');
  record.tags = listItems(get('tags')?.value).map((i) => i.value);
  record.issues = listItems(get('issues')?.value).map((i) => (/^\d+$/.test(i.value) ? `#${i.value}` : i.value));

  for (const [key, kind] of [
    ['supersedes', 'supersedes'],
    ['superseded-by', 'superseded-by'],
  ] as const) {
    const pair = get(key);
    if (!pair) continue;
    for (const item of listItems(pair.value)) {
      const ref = referenceIn(item.value, record.file) ?? { target: resolveLinkTarget(record.file, item.value), column: 0, endColumn: item.value.length };
      const at = item.offset !== null ? positionAt(a.starts, fm.offset + item.offset) : null;
      const link: RecordLink = { kind, label: key, target: ref.target, line: at ? at.line : pairLine(pair) };
      if (ref.number !== undefined) link.number = ref.number;
      if (at) {
        link.column = at.column;
        link.endColumn = at.column + item.value.length;
      }
      record.links!.push(link);
    }
  }
}

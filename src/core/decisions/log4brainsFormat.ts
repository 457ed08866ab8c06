// log4brains records: a "- Date: …", "- Status: …" bullet list of metadata under the title.
import type { Analysis } from './parse';
import { numberRelations, relationLink } from './nygardFormat';
import { normalizeStatus } from './status';
import { isRecordTarget, noteStatus, readDate, resolveLinkTarget } from './recordFields';
import { findMarkdownLinks, lineContent } from '../shared/text';
import type { ProblemFn } from './recordFields';

interface MetaItem {
  key: string;
  value: string;
  line: number;
  /** Columns of the value (without a trailing HTML comment). */
  start: number;
  end: number;
  bullet: string;
}

export function readMetaBullets(lines: string[], from: number, to: number): MetaItem[] {
  const items: MetaItem[] = [];
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const content = lineContent(lines[i]!);
    const m = /^(\s*([-*+])\s+)([A-Za-z][A-Za-z -]*?)\s*:(\s*)(.*)$/.exec(content);
    if (!m) continue;
    let value = m[5]!;
    const comment = value.indexOf('<!--');
    if (comment !== -1) value = value.slice(0, comment);
    value = value.trimEnd();
    const start = m[1]!.length + m[3]!.length + 1 + m[4]!.length;
    items.push({ key: m[3]!.trim().toLowerCase(), value, line: i, start, end: start + value.length, bullet: m[2]! });
  }
  return items;
}

export function readLog4brains(
  a: Analysis,
  list: { line: number; endLine: number } | null,
  items: MetaItem[],
  datePrefix: string | null,
  problem: ProblemFn,
): void {
  const { record } = a;
  if (list && items.length > 0) a.meta = { firstLine: list.line, lastLine: list.endLine - 1, bullet: items[0]!.bullet };
  const item = (key: string) => items.find((i) => i.key === key);
  const status = item('status');
  if (status) {
    record.rawStatus = status.value.trim();
    record.lines.status = status.line;
    a.status = { start: a.starts[status.line]! + status.start, end: a.starts[status.line]! + status.end, quote: '' };
    record.status = normalizeStatus(record.rawStatus);
    // Teams write any status here ("Pending", "On hold"): kept as statusText, not a problem.
    noteStatus(record, status.line, problem);
    const hasLink = findMarkdownLinks(status.value).some((l) => isRecordTarget(l.target));
    if (!hasLink) record.links!.push(...numberRelations(status.value, (offset) => ({ line: status.line, column: status.start + offset }), 'Status'));
    if (record.status === 'superseded') {
      const link = findMarkdownLinks(status.value).find((l) => isRecordTarget(l.target));
      if (link) {
        record.links!.push({
          kind: 'superseded-by',
          label: 'Status',
          target: resolveLinkTarget(record.file, link.target),
          line: status.line,
          column: status.start + link.start,
          endColumn: status.start + link.end,
        });
      }
    }
  }
  const date = item('date');
  record.date = (date ? readDate(date.value, date.line, problem) : null) ?? datePrefix;
  record.lines.date = date ? date.line : null;
  const split = (v: string | undefined, re: RegExp) =>
    (v ?? '')
      .split(re)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  record.decisionMakers = split(item('deciders')?.value, /,/);
  record.tags = split(item('tags')?.value, /[,\s]+/);
  // Other links: "## Links" bullets such as "- Supersedes [20200101-foo](20200101-foo.md)".
  const linksSection = record.sections.find((s) => /^links\b/i.test(s.heading));
  if (linksSection) {
    for (let i = linksSection.line + 1; i < linksSection.endLine; i++) {
      const rel = relationLink(lineContent(a.lines[i]!), record.file, i);
      if (rel) record.links!.push(rel);
    }
  }
}

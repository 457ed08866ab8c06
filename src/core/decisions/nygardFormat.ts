// adr-tools (Nygard) records: a "Date:" line under the title, a "## Status" section whose paragraphs
// may be wrapped, amended or free text, and relations written as links or numbers ("Supercedes [3. X](0003-x.md)",
// "Superseded by 0057").
import type { RecordLink } from './types';
import type { Analysis } from './parse';
import { normalizeStatus } from './status';
import { isRecordTarget, noteStatus, readDate, resolveLinkTarget } from './recordFields';
import { findMarkdownLinks, lineContent } from '../shared/text';
import type { ProblemFn } from './recordFields';

/** "Date: 2026-01-02" between the title and the first section (adr-tools). */
export function findDateLine(lines: string[], from: number, to: number): { line: number; value: string } | null {
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const m = /^\s{0,3}Date:\s*(.*?)\s*$/i.exec(lineContent(lines[i]!));
    if (m) return { line: i, value: m[1]! };
  }
  return null;
}

/** A status-section or Links line such as "Supercedes [3. X](0003-x.md)" or "- Superseded by [x](x.md)". */
export function relationLink(content: string, fromFile: string, line: number): RecordLink | null {
  const link = findMarkdownLinks(content).find((l) => isRecordTarget(l.target));
  if (!link) return null;
  const label = content
    .slice(0, link.start)
    .replace(/^\s*(?:[-*+]\s+)?/, '')
    .replace(/[\s:]+$/, '')
    .trim();
  if (!label) return null;
  const kind = /^(?:(?:partly|partially)\s+)?super[cs]eded[\s-]*by$/i.test(label) ? 'superseded-by' : /^super[cs]edes$/i.test(label) ? 'supersedes' : 'related';
  return { kind, label, target: resolveLinkTarget(fromFile, link.target), line, column: link.start, endColumn: link.end };
}

export function readNygard(
  a: Analysis,
  section: { line: number; endLine: number } | null,
  dateLine: { line: number; value: string } | null,
  problem: ProblemFn,
): void {
  const { record, lines } = a;
  if (dateLine) {
    record.date = readDate(dateLine.value, dateLine.line, problem);
    record.lines.date = dateLine.line;
  }
  if (!section) return;
  a.statusSection = { line: section.line, endLine: section.endLine };
  const paragraphs = statusParagraphs(lines, section.line + 1, section.endLine);
  // The status is a paragraph (people wrap long ones: "Partially superseded by [ADR\n17](…)"). adr-tools
  // itself can leave a link line first, and people amend a record by adding a later status paragraph
  // ("Accepted" then "Superseded by […]"): the last paragraph that is a status wins, relation-only
  // paragraphs ("Amended by […]", "Supercedes […]") are never the status.
  const isRelationOnly = (p: Paragraph) => {
    const rel = paragraphRelation(p, record.file);
    return rel !== null && rel.kind !== 'superseded-by';
  };
  const statuses = paragraphs.filter((p) => normalizeStatus(p.flat) !== null && !isRelationOnly(p));
  const statusPara = statuses[statuses.length - 1] ?? paragraphs.find((p) => !isRelationOnly(p));
  if (statusPara) {
    const raw = statusPara.flat.trim();
    record.rawStatus = raw;
    record.status = normalizeStatus(raw);
    record.lines.status = statusPara.line;
    const first = statusPara.parts[0]!;
    const last = statusPara.parts[statusPara.parts.length - 1]!;
    a.status = {
      start: a.starts[first.line]! + first.indent,
      end: a.starts[last.line]! + last.indent + last.text.trimEnd().length,
      quote: '',
    };
    noteStatus(record, statusPara.line, problem);
    if (statuses.length > 1 && statuses[0] !== statusPara) {
      problem(
        statusPara.line,
        'info',
        'amended-status',
        `The status is "${raw}", from the last status paragraph (an earlier one says "${statuses[0]!.flat.trim()}").`,
      );
    }
  }
  for (const p of paragraphs) {
    const rel = paragraphRelation(p, record.file);
    if (rel) record.links!.push(rel);
    else if (p === statusPara) record.links!.push(...numberRelations(p.flat, (offset) => p.at(offset), 'status'));
  }
}

interface Paragraph {
  line: number;
  /** Lines with their content (indentation removed), its column and offset in `flat`. */
  parts: { line: number; indent: number; text: string; offset: number }[];
  /** The lines joined by single spaces (same length as the joined lines). */
  flat: string;
  /** Line and column of an offset in flat. */
  at(offset: number): { line: number; column: number };
}

/** A line that starts a relation ("Supercedes […]", "Amended by […]") begins its own paragraph. */
const RELATION_START_RE =
  /^(?:[-*+]\s+|(?:super[cs]edes|super[cs]eded\s+by|amends|amended\s+by|clarifies|clarified\s+by|extends|extended\s+by|relates\s+to|related\s+to)\b)/i;

function statusParagraphs(lines: string[], from: number, to: number): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph['parts'] = [];
  const flush = () => {
    if (!current.length) return;
    const parts = current;
    const flat = parts.map((p) => p.text).join(' ');
    out.push({
      line: parts[0]!.line,
      parts,
      flat,
      at(offset: number) {
        let part = parts[0]!;
        for (const p of parts) if (p.offset <= offset) part = p;
        return { line: part.line, column: part.indent + Math.min(offset - part.offset, part.text.length) };
      },
    });
    current = [];
  };
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const content = lineContent(lines[i]!);
    if (content.trim() === '') {
      flush();
      continue;
    }
    const text = content.trimStart();
    if (current.length && RELATION_START_RE.test(text)) flush();
    const offset = current.length ? current[current.length - 1]!.offset + current[current.length - 1]!.text.length + 1 : 0;
    current.push({ line: i, indent: content.length - text.length, text, offset });
  }
  flush();
  return out;
}

/** relationLink over a whole paragraph, so that a link wrapped over two lines is one link. */
function paragraphRelation(p: Paragraph, fromFile: string): RecordLink | null {
  const rel = relationLink(p.flat, fromFile, p.line);
  if (!rel) return null;
  const start = p.at(rel.column!);
  const end = p.at(rel.endColumn! - 1);
  const out: RecordLink = { ...rel, line: start.line, column: start.column };
  if (end.line === start.line) out.endColumn = end.column + 1;
  else delete out.endColumn;
  return out;
}

/** Relations by number in a status: "Accepted; supersedes ADR-0045", "Superseded by 0057". */
export function numberRelations(text: string, at: (offset: number) => { line: number; column: number }, label: string): RecordLink[] {
  const out: RecordLink[] = [];
  for (const m of text.matchAll(/\b(super[cs]edes|super[cs]eded\s+by)\s*:?\s*((?:ADR[- ]?)?0*(\d+))\b(?!\.\w)/gi)) {
    const start = m.index + m[0].length - m[2]!.length;
    const where = at(start);
    const endWhere = at(start + m[2]!.length - 1);
    const link: RecordLink = {
      kind: /edes$/i.test(m[1]!) ? 'supersedes' : 'superseded-by',
      label,
      target: null,
      number: Number.parseInt(m[3]!, 10),
      line: where.line,
      column: where.column,
    };
    if (endWhere.line === where.line) link.endColumn = endWhere.column + 1;
    out.push(link);
  }
  return out;
}

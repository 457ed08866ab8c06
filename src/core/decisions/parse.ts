// Reads one decision record in any of the three formats (SPEC §2.2) without ever throwing.
// Structure comes from yaml nodes with source ranges (front matter, see ../shared/frontMatter.ts) and markdown-it
// (block tokens with line maps); single metadata lines ("Date: …", "- Status: …") are matched line by line.
import MarkdownIt, { type MarkdownIt as Markdown, type StateBlock } from 'markdown-it';
import { isScalar, isSeq, type Pair } from 'yaml';
import { frontMatterEnd, readSimpleFrontMatter, readYamlFrontMatter } from '../shared/frontMatter';
import { posix } from 'node:path';
import { lineAt, lineStarts, positionAt } from '../shared/positions';
import { detectEol, findMarkdownLinks, lineContent, splitLines, stripBom } from '../shared/text';
import { normalizeStatus, statusPhrase } from './status';
import type { DecisionRecord, RecordFormat, RecordLink } from './types';
import type { Problem } from '../shared/problem';

/** A located front matter block. Line numbers are 0-based file lines. */
export interface FrontMatter {
  open: number;
  close: number;
  /** Absolute offset where the YAML text starts (the line after the opening ---). */
  offset: number;
  /** Top-level pairs by lower-cased key, in file order. */
  pairs: Map<string, Pair>;
  /** Parsed without errors into a mapping (or empty). */
  ok: boolean;
}

export interface Heading {
  level: number;
  line: number;
  text: string;
}

/** Everything the writers need to edit a record surgically. */
export interface Analysis {
  text: string;
  lines: string[];
  starts: number[];
  eol: '\r\n' | '\n';
  record: DecisionRecord;
  frontMatter: FrontMatter | null;
  /** First line after the front matter. */
  bodyStart: number;
  /** Top-level headings (not inside lists or quotes). */
  headings: Heading[];
  titleLine: number | null;
  /** Absolute offsets of the status value as written, quotes included for YAML. */
  status: { start: number; end: number; quote: '' | '"' | "'" } | null;
  /** adr-tools `## Status` section. */
  statusSection: { line: number; endLine: number } | null;
  /** log4brains metadata bullet list. */
  meta: { firstLine: number; lastLine: number; bullet: string } | null;
  /** False when parsing failed unexpectedly (the record then only carries a problem). */
  complete: boolean;
}

let markdown: Markdown | undefined;
function md(): Markdown {
  if (!markdown) {
    markdown = new MarkdownIt('commonmark');
    // Block structure is all we need: skipping inline parsing keeps a 10,000-record scan fast.
    markdown.core.ruler.enableOnly(['normalize', 'block']);
    markdown.block.ruler.at('paragraph', paragraphExtent);
  }
  return markdown;
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * markdown-it's paragraph rule without its output: finds where a paragraph ends (the same terminators)
 * but builds no content string and no tokens, which is most of the work on prose-heavy records and
 * nothing we read. Headings, lists and code blocks are tokenized as usual.
 */
function paragraphExtent(state: StateBlock, startLine: number, endLine: number): boolean {
  const terminators = state.md.block.ruler.getRules('paragraph') as BlockRule[];
  const parentType = state.parentType;
  state.parentType = 'paragraph';
  let next = startLine + 1;
  scan: for (; next < endLine && !state.isEmpty(next); next++) {
    // Lazy continuation lines and over-indented lines never end a paragraph.
    if (state.sCount[next]! - state.blkIndent > 3 || state.sCount[next]! < 0) continue;
    for (const rule of terminators) if (rule(state, next, endLine, true)) break scan;
  }
  state.line = next;
  state.parentType = parentType;
  return true;
}

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
/** 'YYYYMMDD' prefixes of log4brains file names. */
const DATE_PREFIX_RE = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/** Number and slug from a file name: '0007-use-postgres.md' -> 7, 'use-postgres'; '20200101-foo.md' -> null, 'foo'. */
export function parseFileName(file: string): { number: number | null; slug: string; stem: string; datePrefix: string | null } {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const stem = base.replace(/\.md$/i, '');
  // 'NNNN-slug', and the hand-rolled 'adr-NNN-slug' / 'ADR_NNN-slug'.
  const m = /^(?:adr[-_]?)?(\d+)-(.*)$/i.exec(stem);
  if (!m) return { number: null, slug: stem, stem, datePrefix: null };
  const digits = m[1]!;
  if (DATE_PREFIX_RE.test(digits) && !/^adr/i.test(stem)) {
    return { number: null, slug: m[2]!, stem, datePrefix: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` };
  }
  const number = Number.parseInt(digits, 10);
  return { number: Number.isSafeInteger(number) ? number : null, slug: m[2]!, stem, datePrefix: null };
}

/** Resolves a link target written in fromFile to a root-relative path (forward slashes). */
export function resolveLinkTarget(fromFile: string, target: string): string {
  let t = target.trim().replace(/[#?].*$/, '');
  try {
    t = decodeURI(t);
  } catch {
    // keep it as written
  }
  t = t.replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t.slice(1) : posix.join(posix.dirname(fromFile), t);
  const normalized = posix.normalize(joined);
  return normalized === '.' ? '' : normalized.replace(/^\.\//, '');
}

/** Section names people also write at another heading level. */
const KNOWN_SECTION_RE = /^(status|context|decision|consequences|links)$/i;

/**
 * True for a template copied into a decisions folder: its title is still a placeholder, as in MADR's
 * "{short title of solved problem and solution}", MADR 2 / log4brains' "[short title …]", adr-tools'
 * "NUMBER. TITLE" or our "{{title}}".
 */
export function isTemplateRecord(record: Pick<DecisionRecord, 'title'>): boolean {
  const t = record.title.trim();
  return /^\{[^]*\}$/.test(t) || /^\[[^\]]*\]$/.test(t) || /^(?:NUMBER\.?\s*)?TITLE$/.test(t);
}

function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

function isRecordTarget(target: string): boolean {
  return !isUrl(target) && /\.md$/i.test(target.replace(/[#?].*$/, ''));
}

/** Parses one record. Never throws: problems are reported with lines instead. */
export function parseRecord(text: string, file: string, folder: string): DecisionRecord {
  return analyze(text, file, folder).record;
}

export function analyze(text: string, file: string, folder: string): Analysis {
  try {
    return analyzeUnsafe(String(text ?? ''), file, folder);
  } catch (error) {
    // Last line of defence: a bug here must not take the whole index down.
    const a = emptyAnalysis(String(text ?? ''), file, folder, 'madr');
    a.complete = false;
    a.record.problems.push({
      file,
      line: 0,
      severity: 'error',
      code: 'parse-error',
      message: `Could not read this record: ${(error as Error)?.message ?? error}`,
    });
    return a;
  }
}

function emptyAnalysis(text: string, file: string, folder: string, format: RecordFormat): Analysis {
  const names = parseFileName(file);
  return {
    text,
    lines: splitLines(text),
    starts: lineStarts(text),
    eol: detectEol(text),
    frontMatter: null,
    bodyStart: 0,
    headings: [],
    titleLine: null,
    status: null,
    statusSection: null,
    meta: null,
    complete: true,
    record: {
      file,
      folder,
      format,
      number: names.number,
      slug: names.slug,
      title: names.stem,
      status: null,
      rawStatus: '',
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
      links: [],
    },
  };
}

function analyzeUnsafe(text: string, file: string, folder: string): Analysis {
  const a = emptyAnalysis(text, file, folder, 'madr');
  const { lines, starts, record } = a;
  const problem = (line: number, severity: Problem['severity'], code: string, message: string, column?: number, endColumn?: number) => {
    const p: Problem = { file, line: Math.max(0, line), severity, code, message };
    if (column !== undefined) p.column = column;
    if (endColumn !== undefined) p.endColumn = endColumn;
    record.problems.push(p);
  };

  // --- Front matter -------------------------------------------------------------------------
  const close = frontMatterEnd(lines);
  if (close !== null) {
    if (close === -1) {
      problem(0, 'error', 'bad-front-matter', 'Front matter starts with "---" but has no closing "---" line.');
    } else {
      a.frontMatter = readFrontMatter(a, close, problem);
      a.bodyStart = close + 1;
    }
  }

  // --- Markdown blocks ----------------------------------------------------------------------
  const tokens = md().parse(bodyText(text, lines, starts, a.bodyStart), {});
  const lists: { line: number; endLine: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || !t.map) continue;
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      a.headings.push({ level: Number(t.tag.slice(1)), line: t.map[0] + a.bodyStart, text: (inline?.content ?? '').trim() });
    } else if (t.type === 'bullet_list_open') {
      lists.push({ line: t.map[0] + a.bodyStart, endLine: t.map[1] + a.bodyStart });
    }
  }
  // The title is the first level-1 heading that is not a section name people write as "# Status".
  const h1 = a.headings.find((h) => h.level === 1 && !KNOWN_SECTION_RE.test(h.text)) ?? a.headings.find((h) => h.level === 1);
  // Sections are level-2 headings, plus the known section names at another level ("# Status", "### Status").
  const isSection = (h: Heading) => h.level === 2 || (h !== h1 && (h.level === 1 ? KNOWN_SECTION_RE.test(h.text) : /^status$/i.test(h.text)));
  const firstSection = a.headings.find(isSection);
  const preambleEnd = firstSection?.line ?? lines.length;
  for (let i = 0; i < a.headings.length; i++) {
    const h = a.headings[i]!;
    if (!isSection(h)) continue;
    const next = a.headings.slice(i + 1).find((n) => n.level <= Math.max(h.level, 2) || isSection(n));
    record.sections.push({ heading: h.text, line: h.line, endLine: next?.line ?? lines.length });
    if (h.level !== 2 && /^status$/i.test(h.text)) {
      problem(h.line, 'info', 'guessed-heading', `Read this level-${h.level} heading as the Status section (written "## Status").`);
    }
  }
  if (h1) {
    a.titleLine = h1.line;
    record.lines.title = h1.line;
    record.title = h1.text;
    if (!h1.text.replace(/^\d+\.\s*/, '')) problem(h1.line, 'error', 'missing-title', 'The title heading is empty.');
  } else {
    record.lines.title = Math.min(a.bodyStart, lines.length - 1);
    problem(record.lines.title, 'error', 'missing-title', 'Decision record has no title (a "# Title" line).');
  }

  // log4brains metadata: a bullet list between the title and the first section.
  const metaList = lists.find((l) => l.line < preambleEnd && (a.titleLine === null || l.line > a.titleLine));
  const metaItems = metaList ? readMetaBullets(lines, metaList.line, metaList.endLine) : [];
  const statusSection = record.sections.find((s) => /^status$/i.test(s.heading));
  const dateLine = findDateLine(lines, a.titleLine ?? a.bodyStart, preambleEnd);

  // --- Format -------------------------------------------------------------------------------
  const names = parseFileName(file);
  let format: RecordFormat;
  if (a.frontMatter || lineContent(stripBom(lines[0]!)).trimEnd() === '---') format = 'madr';
  else if (metaItems.some((m) => m.key === 'status')) format = 'log4brains';
  else if (statusSection || dateLine || (h1 && /^\d+\.\s/.test(h1.text))) format = 'nygard';
  else if (metaItems.length > 0 || names.datePrefix) format = 'log4brains';
  else format = 'madr';
  record.format = format;

  if (format === 'madr') readNative(a, problem);
  else if (format === 'nygard') readNygard(a, statusSection ?? null, dateLine, problem);
  else readLog4brains(a, metaList ?? null, metaItems, names.datePrefix, problem);

  // Nygard titles carry the number: "# 7. Use Postgres". Elsewhere ("# 1. Record decisions" in a MADR
  // folder, "# 10 Enable …") a leading number that is the file's number is stripped too.
  const numbered = h1 ? /^(ADR[-\s]?)?(\d+)\s*([.:]?)\s+(.*)$/i.exec(h1.text) : null;
  if (numbered && numbered[4]!.trim()) {
    const n = Number.parseInt(numbered[2]!, 10);
    if (format === 'nygard' && numbered[3] === '.' && !numbered[1] && /^\d+\.\s/.test(h1!.text)) {
      record.title = numbered[4]!.trim();
      if (record.number === null) record.number = n;
    } else if (n === record.number) {
      record.title = numbered[4]!.trim();
    }
  }
  if (!record.title) record.title = names.stem;

  const unique = (xs: string[]) => [...new Set(xs)];
  record.supersedes = unique((record.links ?? []).filter((l) => l.kind === 'supersedes' && l.target).map((l) => l.target!));
  record.supersededBy = unique((record.links ?? []).filter((l) => l.kind === 'superseded-by' && l.target).map((l) => l.target!));
  return a;
}

/** The Markdown body as markdown-it sees it, with line numbers matching ours (lone CRs would add lines). */
function bodyText(text: string, lines: string[], starts: number[], bodyStart: number): string {
  if (bodyStart >= lines.length) return '';
  if (!text.includes('\r')) return stripBom(text.slice(starts[bodyStart]));
  const body = lines.slice(bodyStart).map((l) => lineContent(l).replace(/\r/g, ' '));
  if (bodyStart === 0) body[0] = stripBom(body[0]!);
  return body.join('\n');
}

type ProblemFn = (line: number, severity: Problem['severity'], code: string, message: string, column?: number, endColumn?: number) => void;

function readFrontMatter(a: Analysis, close: number, problem: ProblemFn): FrontMatter {
  const offset = a.starts[1]!;
  const yamlText = a.text.slice(offset, a.starts[close]);
  const nodes = readSimpleFrontMatter(yamlText) ?? readYamlFrontMatter(yamlText);
  for (const error of nodes.errors) problem(Math.min(lineAt(a.starts, offset + error.offset), close), 'error', 'bad-front-matter', error.message);
  return { open: 0, close, offset, pairs: nodes.pairs, ok: nodes.errors.length === 0 };
}

function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  const s = scalarString(v).trim();
  return s === '' ? null : s;
}

/** A YAML scalar's value as text. YAML's core schema reads strings, numbers and booleans; null (and anything else) is ''. */
export function scalarString(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

/** A YAML list, or a comma-separated string, as items with their source offsets. */
function listItems(node: unknown): { value: string; offset: number | null }[] {
  if (isSeq(node)) {
    return node.items.flatMap((item) => {
      const value = scalarText(item);
      return value === null ? [] : [{ value, offset: isScalar(item) ? (item.range?.[0] ?? null) : null }];
    });
  }
  const s = scalarText(node);
  if (s === null) return [];
  const offset = isScalar(node) ? (node.range?.[0] ?? null) : null;
  return s
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((value) => ({ value, offset }));
}

function normalizeDate(value: string | null): string | null {
  const m = value ? DATE_RE.exec(value.trim()) : null;
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** A date read with normalizeDate; a value we had to pad ('2021-03-9') is reported as an info problem on its line. */
function readDate(value: string | null, line: number, problem: ProblemFn): string | null {
  const date = normalizeDate(value);
  if (date && !value!.trim().startsWith(date)) {
    problem(line, 'info', 'guessed-date', `Read the date "${value!.trim()}" as ${date} (dates are written YYYY-MM-DD).`);
  }
  return date;
}

/** A reference inside a status text or a front-matter value: a Markdown link, 'ADR-0123', a bare number or a file name. */
function referenceIn(value: string, fromFile: string): { target: string | null; number?: number; column: number; endColumn: number } | null {
  const link = findMarkdownLinks(value).find((l) => isRecordTarget(l.target));
  if (link) return { target: resolveLinkTarget(fromFile, link.target), column: link.start, endColumn: link.end };
  const bare = /^(?:ADR[- ]?)?0*(\d+)$/i.exec(value.trim());
  if (bare) return { target: null, number: Number.parseInt(bare[1]!, 10), column: 0, endColumn: value.length };
  const adr = /\bADR-?0*(\d+)\b/i.exec(value);
  if (adr) return { target: null, number: Number.parseInt(adr[1]!, 10), column: adr.index, endColumn: adr.index + adr[0].length };
  const fileName = /(?:^|\s)([^\s[\]()]+\.md)\b/i.exec(value);
  if (fileName && !isUrl(fileName[1]!)) {
    const column = fileName.index + fileName[0].length - fileName[1]!.length;
    return { target: resolveLinkTarget(fromFile, fileName[1]!), column, endColumn: column + fileName[1]!.length };
  }
  return null;
}

function readNative(a: Analysis, problem: ProblemFn): void {
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

/** "Date: 2026-01-02" between the title and the first section (adr-tools). */
function findDateLine(lines: string[], from: number, to: number): { line: number; value: string } | null {
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const m = /^\s{0,3}Date:\s*(.*?)\s*$/i.exec(lineContent(lines[i]!));
    if (m) return { line: i, value: m[1]! };
  }
  return null;
}

/** A status-section or Links line such as "Supercedes [3. X](0003-x.md)" or "- Superseded by [x](x.md)". */
function relationLink(content: string, fromFile: string, line: number): RecordLink | null {
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

function readNygard(
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
function numberRelations(text: string, at: (offset: number) => { line: number; column: number }, label: string): RecordLink[] {
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

/**
 * After the status is read: statusText (the author's words), an info problem when a synonym was read
 * as a known status ("Approved" as accepted). Unknown statuses are only reported for native records.
 */
function noteStatus(record: DecisionRecord, line: number, problem: ProblemFn): void {
  const text = statusPhrase(record.rawStatus);
  if (text) record.statusText = text;
  if (!record.status || !text) return;
  const word = /[A-Za-z]+/.exec(text)?.[0]?.toLowerCase();
  if (word && word !== record.status && !(word === 'superceded' && record.status === 'superseded')) {
    problem(line, 'info', 'guessed-status', `Read the status "${text}" as ${record.status}.`);
  }
}

interface MetaItem {
  key: string;
  value: string;
  line: number;
  /** Columns of the value (without a trailing HTML comment). */
  start: number;
  end: number;
  bullet: string;
}

function readMetaBullets(lines: string[], from: number, to: number): MetaItem[] {
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

function readLog4brains(
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
  const split = (v: string | undefined, re: RegExp) => (v ?? '').split(re).map((s) => s.trim()).filter((s) => s !== '');
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

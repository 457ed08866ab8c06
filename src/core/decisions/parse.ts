// Reads one decision record in any of the three formats (SPEC §2.2) without ever throwing: finds the
// front matter, the title and the sections, tells the format, and hands the rest to the format's reader
// (nativeFormat.ts, nygardFormat.ts, log4brainsFormat.ts; the values they share are in recordFields.ts).
// Structure comes from yaml nodes with source ranges (front matter, see ../shared/frontMatter.ts) and
// markdown-it (block tokens with line maps); single metadata lines ("Date: …", "- Status: …") are matched
// line by line. The Analysis it returns is what the writers (edit.ts, renumber.ts) edit surgically.
import MarkdownIt, { type MarkdownIt as Markdown, type StateBlock } from 'markdown-it';
import type { Pair } from 'yaml';
import { frontMatterEnd, readSimpleFrontMatter, readYamlFrontMatter } from '../shared/frontMatter';
import { lineAt, lineStarts } from '../shared/positions';
import { detectEol, lineContent, splitLines, stripBom } from '../shared/text';
import type { DecisionRecord, RecordFormat } from './types';
import type { Problem } from '../shared/problem';
import { parseFileName, type ProblemFn } from './recordFields';
import { readNative } from './nativeFormat';
import { findDateLine, readNygard } from './nygardFormat';
import { readLog4brains, readMetaBullets } from './log4brainsFormat';

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

function readFrontMatter(a: Analysis, close: number, problem: ProblemFn): FrontMatter {
  const offset = a.starts[1]!;
  const yamlText = a.text.slice(offset, a.starts[close]);
  const nodes = readSimpleFrontMatter(yamlText) ?? readYamlFrontMatter(yamlText);
  for (const error of nodes.errors) problem(Math.min(lineAt(a.starts, offset + error.offset), close), 'error', 'bad-front-matter', error.message);
  return { open: 0, close, offset, pairs: nodes.pairs, ok: nodes.errors.length === 0 };
}

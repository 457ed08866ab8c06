// Reads one standup (SPEC §2.3) without ever throwing: front matter through the project's reader (fast
// path + yaml fallback, docs/decisions/0005), then a line scan for `#`/`##` sections and list items.
// No Markdown parser: the format is three lists and optional notes, and the line scan keeps every item's
// exact lines, which updateStandupText needs to rewrite one section and leave the rest byte for byte.
// Rules of the line scan (CommonMark where it matters for these files):
//  - a section starts at a `#` or `##` heading in column 0 outside a fenced code block; deeper headings
//    belong to the section they are in;
//  - an item is a `-`, `*` or `+` bullet (up to three spaces of indent); it continues on the following
//    non-blank lines up to the next bullet (lazy continuation), and on indented lines after a blank line;
//    nested bullets are continuation text of their parent;
//  - in Blockers, `[ ]` / `[x]` after the bullet is the tick; in Done and Next it is just text.
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { frontMatterEnd, readSimpleFrontMatter, readYamlFrontMatter } from '../shared/frontMatter';
import { lineAt, lineStarts } from '../shared/positions';
import { lineContent, stripBom } from '../shared/text';
import type { Standup, StandupBullet } from './types';
import type { Problem } from '../shared/problem';
import { isDate } from './paths';
import { LOGIN_RE } from '../shared/login';

export type SectionKind = 'done' | 'next' | 'blockers' | 'notes';
export const SECTION_KINDS: readonly SectionKind[] = ['done', 'next', 'blockers', 'notes'];
export const SECTION_TITLES: Record<SectionKind, string> = { done: 'Done', next: 'Next', blockers: 'Blockers', notes: 'Notes' };

/** A `#` or `##` heading and the lines up to the next one. */
export interface Section {
  kind: SectionKind | null;
  line: number;
  /** First body line and the end (exclusive). */
  bodyStart: number;
  end: number;
}

export type LineKind = 'bullet' | 'cont' | 'blank' | 'other';

/** A list section read line by line. */
export interface ListBody {
  kinds: LineKind[];
  items: StandupBullet[];
}

export interface Analysis {
  standup: Standup;
  /** split('\n'): a CRLF line keeps its '\r'. */
  lines: string[];
  /** Line of the closing `---`, or null without (closed) front matter. */
  frontMatterClose: number | null;
  authorLine: number | null;
  dateLine: number | null;
  sections: Section[];
  /** The first section of each kind. */
  known: Partial<Record<SectionKind, Section>>;
  lists: Partial<Record<'done' | 'next' | 'blockers', ListBody>>;
}

const HEADING_RE = /^(#{1,2})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/s;
const BULLET_RE = /^ {0,3}[-*+](?:[ \t]+(.*))?$/s;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const TICK_RE = /^\[([ xX])\](?:[ \t]+|$)/;
const ODD_TICK_RE = /^\[[^\]]?\](?:[ \t]|$)/;

/** The code fence open after `line` (its marker), given the one open before it (null: none). */
export function fenceAfter(open: string | null, line: string): string | null {
  const f = FENCE_RE.exec(line);
  if (open === null) return f ? f[1]! : null;
  return f && f[1]![0] === open[0] && f[1]!.length >= open.length && line.trim() === f[1] ? null : open;
}

/** An item's text on one line: a line break inside it (a lone CR) reads as a space, as a wrapped line does. */
export function oneLine(text: string): string {
  return String(text ?? '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

export function parseStandup(text: string, file: string): Standup {
  return analyzeStandup(text, file).standup;
}

export function analyzeStandup(text: string, file: string): Analysis {
  const source = String(text ?? '');
  try {
    return analyzeUnsafe(source, file);
  } catch (error) {
    // Last line of defence: one odd file must not take a digest or a check run down.
    const a = emptyAnalysis(source, file);
    a.standup.problems.push({
      file,
      line: 0,
      severity: 'error',
      code: 'parse-error',
      message: `Could not read this standup: ${(error as Error)?.message ?? error}`,
    });
    return a;
  }
}

function emptyAnalysis(text: string, file: string): Analysis {
  return {
    standup: { file, author: '', date: '', done: [], next: [], blockers: [], notes: '', problems: [] },
    lines: text.split('\n'),
    frontMatterClose: null,
    authorLine: null,
    dateLine: null,
    sections: [],
    known: {},
    lists: {},
  };
}

function analyzeUnsafe(text: string, file: string): Analysis {
  const a = emptyAnalysis(text, file);
  const { lines, standup } = a;
  const problem = (line: number, severity: Problem['severity'], code: string, message: string) => {
    standup.problems.push({ file, line: Math.max(0, Math.min(line, lines.length - 1)), severity, code, message });
  };

  // --- Front matter ------------------------------------------------------------------------
  let bodyStart = 0;
  const close = frontMatterEnd(lines);
  if (close !== null) {
    if (close === -1) {
      problem(0, 'error', 'bad-front-matter', 'Front matter starts with "---" but has no closing "---" line.');
    } else {
      a.frontMatterClose = close;
      bodyStart = close + 1;
      readFrontMatter(a, text, close, problem);
    }
  } else {
    problem(0, 'error', 'missing-front-matter', 'A standup starts with front matter: "---", "author: <login>", "date: YYYY-MM-DD", "---".');
  }

  // --- Sections ------------------------------------------------------------------------------
  let fence: string | null = null;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = i === 0 ? stripBom(lineContent(lines[0]!)) : lineContent(lines[i]!);
    const inCode = fence !== null;
    fence = fenceAfter(fence, line);
    if (inCode || fence !== null) continue;
    const h = HEADING_RE.exec(line);
    if (!h) continue;
    const previous = a.sections[a.sections.length - 1];
    if (previous) previous.end = i;
    const name = (h[2] ?? '').trim().toLowerCase();
    const kind = h[1]!.length === 2 ? (SECTION_KINDS.find((k) => k === name) ?? null) : null;
    a.sections.push({ kind, line: i, bodyStart: i + 1, end: lines.length });
  }
  for (const section of a.sections) {
    if (!section.kind) continue;
    if (a.known[section.kind]) {
      problem(
        section.line,
        'warning',
        'duplicate-section',
        `A second "## ${SECTION_TITLES[section.kind]}" section: only the first one (line ${a.known[section.kind]!.line + 1}) is read.`,
      );
      continue;
    }
    a.known[section.kind] = section;
    if (section.kind === 'notes') {
      standup.notes = lines.slice(section.bodyStart, section.end).map(lineContent).join('\n').trim();
    } else {
      const body = readList(lines, section.bodyStart, section.end, section.kind === 'blockers', problem);
      a.lists[section.kind] = body;
      standup[section.kind] = body.items;
    }
  }
  const where = a.frontMatterClose ?? 0;
  for (const kind of ['done', 'next', 'blockers'] as const) {
    if (!a.known[kind]) problem(where, 'error', 'missing-section', `No "## ${SECTION_TITLES[kind]}" section (it may be empty).`);
  }
  standup.problems.sort((x, y) => x.line - y.line);
  return a;
}

type ProblemFn = (line: number, severity: Problem['severity'], code: string, message: string) => void;

function readFrontMatter(a: Analysis, text: string, close: number, problem: ProblemFn): void {
  const starts = lineStarts(text);
  const offset = starts[1]!;
  const yamlText = text.slice(offset, starts[close]!);
  const nodes = readSimpleFrontMatter(yamlText) ?? readYamlFrontMatter(yamlText);
  const lineOf = (at: number | undefined) => Math.min(lineAt(starts, offset + (at ?? 0)), close);
  for (const error of nodes.errors) problem(lineOf(error.offset), 'error', 'bad-front-matter', error.message);

  const author = nodes.pairs.get('author');
  if (author) {
    a.authorLine = lineOf(keyOffset(author));
    const value = scalarText(author, yamlText);
    if (value === null) problem(a.authorLine, 'error', 'bad-author', 'author must be one GitHub login, e.g. "author: alice".');
    else if (value === '') problem(a.authorLine, 'error', 'missing-author', 'author is empty: write your GitHub login, e.g. "author: alice".');
    else {
      a.standup.author = value;
      if (!LOGIN_RE.test(value))
        problem(
          a.authorLine,
          'error',
          'bad-author',
          `"${value}" is not a GitHub login (letters, digits and hyphens${value.startsWith('@') ? ', without "@"' : ''}).`,
        );
    }
  } else if (nodes.errors.length === 0) {
    problem(0, 'error', 'missing-author', 'Front matter has no "author: <login>".');
  }

  const date = nodes.pairs.get('date');
  if (date) {
    a.dateLine = lineOf(keyOffset(date));
    const value = scalarText(date, yamlText);
    if (value === '') problem(a.dateLine, 'error', 'missing-date', 'date is empty: write the day of the standup, e.g. "date: 2026-11-21".');
    else if (value === null || !isDate(value))
      problem(a.dateLine, 'error', 'bad-date', `date must be a day like 2026-11-21${value ? `, not "${value}"` : ''}.`);
    else a.standup.date = value;
  } else if (nodes.errors.length === 0) {
    problem(0, 'error', 'missing-date', 'Front matter has no "date: YYYY-MM-DD".');
  }
}

function keyOffset(pair: Pair): number | undefined {
  return isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

/** A scalar's text as written ('' for an empty value); null for a list or a mapping. */
function scalarText(pair: Pair, yamlText: string): string | null {
  const node = pair.value;
  if (node === null || node === undefined) return '';
  if (isMap(node) || isSeq(node) || !isScalar(node)) return null;
  const v = node.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  // Numbers and booleans as written: "author: 007" is the login "007", not 7.
  const range = node.range;
  return (range ? yamlText.slice(range[0], range[1]) : String(v)).trim();
}

/** Columns of leading white space (a tab counts as 4). */
function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4;
    else break;
  }
  return n;
}

/** Classifies the lines of a list section and reads its items (see the rules at the top). */
function readList(lines: readonly string[], from: number, to: number, ticks: boolean, problem: ProblemFn): ListBody {
  const kinds: LineKind[] = [];
  const items: StandupBullet[] = [];
  let item: { parts: string[]; checked: boolean; line: number; indent: number } | null = null;
  let afterBlank = false;
  let fence: string | null = null;
  let fenceInItem = false;
  const finish = () => {
    if (!item) return;
    const text = oneLine(item.parts.filter((p) => p !== '').join(' '));
    if (text === '') problem(item.line, 'warning', 'empty-bullet', 'Empty item: write something after the bullet or delete the line.');
    else items.push({ text, checked: item.checked, line: item.line });
    item = null;
  };
  for (let i = from; i < to; i++) {
    const line = lineContent(lines[i]!);
    if (fence !== null) {
      fence = fenceAfter(fence, line);
      kinds.push(fenceInItem ? 'cont' : 'other');
      continue;
    }
    if (line.trim() === '') {
      kinds.push('blank');
      afterBlank = true;
      continue;
    }
    const b = BULLET_RE.exec(line);
    const indent = indentOf(line);
    if (b && !(item && indent >= item.indent + 2)) {
      finish();
      let rest = (b[1] ?? '').trim();
      let checked = false;
      if (ticks) {
        const t = TICK_RE.exec(rest);
        if (t) {
          checked = t[1] !== ' ';
          rest = rest.slice(t[0].length).trim();
        } else if (ODD_TICK_RE.test(rest)) {
          problem(i, 'warning', 'bad-checkbox', 'A blocker is "- [ ] open" or "- [x] resolved"; this one is read as open.');
        }
      }
      item = { parts: [rest], checked, line: i, indent };
      kinds.push('bullet');
    } else if (item && (indent > 0 || !afterBlank)) {
      item.parts.push(line.trim());
      kinds.push('cont');
    } else {
      finish();
      kinds.push('other');
      if (!/^\s*<!--/.test(line))
        problem(i, 'warning', 'not-a-bullet', 'Not a list item: Done, Next and Blockers are lists of "- " items (notes go in a "## Notes" section).');
    }
    fence = fenceAfter(null, line);
    fenceInItem = kinds[kinds.length - 1] === 'cont';
    afterBlank = false;
  }
  finish();
  return { kinds, items };
}

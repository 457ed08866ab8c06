// The values a decision record is read into, whatever its format: file names, links between records,
// dates (lenient: '2021-03-9' is read and reported), YAML scalars and lists, references ("ADR-0045",
// a Markdown link, a file name), and the status words as written. Shared by the three format readers.
import { isScalar, isSeq } from 'yaml';
import { posix } from 'node:path';
import { findMarkdownLinks } from '../shared/text';
import type { DecisionRecord } from './types';
import type { Problem } from '../shared/problem';
import { statusPhrase } from './status';

export const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
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

function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

export function isRecordTarget(target: string): boolean {
  return !isUrl(target) && /\.md$/i.test(target.replace(/[#?].*$/, ''));
}

export type ProblemFn = (line: number, severity: Problem['severity'], code: string, message: string, column?: number, endColumn?: number) => void;

export function scalarText(node: unknown): string | null {
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
export function listItems(node: unknown): { value: string; offset: number | null }[] {
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
export function readDate(value: string | null, line: number, problem: ProblemFn): string | null {
  const date = normalizeDate(value);
  if (date && !value!.trim().startsWith(date)) {
    problem(line, 'info', 'guessed-date', `Read the date "${value!.trim()}" as ${date} (dates are written YYYY-MM-DD).`);
  }
  return date;
}

/** A reference inside a status text or a front-matter value: a Markdown link, 'ADR-0123', a bare number or a file name. */
export function referenceIn(value: string, fromFile: string): { target: string | null; number?: number; column: number; endColumn: number } | null {
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

/**
 * After the status is read: statusText (the author's words), an info problem when a synonym was read
 * as a known status ("Approved" as accepted). Unknown statuses are only reported for native records.
 */
export function noteStatus(record: DecisionRecord, line: number, problem: ProblemFn): void {
  const text = statusPhrase(record.rawStatus);
  if (text) record.statusText = text;
  if (!record.status || !text) return;
  const word = /[A-Za-z]+/.exec(text)?.[0]?.toLowerCase();
  if (word && word !== record.status && !(word === 'superceded' && record.status === 'superseded')) {
    problem(line, 'info', 'guessed-status', `Read the status "${text}" as ${record.status}.`);
  }
}

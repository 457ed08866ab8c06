// Small text helpers shared by the core parsers and writers: lines and line endings, BOM, slugs,
// splicing, Markdown links in a line. Pure functions, no I/O. Offsets to lines and columns:
// positions.ts.

/** Lines split on '\n' only; a '\r' before it stays at the end of its line (so CRLF round-trips). */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/** A line without its trailing '\r' (CRLF files). */
export function lineContent(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The line ending a file already uses (its first one), '\n' when it has none. */
export function detectEol(text: string): '\r\n' | '\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export const BOM = '\uFEFF';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** 'Use PostgreSQL & Redis (v2)!' -> 'use-postgresql-redis-v2'. ASCII only: accents are folded, the rest dropped. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Replaces text[start, end) with value. */
export function splice(text: string, start: number, end: number, value: string): string {
  return text.slice(0, start) + value + text.slice(end);
}

/** A Markdown inline link `[text](target "title")` found in one line; columns are 0-based, end exclusive. */
export interface MarkdownLink {
  start: number;
  end: number;
  text: string;
  textStart: number;
  textEnd: number;
  /** The destination as written (without <> and title). */
  target: string;
  targetStart: number;
  targetEnd: number;
}

/**
 * Inline links in one line. Handles nested brackets in the text, `<...>` destinations, balanced
 * parentheses and an optional title; skips images and escaped brackets. Good enough for the
 * link lines records contain; not a full CommonMark inline parser.
 */
export function findMarkdownLinks(line: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('[', i);
    if (open === -1) break;
    if ((open > 0 && line[open - 1] === '\\') || (open > 0 && line[open - 1] === '!')) {
      i = open + 1;
      continue;
    }
    // Matching ']' with nesting.
    let depth = 0;
    let close = -1;
    for (let j = open; j < line.length; j++) {
      const c = line[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close === -1 || line[close + 1] !== '(') {
      i = open + 1;
      continue;
    }
    let j = close + 2;
    while (line[j] === ' ') j++;
    let targetStart = j;
    let targetEnd: number;
    if (line[j] === '<') {
      const gt = line.indexOf('>', j + 1);
      if (gt === -1) {
        i = open + 1;
        continue;
      }
      targetStart = j + 1;
      targetEnd = gt;
      j = gt + 1;
    } else {
      let parens = 0;
      while (j < line.length) {
        const c = line[j]!;
        if (c === '\\') {
          j += 2;
          continue;
        }
        if (c === ' ' || c === '\t') break;
        if (c === '(') parens++;
        else if (c === ')') {
          if (parens === 0) break;
          parens--;
        }
        j++;
      }
      targetEnd = Math.min(j, line.length);
    }
    while (line[j] === ' ') j++;
    if (line[j] === '"' || line[j] === "'") {
      const quote = line[j]!;
      const endQuote = line.indexOf(quote, j + 1);
      if (endQuote === -1) {
        i = open + 1;
        continue;
      }
      j = endQuote + 1;
      while (line[j] === ' ') j++;
    }
    if (line[j] !== ')') {
      i = open + 1;
      continue;
    }
    links.push({
      start: open,
      end: j + 1,
      text: line.slice(open + 1, close),
      textStart: open + 1,
      textEnd: close,
      target: line.slice(targetStart, targetEnd),
      targetStart,
      targetEnd,
    });
    i = j + 1;
  }
  return links;
}

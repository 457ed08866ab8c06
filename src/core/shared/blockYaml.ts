// YAML in the plain block shape the team file is written in, read without yaml's parser: `key: value`
// lines, nested maps and `- ` lists by indentation, one-line scalars (plain, or quoted without
// escapes) and one-line flow lists and maps of scalars ([Mon, Tue], { from: 2026-12-20, to: … }),
// blank lines and comments. It builds the nodes yaml builds (YAMLMap, YAMLSeq, Pair, Scalar) with the
// same source ranges, so the walk over them and every problem's position are the same; for anything
// else (anchors, tags, block scalars, escapes, multi-line values, tabs, numbers, booleans, nulls
// written out, indented comments…) it returns null and the caller reads the text with yaml.
// Why: yaml's generator-based parser took ~60 ms warm and ~170 ms cold for a 1,000-member team file
// (150 KB), which is re-read on every edit; this reads it in a few ms. Same idea as the simple front
// matter reader (docs/decisions/0005); test/unit/shared/blockYaml.test.ts compares both readers' nodes
// and parseTeamFile's results through each on thousands of generated and mutated team files.
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** Plain scalars the core schema resolves to null, booleans or numbers: left to yaml. */
export const NOT_A_STRING = new RegExp(
  `^(?:${[
    '~|null|Null|NULL',
    'true|True|TRUE|false|False|FALSE',
    '[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+', // integers
    '[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?', // floats
    '[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
  ].join('|')})$`,
);

/** Printable characters YAML takes as they are (no tabs, line breaks, BOM or surrogates). */
export const PRINTABLE = /^[\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;

/** The same characters plus line breaks: a text with anything else (a tab, a lone '\r') goes to yaml. */
const PRINTABLE_LINES = /^[\n\r\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;

/** Nesting followed before leaving the file to yaml: the reader recurses once per level. */
const MAX_DEPTH = 64;

/** Characters a plain scalar may not start with (YAML indicators; '-', '?' and ':' too, to be safe). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A line with content (blank and comment lines are dropped once checked). */
interface Line {
  /** Offset of the line's first character. */
  start: number;
  indent: number;
  /** End of the content, before '\r\n' or '\n'. */
  end: number;
  /** Offset of the next line (the text's length on the last line). */
  next: number;
  /** A comment line follows before the next content line (yaml stretches an empty value over it). */
  commentAfter: boolean;
}

/** Thrown inside the reader when the text is not in the simple shape; caught in readBlockYaml. */
const NOT_SIMPLE = new Error('not in the simple block shape');

/** The text's root map, or null when the text is not (entirely) in the simple block shape. */
export function readBlockYaml(text: string): YAMLMap | null {
  if (!PRINTABLE_LINES.test(text) || /\r(?!\n)/.test(text)) return null;
  const lines = contentLines(text);
  if (!lines || lines.length === 0) return null;
  try {
    const reader = new BlockReader(text, lines);
    const first = lines[0]!;
    const root = reader.map(0, first.start + first.indent, 0);
    if (reader.at !== lines.length) return null;
    return root;
  } catch (error) {
    if (error === NOT_SIMPLE) return null;
    throw error;
  }
}

function contentLines(text: string): Line[] | null {
  const lines: Line[] = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (text.charCodeAt(end - 1) === 13) end--;
    let first = start;
    while (first < end && text.charCodeAt(first) === 32) first++;
    if (first < end) {
      if (text.charCodeAt(first) === 35 /* # */) {
        // An indented comment may belong to the collection above it (yaml stretches ranges over it).
        if (first > start) return null;
        if (lines.length) lines[lines.length - 1]!.commentAfter = true;
      } else lines.push({ start, indent: first - start, end, next, commentAfter: false });
    }
    start = next;
  }
  return lines;
}

/** The end of a plain key ([A-Za-z_][A-Za-z0-9_-]*) starting at `from`, or `from` when there is none.
 *  A loop rather than a regex: it runs for every key, and exec's match arrays were a sixth of the
 *  garbage of a 1,000-member file. */
function keyNameEnd(text: string, from: number): number {
  for (let at = from; ; at++) {
    const c = text.charCodeAt(at);
    const first = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; // A-Z a-z _
    const later = at > from && ((c >= 48 && c <= 57) || c === 45); // 0-9 -
    if (!first && !later) return at;
  }
}

function fail(): never {
  throw NOT_SIMPLE;
}

function scalar(value: string | null, type: Scalar.Type, start: number, end: number, nodeEnd: number): Scalar {
  const node = new Scalar(value);
  node.type = type;
  node.range = [start, end, nodeEnd];
  node.source = value ?? '';
  return node;
}

class BlockReader {
  /** Index of the next line to read. */
  at = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  /** The end of a `key:` starting at offset `from` of `line` (the offset after its colon), or -1. */
  private keyEnd(line: Line, from: number): number {
    const colon = keyNameEnd(this.text, from);
    if (colon === from) return -1;
    if (this.text.charCodeAt(colon) !== 58 /* : */ || (colon + 1 < line.end && this.text.charCodeAt(colon + 1) !== 32)) return -1;
    return colon + 1;
  }

  /** A `- ` (or a lone `-`) at offset `at` of the line. */
  private isDash(line: Line, at: number): boolean {
    return this.text.charCodeAt(at) === 45 /* - */ && (at + 1 === line.end || this.text.charCodeAt(at + 1) === 32);
  }

  private skipSpaces(from: number, end: number): number {
    while (from < end && this.text.charCodeAt(from) === 32) from++;
    return from;
  }

  /** A block map whose first key starts at offset `keyAt` of line `this.lines[index]`; its other keys
   *  are lines indented to the same column. */
  map(index: number, keyAt: number, depth: number): YAMLMap {
    if (depth > MAX_DEPTH) fail();
    const lines = this.lines;
    const column = keyAt - lines[index]!.start;
    const map = new YAMLMap();
    this.at = index;
    let line = lines[index]!;
    let from = keyAt;
    for (;;) {
      const colon = this.keyEnd(line, from);
      if (colon === -1) fail();
      const name = this.text.slice(from, colon - 1);
      if (NOT_A_STRING.test(name)) fail();
      const key = scalar(name, 'PLAIN', from, colon - 1, colon - 1);
      map.items.push(new Pair(key, this.value(line, colon, column, depth)));
      if (this.at >= lines.length) break;
      line = lines[this.at]!;
      if (line.indent < column) break;
      if (line.indent > column) fail();
      from = line.start + column;
    }
    const last = map.items[map.items.length - 1]!.value as Scalar | YAMLMap | YAMLSeq;
    map.range = [keyAt, last.range![2], last.range![2]];
    return map;
  }

  /** A block list whose dashes are at column `column`, starting at line `this.lines[index]`. */
  private seq(index: number, column: number, depth: number): YAMLSeq {
    if (depth > MAX_DEPTH) fail();
    const lines = this.lines;
    const seq = new YAMLSeq();
    this.at = index;
    let line = lines[index]!;
    const first = line.start + column;
    for (;;) {
      const dash = line.start + column;
      const content = this.skipSpaces(dash + 1, line.end);
      let item: Scalar | YAMLMap | YAMLSeq;
      if (content === line.end) item = this.empty(line, column);
      else if (this.isDash(line, content) || this.text.charCodeAt(content) === 35 /* # */) fail();
      else if (this.keyEnd(line, content) !== -1) item = this.map(this.at, content, depth + 1);
      else item = this.inline(line, content, column);
      seq.items.push(item);
      if (this.at >= lines.length) break;
      line = lines[this.at]!;
      if (line.indent < column || (line.indent === column && !this.isDash(line, line.start + column))) break;
      if (line.indent > column) fail();
    }
    const last = seq.items[seq.items.length - 1] as Scalar | YAMLMap | YAMLSeq;
    seq.range = [first, last.range![2], last.range![2]];
    return seq;
  }

  /** The value after a `key:` ending at `colon` on `line`, in a map at `column`. */
  private value(line: Line, colon: number, column: number, depth: number): Scalar | YAMLMap | YAMLSeq {
    const start = this.skipSpaces(colon, line.end);
    if (start < line.end) {
      if (this.text.charCodeAt(start) === 35 /* # */) fail(); // `key: # comment`
      return this.inline(line, start, column);
    }
    const below = this.lines[this.at + 1];
    if (below && below.indent >= column) {
      const at = below.start + below.indent;
      if (this.isDash(below, at)) return this.seq(this.at + 1, below.indent, depth + 1);
      if (below.indent > column) return this.map(this.at + 1, at, depth + 1);
    }
    return this.empty(line, column);
  }

  /** An empty value at the end of `line` (yaml's null, where yaml puts it); what follows is not
   *  indented under it. */
  private empty(line: Line, column: number): Scalar {
    if (line.commentAfter) fail();
    this.at++;
    const below = this.lines[this.at];
    if (below && below.indent > column) fail();
    return scalar(null, 'PLAIN', line.end, line.end, line.end);
  }

  /** A one-line value starting at `start`: a scalar or a flow collection, then at most a comment. */
  private inline(line: Line, start: number, column: number): Scalar | YAMLMap | YAMLSeq {
    const text = this.text;
    const c = text.charCodeAt(start);
    let node: Scalar | YAMLMap | YAMLSeq;
    let end: number;
    if (c === 34 || c === 39) {
      end = this.quotedEnd(start, line.end);
      node = scalar(text.slice(start + 1, end - 1), c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start, end, line.next);
    } else if (c === 91 || c === 123) {
      node = c === 91 ? this.flowSeq(start, line.end, 0) : this.flowMap(start, line.end, 0);
      end = node.range![1];
      node.range = [start, end, line.next];
    } else {
      let valueEnd = start;
      while (valueEnd < line.end && !(text.charCodeAt(valueEnd) === 35 && text.charCodeAt(valueEnd - 1) === 32)) valueEnd++;
      while (text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
      const value = text.slice(start, valueEnd);
      if (NOT_A_STRING.test(value) || INDICATOR_START.test(value) || value.includes(': ') || value.endsWith(':')) fail();
      end = valueEnd;
      node = scalar(value, 'PLAIN', start, end, line.next);
    }
    // After the value: spaces, then the line's end or a comment.
    const after = this.skipSpaces(end, line.end);
    if (after < line.end && (after === end || text.charCodeAt(after) !== 35)) fail();
    this.at++;
    const below = this.lines[this.at];
    if (below && below.indent > column) fail(); // a value continued on the next line
    return node;
  }

  /** The offset after the closing quote of a quoted scalar opening at `start`; no escapes. */
  private quotedEnd(start: number, lineEnd: number): number {
    const quote = this.text[start]!;
    const close = this.text.indexOf(quote, start + 1);
    if (close === -1 || close >= lineEnd) fail();
    if (quote === '"' ? this.text.slice(start + 1, close).includes('\\') : this.text.charCodeAt(close + 1) === 39) fail();
    return close + 1;
  }

  /** A scalar inside a flow collection, starting at `start`: its node and the offset after it and
   *  the spaces that follow it (where a ',' or the closing bracket must be). */
  private flowScalar(start: number, lineEnd: number): { node: Scalar; next: number } {
    const text = this.text;
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) {
      const end = this.quotedEnd(start, lineEnd);
      const next = this.skipSpaces(end, lineEnd);
      return { node: scalar(text.slice(start + 1, end - 1), c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start, end, next), next };
    }
    let next = start;
    for (; next < lineEnd; next++) {
      const d = text.charCodeAt(next);
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break; // , [ ] { }
    }
    let end = next;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
    const value = text.slice(start, end);
    if (value === '' || NOT_A_STRING.test(value) || INDICATOR_START.test(value) || value.includes(':') || value.includes('#')) fail();
    return { node: scalar(value, 'PLAIN', start, end, next), next };
  }

  /** A scalar, list or map inside a flow collection, starting at `start`: its node, and the offset
   *  after it and the spaces that follow it (where a ',' or the closing bracket must be). */
  private flowItem(start: number, lineEnd: number, depth: number): { node: Scalar | YAMLMap | YAMLSeq; next: number } {
    const c = this.text.charCodeAt(start);
    if (c !== 91 && c !== 123) return this.flowScalar(start, lineEnd);
    const node = c === 91 ? this.flowSeq(start, lineEnd, depth + 1) : this.flowMap(start, lineEnd, depth + 1);
    const next = this.skipSpaces(node.range![1], lineEnd);
    node.range = [start, node.range![1], next];
    return { node, next };
  }

  /** `[a, "b", { k: v }]` opening at `start`, on one line; range[1] is after the bracket. */
  private flowSeq(start: number, lineEnd: number, depth: number): YAMLSeq {
    if (depth > MAX_DEPTH) fail();
    const seq = new YAMLSeq();
    seq.flow = true;
    let at = this.skipSpaces(start + 1, lineEnd);
    if (this.text.charCodeAt(at) !== 93 /* ] */) {
      for (;;) {
        const item = this.flowItem(at, lineEnd, depth);
        seq.items.push(item.node);
        const d = this.text.charCodeAt(item.next);
        if (d === 93) {
          at = item.next;
          break;
        }
        at = this.skipSpaces(item.next + 1, lineEnd);
        if (d !== 44 || this.text.charCodeAt(at) === 93) fail(); // not a ',', or a trailing ','
      }
    }
    seq.range = [start, at + 1, at + 1];
    return seq;
  }

  /** `{ k: v, k2: "w", k3: [a] }` opening at `start`, on one line; range[1] is after the brace. */
  private flowMap(start: number, lineEnd: number, depth: number): YAMLMap {
    if (depth > MAX_DEPTH) fail();
    const text = this.text;
    const map = new YAMLMap();
    map.flow = true;
    let at = this.skipSpaces(start + 1, lineEnd);
    if (text.charCodeAt(at) !== 125 /* } */) {
      for (;;) {
        const keyEnd = keyNameEnd(text, at);
        const name = text.slice(at, keyEnd);
        if (keyEnd === at || NOT_A_STRING.test(name)) fail();
        if (text.charCodeAt(keyEnd) !== 58 || text.charCodeAt(keyEnd + 1) !== 32) fail();
        const valueAt = this.skipSpaces(keyEnd + 1, lineEnd);
        const first = text.charCodeAt(valueAt);
        if (valueAt >= lineEnd || first === 44 || first === 125) fail(); // an empty value
        const value = this.flowItem(valueAt, lineEnd, depth);
        map.items.push(new Pair(scalar(name, 'PLAIN', at, keyEnd, keyEnd), value.node));
        const d = text.charCodeAt(value.next);
        if (d === 125) {
          at = value.next;
          break;
        }
        at = this.skipSpaces(value.next + 1, lineEnd);
        if (d !== 44 || text.charCodeAt(at) === 125) fail(); // not a ',', or a trailing ','
      }
    }
    map.range = [start, at + 1, at + 1];
    return map;
  }
}

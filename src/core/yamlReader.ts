// Reading YAML as yaml Document nodes, so that every problem points at the line (and columns) of the
// node it is about: the team file (src/core/team/parse.ts) and issue templates (forms, config.yml,
// Markdown front matter: src/core/issues). Never throws: callers wrap their walk in `guard`.
import { isAlias, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem } from './decisions/types';
import { lineAt, lineStarts } from './text';

export interface YamlCtx {
  file: string;
  /** The whole file (problems are placed in it). */
  text: string;
  starts: number[];
  /** Offset of the YAML text in the file (front matter starts after its `---` line). */
  base: number;
  doc: Document;
  problems: Problem[];
}

export type Span = [start: number, end: number];

/** Parses `yaml` (found at offset `base` of `text`) and reports its syntax errors. */
export function readYaml(text: string, file: string, yaml = text, base = 0): YamlCtx {
  const ctx: YamlCtx = { file, text, starts: lineStarts(text), base, doc: undefined as unknown as Document, problems: [] };
  // yaml makes an Error per problem, and capturing its stack is most of the cost of a broken file
  // (see core/team/parse.ts): capture none while parsing.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    ctx.doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  for (const error of ctx.doc.errors) report(ctx, error.pos ?? [0, 0], 'error', 'yaml-syntax', `Not valid YAML: ${firstLine(error.message)}`);
  for (const warning of ctx.doc.warnings) report(ctx, warning.pos ?? [0, 0], 'warning', 'yaml-warning', `YAML: ${firstLine(warning.message)}`);
  return ctx;
}

/** Runs a walk over the document; a bug of ours becomes a problem instead of an exception. */
export function guard(ctx: YamlCtx, what: string, walk: () => void): void {
  try {
    walk();
  } catch (error) {
    report(ctx, [0, 0], 'error', 'internal-error', `Could not read ${what}: ${(error as Error)?.message ?? error}`);
  }
  ctx.problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

function firstLine(message: string): string {
  return String(message).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Offsets [start, end) of a node in the YAML text, or the fallback when it has none. */
export function rangeOf(node: unknown, fallback: number): Span {
  const range = (node as Node | undefined)?.range;
  if (range && Number.isFinite(range[0])) return [range[0], Math.max(range[0], range[1])];
  return [fallback, fallback];
}

/** 0-based line in the file of an offset in the YAML text. */
export function lineOf(ctx: YamlCtx, offset: number): number {
  return lineAt(ctx.starts, Math.min(Math.max(0, ctx.base + offset), ctx.text.length));
}

export function report(ctx: YamlCtx, at: readonly [number, number], severity: Problem['severity'], code: string, message: string): void {
  const start = Math.min(Math.max(0, ctx.base + at[0]), ctx.text.length);
  const line = lineAt(ctx.starts, start);
  const lineStart = ctx.starts[line]!;
  let lineEnd = line + 1 < ctx.starts.length ? ctx.starts[line + 1]! - 1 : ctx.text.length;
  if (lineEnd > lineStart && ctx.text[lineEnd - 1] === '\r') lineEnd--;
  const end = Math.min(Math.max(start, ctx.base + at[1]), lineEnd);
  const problem: Problem = { file: ctx.file, line, column: start - lineStart, severity, code, message };
  if (end > start) problem.endColumn = end - lineStart;
  ctx.problems.push(problem);
}

/** The node an alias points at (aliases are legal YAML, so follow them). */
export function resolve(ctx: YamlCtx, node: unknown): unknown {
  if (isAlias(node)) {
    try {
      return node.resolve(ctx.doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

export const isNull = (node: unknown): boolean => node === null || node === undefined || (isScalar(node) && node.value === null);

/** A YAML string (not a number, boolean or null: GitHub's "key must be a string"). */
export function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Text of a scalar as written: strings, numbers and booleans as in the file, YAML 1.1 timestamps as dates. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return typeof node.source === 'string' ? node.source : String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10); // %YAML 1.1 timestamps
  return undefined;
}

export interface Entry {
  key: string;
  keyNode: unknown;
  value: unknown;
  /** Offset of the key (for problems about the pair). */
  offset: number;
}

/** Key/value pairs of a map; reports keys that are not names and duplicates (the first one is used). */
export function entries(ctx: YamlCtx, map: YAMLMap, where: string): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const pair of map.items) {
    const keyNode = resolve(ctx, pair.key);
    const key = scalarText(keyNode);
    const offset = rangeOf(keyNode, rangeOf(map, 0)[0])[0];
    if (key === undefined) {
      report(ctx, rangeOf(keyNode, offset), 'error', 'bad-key', `Keys in ${where} must be plain names.`);
      continue;
    }
    if (seen.has(key)) {
      report(ctx, rangeOf(keyNode, offset), 'error', 'duplicate-key', `Duplicate key "${key}" in ${where}; the first one is used.`);
      continue;
    }
    seen.add(key);
    out.push({ key, keyNode, value: resolve(ctx, pair.value), offset });
  }
  return out;
}

export function unknownKey(ctx: YamlCtx, e: Entry, where: string, known: readonly string[], severity: Problem['severity'] = 'error'): void {
  const hint = known.find((k) => k.toLowerCase() === e.key.toLowerCase());
  const suffix = severity === 'error' ? ' GitHub rejects templates with unknown keys.' : '';
  report(ctx, rangeOf(e.keyNode, e.offset), severity, 'unknown-key', `Unknown key "${e.key}" in ${where}${hint ? `; did you mean "${hint}"?` : ''}. Known keys: ${known.join(', ')}.${suffix}`);
}

/** A non-empty string value, else a problem (GitHub: "key must be a string", and not only spaces). */
export function requiredString(ctx: YamlCtx, e: Entry, what: string, code: string): string | undefined {
  const s = stringOf(e.value);
  if (s === undefined || !s.trim()) {
    report(ctx, rangeOf(e.value, e.offset), 'error', code, `${what} must be ${s === undefined ? 'a string (quote it if YAML reads it as a number or true/false)' : 'a non-empty string'}.`);
    return undefined;
  }
  return s;
}

/** A string value that may be empty; anything else is a problem. */
export function optionalString(ctx: YamlCtx, e: Entry, what: string, code: string): string | undefined {
  if (isNull(e.value)) return undefined;
  const s = stringOf(e.value);
  if (s === undefined) report(ctx, rangeOf(e.value, e.offset), 'error', code, `${what} must be a string (quote it if YAML reads it as a number or true/false).`);
  return s;
}

export function booleanOf(ctx: YamlCtx, e: Entry, what: string): boolean | undefined {
  if (isScalar(e.value) && typeof e.value.value === 'boolean') return e.value.value;
  report(ctx, rangeOf(e.value, e.offset), 'error', 'bad-boolean', `${what} must be true or false.`);
  return undefined;
}

/** `labels: [bug, triage]`, `labels: bug, triage` or `labels: bug`: the names; a problem for any
 *  other shape (a mapping, numbers, nested lists). Empty names are dropped. */
export function nameList(ctx: YamlCtx, e: Entry, what: string, code: string): string[] {
  if (isNull(e.value)) return [];
  if (isSeq(e.value)) {
    const out: string[] = [];
    for (const item of e.value.items) {
      const node = resolve(ctx, item);
      const s = stringOf(node);
      if (s === undefined) report(ctx, rangeOf(node ?? item, rangeOf(e.value, e.offset)[0]), 'error', code, `Each of ${what} must be a string; quote names YAML reads as numbers or true/false.`);
      else if (s.trim()) out.push(s.trim());
    }
    return out;
  }
  const s = stringOf(e.value);
  if (s === undefined) {
    report(ctx, rangeOf(e.value, e.offset), 'error', code, `${what} must be a list of names or one comma-separated string.`);
    return [];
  }
  return commaList(s);
}

export function commaList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

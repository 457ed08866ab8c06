// Reading YAML as yaml Document nodes, so that every problem points at the line (and columns) of the
// node it is about: the team file (src/core/team/parse.ts) and issue templates (forms, config.yml,
// Markdown front matter: src/core/issues). Never throws: readYaml turns whatever the yaml library
// throws into a problem, and callers wrap their walk in `guard`.
//
// Issue templates come from repositories nobody has vetted, read as soon as a folder opens, so what
// they can cost is bounded here (the team file, read by its own parser, only shares the helpers):
//  - Nesting: yaml's parser recurses once per level and a list nested a few thousand levels deep
//    overflowed the stack ("Maximum call stack size exceeded" thrown out of parseDocument), which took
//    every other template down with it. Before parsing, a scan of yaml's own tokens (so quotes, block
//    scalars and comments count for nothing) estimates the depth from above; past MAX_YAML_DEPTH the
//    file is a problem at the line where it gets too deep, and is not parsed. Anything thrown all the
//    same is caught and reported on the file.
//  - Aliases: yaml's Alias.resolve(doc) walks the whole document for each alias (10,000 aliases took
//    6 s); aliases are resolved here from one map built in one pass.
//  - Problems: at most MAX_PROBLEMS per file are kept, then one problem says how many more there are
//    (~125,000 of them overflowed the stack in discover.ts's `problems.push(...all)`, and a list that
//    long helps nobody).
import { Document, isAlias, isCollection, isPair, isScalar, isSeq, Lexer, parseDocument, type Alias, type Node, type YAMLMap } from 'yaml';
import type { Problem } from './problem';
import { lineAt, lineStarts } from './text';

/** How deeply an issue template's YAML may nest (maps and lists in one another). Templates need 6;
 *  yaml's parser gives out somewhere past 400 (flow lists) to 2,000 (block lists) levels, less when
 *  it is called with a deep stack already. */
export const MAX_YAML_DEPTH = 100;

/** Problems kept per file read with readYaml; the rest are counted in one more problem. */
export const MAX_PROBLEMS = 1000;

export interface YamlCtx {
  file: string;
  /** The whole file (problems are placed in it). */
  text: string;
  starts: number[];
  /** Offset of the YAML text in the file (front matter starts after its `---` line). */
  base: number;
  doc: Document;
  problems: Problem[];
  /** The YAML could not be read at all (said in `problems`): `guard` walks nothing. */
  unreadable?: boolean;
  /** Keep at most this many problems (readYaml: MAX_PROBLEMS); unset, all are kept. */
  maxProblems?: number;
  /** Problems not kept because of maxProblems, and the line of the first of them. */
  dropped?: { count: number; line: number };
  /** Alias -> the node it names, built on the first alias resolved. */
  aliases?: Map<Alias, unknown>;
}

export type Span = [start: number, end: number];

/** Parses `yaml` (found at offset `base` of `text`) and reports its syntax errors. Never throws. */
export function readYaml(text: string, file: string, yaml = text, base = 0): YamlCtx {
  const ctx: YamlCtx = { file, text, starts: lineStarts(text), base, doc: new Document(), problems: [], maxProblems: MAX_PROBLEMS };
  const deep = nestingOver(yaml, MAX_YAML_DEPTH);
  if (deep !== null) {
    tooDeep(ctx, yaml === text, deep);
    return ctx;
  }
  // yaml makes an Error per problem, and capturing its stack is most of the cost of a broken file
  // (see core/team/parse.ts): capture none while parsing.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    ctx.doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    Error.stackTraceLimit = stackTraceLimit;
    if (isStackOverflow(error)) tooDeep(ctx, yaml === text, 0, false);
    else unreadable(ctx, `Could not read ${what(ctx, yaml === text)}: ${messageOf(error)}`);
    return ctx;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  for (const error of ctx.doc.errors) {
    // What the depth scan let through and yaml's composer gave up on (it catches its own overflow).
    if (error.code === 'RESOURCE_EXHAUSTION') {
      tooDeep(ctx, yaml === text, error.pos?.[0] ?? 0, false);
      return ctx;
    }
  }
  for (const error of ctx.doc.errors) report(ctx, error.pos ?? [0, 0], 'error', 'yaml-syntax', `Not valid YAML: ${firstLine(error.message)}`);
  for (const warning of ctx.doc.warnings) report(ctx, warning.pos ?? [0, 0], 'warning', 'yaml-warning', `YAML: ${firstLine(warning.message)}`);
  return ctx;
}

/** 'config.yml', or 'the front matter of bug.md' for YAML inside a file ('The …' to start a sentence). */
function what(ctx: YamlCtx, whole: boolean, start = false): string {
  const name = ctx.file.slice(ctx.file.lastIndexOf('/') + 1);
  return whole ? name : `${start ? 'The' : 'the'} front matter of ${name}`;
}

/** `measured`: the depth scan found it (so it is over MAX_YAML_DEPTH), else yaml gave up on it. */
function tooDeep(ctx: YamlCtx, whole: boolean, offset: number, measured = true): void {
  const levels = measured ? ` (over ${MAX_YAML_DEPTH} levels)` : '';
  unreadable(ctx, `${what(ctx, whole, true)} is nested too deeply to read${levels}.`, 'too-deep', offset);
}

function unreadable(ctx: YamlCtx, message: string, code = 'unreadable-yaml', offset = 0): void {
  ctx.unreadable = true;
  report(ctx, [offset, offset], 'error', code, message);
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(String(error.message));
}

function messageOf(error: unknown): string {
  try {
    return firstLine(String((error as Error)?.message ?? error));
  } catch {
    return 'unknown error';
  }
}

/**
 * The offset in `yaml` where it first nests deeper than `limit` levels, or null. An estimate from
 * above, from yaml's lexer (iterative, so it cannot overflow): in block context a line hangs under the
 * nearest earlier line with less indentation and adds one level for each `-`, `?` and `:` on it (and
 * one for a `-` at the indentation of a line that ends with `key:`, as a list under a key need not be
 * indented); in flow context each open bracket adds one, and a `key: value` pair in `[ ]` one more.
 * Never throws (null when in doubt: the parse after it is guarded too).
 */
export function nestingOver(yaml: string, limit: number): number | null {
  try {
    return quickBound(yaml) <= limit ? null : scanNesting(yaml, limit);
  } catch {
    return null;
  }
}

/**
 * A bound on the depth found without the lexer (which costs a fifth of a parse), good enough for
 * large flat files such as a form with 100,000 options. Each level of block nesting starts at least
 * one column further right than the level above it, but for a list written at the indentation of its
 * key ("key:\n- item"), so block depth is at most twice the longest line; each level of flow nesting
 * needs a bracket of its own (and a `[a: b]` pair one more level), so flow depth is at most twice the
 * number of brackets; block collections never sit inside flow ones.
 */
function quickBound(yaml: string): number {
  let longest = 0;
  let lineStart = 0;
  let brackets = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 10) {
      if (i - lineStart > longest) longest = i - lineStart;
      lineStart = i + 1;
    } else if (c === 91 || c === 123) brackets++; // [ {
  }
  longest = Math.max(longest, yaml.length - lineStart);
  return 2 * (longest + 1) + 2 * brackets;
}

interface LineLevel {
  indent: number;
  depth: number;
  /** The line ends with `key:` (its value may be a list at the same indentation). */
  opensValue: boolean;
}

function scanNesting(yaml: string, limit: number): number | null {
  const lines: LineLevel[] = []; // the current line's ancestors (by indentation), innermost last
  let line: LineLevel | undefined; // the line being read (block context)
  let indent = 0;
  const flow: { seq: boolean; pair: boolean }[] = [];
  let flowDepth = 0;
  let atScalar = false;
  /** A block scalar's header (`|`, `>-`) was read: its text, on the lines below, belongs to that line. */
  let blockHeader: LineLevel | undefined;
  let offset = 0;
  for (const lexeme of new Lexer().lex(yaml)) {
    const at = offset;
    if (atScalar) {
      // A scalar's source: never a token, whatever it looks like. A block scalar's text ends with its
      // line break: the next line starts after it.
      atScalar = false;
      offset += lexeme.length;
      if (line) line.opensValue = false;
      if (blockHeader) {
        blockHeader = undefined;
        line = undefined;
        indent = 0;
      }
      continue;
    }
    // Lexer marks are not in the source: document mode, the end of a flow collection left open (by a
    // line indented less than it), and the start of a scalar (its source is the next lexeme).
    if (lexeme === '\x02') continue;
    if (lexeme === '\x18') {
      flow.length = 0;
      flowDepth = 0;
      continue;
    }
    if (lexeme === '\x1f') {
      atScalar = true;
      if (blockHeader && flow.length === 0) {
        line = blockHeader;
        continue;
      }
      blockHeader = undefined;
    } else offset += lexeme.length;
    const c = lexeme[0];
    if (lexeme === '' || lexeme === '\n' || lexeme === '\r\n') {
      if (flow.length === 0) {
        line = undefined;
        indent = 0;
      }
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (!line && flow.length === 0 && c === ' ') indent += lexeme.length;
      continue;
    }
    if (c === '#' || c === '%' || lexeme === '\ufeff') continue;
    if (lexeme === '---' || lexeme === '...') {
      lines.length = 0;
      line = undefined;
      indent = 0;
      flow.length = 0;
      flowDepth = 0;
      continue;
    }
    if (!line) {
      let parentOpens = false;
      while (lines.length && lines[lines.length - 1]!.indent >= indent) {
        const popped = lines.pop()!;
        parentOpens = popped.indent === indent && popped.opensValue;
      }
      line = { indent, depth: lines.length ? lines[lines.length - 1]!.depth : 0, opensValue: false };
      if (lexeme === '-' && parentOpens) line.depth++;
      lines.push(line);
    }
    switch (lexeme) {
      case '-':
      case '?':
      case ':':
        if (flow.length === 0) {
          line.depth++;
          line.opensValue = lexeme === ':';
        } else if (lexeme !== '-' && flow[flow.length - 1]!.seq && !flow[flow.length - 1]!.pair) {
          flow[flow.length - 1]!.pair = true;
          flowDepth++;
        }
        break;
      case '[':
      case '{':
        flow.push({ seq: lexeme === '[', pair: false });
        flowDepth++;
        line.opensValue = false;
        break;
      case ']':
      case '}': {
        const closed = flow.pop();
        if (closed) flowDepth -= closed.pair ? 2 : 1;
        line.opensValue = false;
        break;
      }
      case ',': {
        const open = flow[flow.length - 1];
        if (open?.pair) {
          open.pair = false;
          flowDepth--;
        }
        break;
      }
      default:
        // Anchors and tags belong to the value that follows; anything else is a value.
        if (c !== '&' && c !== '!') line.opensValue = false;
        if ((c === '|' || c === '>') && flow.length === 0) blockHeader = line;
    }
    if (line.depth + flowDepth > limit) return at;
  }
  return null;
}

/** Runs a walk over the document; a bug of ours, or a document beyond what the walk can take, becomes
 *  a problem instead of an exception. Nothing is walked when the YAML could not be read. */
export function guard(ctx: YamlCtx, what: string, walk: () => void): void {
  if (!ctx.unreadable) {
    try {
      walk();
    } catch (error) {
      if (isStackOverflow(error)) report(ctx, [0, 0], 'error', 'too-deep', `Could not read ${what}: it is nested too deeply.`);
      else report(ctx, [0, 0], 'error', 'internal-error', `Could not read ${what}: ${messageOf(error)}`);
    }
  }
  ctx.problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  if (ctx.dropped) {
    // Last, after the ones listed; at the line of the first one left out.
    const { count, line } = ctx.dropped;
    ctx.problems.push({ file: ctx.file, line, severity: 'warning', code: 'too-many-problems', message: `${count} more problem${count === 1 ? '' : 's'} from here on ${count === 1 ? 'is' : 'are'} not listed: only the first ${ctx.problems.length} are.` });
    ctx.dropped = undefined;
  }
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
  if (ctx.maxProblems !== undefined && ctx.problems.length >= ctx.maxProblems) {
    if (ctx.dropped) ctx.dropped.count++;
    else ctx.dropped = { count: 1, line };
    return;
  }
  const lineStart = ctx.starts[line]!;
  let lineEnd = line + 1 < ctx.starts.length ? ctx.starts[line + 1]! - 1 : ctx.text.length;
  if (lineEnd > lineStart && ctx.text[lineEnd - 1] === '\r') lineEnd--;
  const end = Math.min(Math.max(start, ctx.base + at[1]), lineEnd);
  const problem: Problem = { file: ctx.file, line, column: start - lineStart, severity, code, message };
  if (end > start) problem.endColumn = end - lineStart;
  ctx.problems.push(problem);
}

/** The node an alias points at (aliases are legal YAML, so follow them): the last node before it with
 *  that anchor, as yaml's Alias.resolve finds it, from a map made once per document (Alias.resolve
 *  walks the whole document for every alias). */
export function resolve(ctx: YamlCtx, node: unknown): unknown {
  if (!isAlias(node)) return node;
  ctx.aliases ??= aliasTargets(ctx.doc);
  return ctx.aliases.get(node);
}

/** Every alias of the document and the node it names, in one pass in document order (yaml's visit
 *  order: a node before what it contains, keys before values), without recursion. */
function aliasTargets(doc: Document): Map<Alias, unknown> {
  const targets = new Map<Alias, unknown>();
  const anchors = new Map<string, unknown>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      continue;
    }
    if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.set(node.anchor, node);
    if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    else if (isPair(node)) stack.push(node.value, node.key);
  }
  return targets;
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

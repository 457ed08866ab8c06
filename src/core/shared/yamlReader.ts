// Reading YAML as yaml Document nodes, so that every problem points at the line (and columns) of the
// node it is about: the team file (src/core/team/parse.ts) and issue templates (forms, config.yml,
// Markdown front matter: src/core/issues). Never throws: readYaml turns whatever the yaml library
// throws into a problem, and callers wrap their walk in `guard`. The typed field readers over these
// nodes are in yamlFields.ts; the nesting estimate that runs before parsing is in yamlDepth.ts.
//
// Issue templates come from repositories nobody has vetted, read as soon as a folder opens, so what
// they can cost is bounded here (the team file, read by its own parser, only shares the helpers):
//  - Nesting: past MAX_YAML_DEPTH (yamlDepth.ts) the file is a problem at the line where it gets too
//    deep, and is not parsed. Anything thrown all the same is caught and reported on the file.
//  - Aliases: yaml's Alias.resolve(doc) walks the whole document for each alias (10,000 aliases took
//    6 s); aliases are resolved here from one map built in one pass.
//  - Problems: at most MAX_PROBLEMS per file are kept, then one problem says how many more there are
//    (~125,000 of them overflowed the stack in discover.ts's `problems.push(...all)`, and a list that
//    long helps nobody).
import { Document, isAlias, isCollection, isPair, isScalar, parseDocument, type Alias, type Node } from 'yaml';
import type { Problem } from './problem';
import { lineAt, lineEndAt, lineStarts, positionAt } from './positions';
import { MAX_YAML_DEPTH, nestingOver } from './yamlDepth';

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
  try {
    ctx.doc = parseQuietly(yaml);
  } catch (error) {
    if (isStackOverflow(error)) tooDeep(ctx, yaml === text, 0, false);
    else unreadable(ctx, `Could not read ${what(ctx, yaml === text)}: ${messageOf(error)}`);
    return ctx;
  }
  for (const error of ctx.doc.errors) {
    // What the depth scan let through and yaml's composer gave up on (it catches its own overflow).
    if (error.code === 'RESOURCE_EXHAUSTION') {
      tooDeep(ctx, yaml === text, error.pos?.[0] ?? 0, false);
      return ctx;
    }
  }
  reportYamlErrors(ctx);
  return ctx;
}

/** yaml's parseDocument, capturing no stack traces while it runs. yaml makes an Error per problem, and
 *  capturing their stacks (~100 µs each in its generator-based parser) was most of the cost of a
 *  broken file: hundreds of errors while someone is typing took 25 ms instead of 3. Nobody reads
 *  those stacks. Duplicate keys are left to the walk (entries() says which one is used). */
export function parseQuietly(yaml: string): Document {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** yaml's syntax errors and warnings for ctx.doc, as problems. */
export function reportYamlErrors(ctx: YamlCtx): void {
  for (const error of ctx.doc.errors) report(ctx, error.pos ?? [0, 0], 'error', 'yaml-syntax', `Not valid YAML: ${firstLine(error.message)}`);
  for (const warning of ctx.doc.warnings) report(ctx, warning.pos ?? [0, 0], 'warning', 'yaml-warning', `YAML: ${firstLine(warning.message)}`);
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
    const more = `${count} more problem${count === 1 ? '' : 's'} from here on ${count === 1 ? 'is' : 'are'} not listed`;
    const message = `${more}: only the first ${ctx.problems.length} are.`;
    ctx.problems.push({ file: ctx.file, line, severity: 'warning', code: 'too-many-problems', message });
    ctx.dropped = undefined;
  }
}

function firstLine(message: string): string {
  return String(message)
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
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

/** Adds a problem at offsets [start, end) of the YAML text, underlined to the end of the start's line at
 *  most. Past ctx.maxProblems, only counts it (guard says how many were left out). */
export function report(ctx: YamlCtx, at: readonly [number, number], severity: Problem['severity'], code: string, message: string): void {
  const start = Math.min(Math.max(0, ctx.base + at[0]), ctx.text.length);
  const { line, column } = positionAt(ctx.starts, start);
  if (ctx.maxProblems !== undefined && ctx.problems.length >= ctx.maxProblems) {
    if (ctx.dropped) ctx.dropped.count++;
    else ctx.dropped = { count: 1, line };
    return;
  }
  const end = Math.min(Math.max(start, ctx.base + at[1]), lineEndAt(ctx.text, ctx.starts, line));
  const problem: Problem = { file: ctx.file, line, column, severity, code, message };
  if (end > start) problem.endColumn = column + end - start;
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

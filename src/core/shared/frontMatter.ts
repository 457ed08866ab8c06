// Front matter as yaml nodes with source ranges. Two readers that give the same nodes:
//  - readYamlFrontMatter: yaml's parseDocument, for anything;
//  - readSimpleFrontMatter: the common "key: value" / "key: [a, b]" shape only, building the same
//    yaml Pair/Scalar/YAMLSeq nodes without running yaml's parser. It returns null for anything else,
//    and the caller falls back to yaml.
// Why two: yaml's generator-based parser costs ~120 µs per front matter warm and ~1.3 s of JIT warm-up
// over 3,300 records cold (measured on this project's 2-core machines), over half of a 10,000-record
// scan. A test feeds both readers thousands of generated front matters and requires identical nodes.
// The team file has a reader of the same kind for its nested block shape: blockYaml.ts, which also
// holds the rules for which plain scalars are strings (NOT_A_STRING) and which characters pass as they are.
import { isMap, isScalar, Pair, parseDocument, Scalar, YAMLSeq } from 'yaml';
import { NOT_A_STRING, PRINTABLE } from './blockYaml';
import { lineContent, stripBom } from './text';

export interface FrontMatterNodes {
  /** Top-level pairs by lower-cased key, first occurrence wins, in file order. */
  pairs: Map<string, Pair>;
  /** Problems, with offsets into the YAML text. */
  errors: { offset: number; message: string }[];
}

/** Any front matter, through yaml's Document API. */
export function readYamlFrontMatter(yamlText: string): FrontMatterNodes {
  const result: FrontMatterNodes = { pairs: new Map(), errors: [] };
  // uniqueKeys: false skips yaml's O(n²) key comparison; duplicates are reported below instead.
  const doc = parseDocument(yamlText, { prettyErrors: false, strict: false, uniqueKeys: false });
  for (const error of doc.errors) {
    const offset = Math.min(Math.max(0, error.pos?.[0] ?? 0), yamlText.length);
    result.errors.push({ offset, message: `Front matter is not valid YAML: ${String(error.message).split('\n')[0]}` });
  }
  const contents = doc.contents;
  if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) return result;
  if (!isMap(contents)) {
    if (doc.errors.length === 0) result.errors.push({ offset: 0, message: 'Front matter must be YAML "key: value" lines.' });
    return result;
  }
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || pair.key.value === null || pair.key.value === undefined) continue;
    const key = String(pair.key.value).trim().toLowerCase();
    if (!result.pairs.has(key)) result.pairs.set(key, pair);
    else result.errors.push({ offset: pair.key.range?.[0] ?? 0, message: `Duplicate front matter key "${key}"; the first one is used.` });
  }
  return result;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:( +)(.*))?$/;

/** A plain scalar the simple reader accepts: no indicators, comments, quotes or ": ". */
function plainOk(value: string, inFlow: boolean): boolean {
  if (value === '' || !PRINTABLE.test(value) || NOT_A_STRING.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /[#'"]/.test(value) || value.endsWith(':') || value.includes(': ')) return false;
  if (inFlow && /[[\]{}:]/.test(value)) return false;
  return true;
}

// YAML's white space is space and tab only (tabs are left to yaml); JS trim() would also eat U+FEFF, U+00A0...
const trimEndSpaces = (s: string) => s.replace(/ +$/, '');
const isSpaces = (s: string) => /^ *$/.test(s);

function scalarNode(value: string | null, type: Scalar.Type, start: number, end: number, nodeEnd = end): Scalar {
  const node = new Scalar(value);
  node.type = type;
  node.range = [start, end, nodeEnd];
  return node;
}

/** A scalar written between offsets start and end (trimmed), or null when it is not in the simple shape. */
function simpleScalar(text: string, start: number, inFlow: boolean): Scalar | null {
  const first = text[0];
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, 1);
    if (close === -1 || !isSpaces(text.slice(close + 1))) return null;
    const inner = text.slice(1, close);
    if (!PRINTABLE.test(inner) || (first === '"' && inner.includes('\\')) || (inFlow && /[,[\]{}]/.test(inner))) return null;
    return scalarNode(inner, first === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start, start + close + 1);
  }
  const value = trimEndSpaces(text);
  return plainOk(value, inFlow) ? scalarNode(value, 'PLAIN', start, start + value.length) : null;
}

/** "[a, b, c]" on one line, or null. */
function simpleFlowSeq(text: string, start: number): YAMLSeq | null {
  const trimmed = trimEndSpaces(text);
  if (!trimmed.endsWith(']')) return null;
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.range = [start, start + trimmed.length, start + trimmed.length];
  const inner = trimmed.slice(1, -1);
  if (isSpaces(inner)) return seq;
  let offset = start + 1;
  for (const part of inner.split(',')) {
    const lead = part.length - part.replace(/^ +/, '').length;
    const item = trimEndSpaces(part.slice(lead));
    if (item === '') return null;
    const node = simpleScalar(item, offset + lead, true);
    if (!node) return null;
    seq.items.push(node);
    offset += part.length + 1;
  }
  return seq;
}

/** The simple shape only: "key: value" lines, blank lines and whole-line comments; else null. */
export function readSimpleFrontMatter(yamlText: string): FrontMatterNodes | null {
  const pairs = new Map<string, Pair>();
  let lineStart = 0;
  while (lineStart < yamlText.length) {
    let lineEnd = yamlText.indexOf('\n', lineStart);
    const next = lineEnd === -1 ? yamlText.length : lineEnd + 1;
    if (lineEnd === -1) lineEnd = yamlText.length;
    let line = yamlText.slice(lineStart, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (/^ *$/.test(line) || (line.startsWith('#') && PRINTABLE.test(line))) {
      lineStart = next;
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m || line.includes('\r') || line.includes('\t') || NOT_A_STRING.test(m[1]!)) return null;
    const name = m[1]!;
    const lower = name.toLowerCase();
    if (pairs.has(lower)) return null; // yaml's path reports duplicates
    const key = scalarNode(name, 'PLAIN', lineStart, lineStart + name.length);
    const valueText = trimEndSpaces(m[3] ?? '');
    const valueStart = lineStart + name.length + 1 + (m[2]?.length ?? 0);
    let value: Scalar | YAMLSeq | null;
    if (valueText === '')
      value = scalarNode(null, 'PLAIN', next, next); // where yaml puts an empty value
    else if (valueText.startsWith('[')) value = simpleFlowSeq(valueText, valueStart);
    else value = simpleScalar(valueText, valueStart, false);
    if (!value) return null;
    pairs.set(lower, new Pair(key, value));
    lineStart = next;
  }
  return { pairs, errors: [] };
}

/**
 * Where front matter that opens on the first line ('---', after an optional BOM) closes ('---' or
 * '...'): the closing line's index, -1 when it is never closed, null when there is no front matter.
 */
export function frontMatterEnd(lines: readonly string[]): number | null {
  if (stripBom(lineContent(lines[0] ?? '')).trimEnd() !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    const l = lineContent(lines[i]!).trimEnd();
    if (l === '---' || l === '...') return i;
  }
  return -1;
}

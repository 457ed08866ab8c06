// Typed readers over yaml nodes, for files read with readYaml (yamlReader.ts): a map's entries, plain
// names, strings, booleans and name lists, each reporting a problem at the node when the value has
// the wrong shape (in GitHub's words where GitHub has a rule: "key must be a string"…). Used by the
// issue-template parsers (src/core/issues) and, for scalarText and entries, by the team file parser.
import { isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Problem } from './problem';
import { rangeOf, report, resolve, type YamlCtx } from './yamlReader';

export const isNull = (node: unknown): boolean => node === null || node === undefined || (isScalar(node) && node.value === null);

/** A YAML string (not a number, boolean or null: GitHub's "key must be a string"). */
export function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Text of a scalar as written: strings, numbers and booleans as in the file, YAML 1.1 timestamps as dates. */
/** A YAML scalar's value as text. YAML's core schema reads strings, numbers and booleans; null (and anything else) is ''. */
export function scalarString(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

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
  const message = `Unknown key "${e.key}" in ${where}${hint ? `; did you mean "${hint}"?` : ''}. Known keys: ${known.join(', ')}.${suffix}`;
  report(ctx, rangeOf(e.keyNode, e.offset), severity, 'unknown-key', message);
}

/** A non-empty string value, else a problem (GitHub: "key must be a string", and not only spaces). */
export function requiredString(ctx: YamlCtx, e: Entry, what: string, code: string): string | undefined {
  const s = stringOf(e.value);
  if (s === undefined || !s.trim()) {
    const expected = s === undefined ? 'a string (quote it if YAML reads it as a number or true/false)' : 'a non-empty string';
    report(ctx, rangeOf(e.value, e.offset), 'error', code, `${what} must be ${expected}.`);
    return undefined;
  }
  return s;
}

/** A string value that may be empty; anything else is a problem. */
export function optionalString(ctx: YamlCtx, e: Entry, what: string, code: string): string | undefined {
  if (isNull(e.value)) return undefined;
  const s = stringOf(e.value);
  if (s === undefined) {
    report(ctx, rangeOf(e.value, e.offset), 'error', code, `${what} must be a string (quote it if YAML reads it as a number or true/false).`);
  }
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
      if (s === undefined) {
        const message = `Each of ${what} must be a string; quote names YAML reads as numbers or true/false.`;
        report(ctx, rangeOf(node ?? item, rangeOf(e.value, e.offset)[0]), 'error', code, message);
      } else if (s.trim()) out.push(s.trim());
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

// Surgical edits of a record's text: only the status value or one link line changes; every other byte,
// line endings included, stays as it was (SPEC §2.2: reading then writing an unchanged record is identical).
import { isScalar, isSeq } from 'yaml';
import { lineAt, lineEndAt } from '../shared/positions';
import { lineContent, splice } from '../shared/text';
import { analyze, type Analysis } from './parse';
import { scalarString } from '../shared/yamlFields';
import { statusWord } from './status';
import type { DecisionRecord, DecisionStatus } from './types';

/** Changes only the status value, in the record's own format and style. Unchanged status: text returned as is. */
export function setStatus(record: DecisionRecord, text: string, status: DecisionStatus): string {
  const a = analyzeForEdit(text, record);
  if (a.record.status === status) return text;
  return writeStatus(a, statusWord(status, a.record.format, a.record.rawStatus));
}

export function analyzeForEdit(text: string, record: Pick<DecisionRecord, 'file' | 'folder'>): Analysis {
  const a = analyze(text, record.file, record.folder);
  if (!a.complete) throw new Error(`${record.file} could not be read, so it was not changed.`);
  return a;
}

/** A YAML scalar for a value we write: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z0-9_./][A-Za-z0-9_./@ ()[\]-]*$/.test(value) &&
    !/^[[(]/.test(value) &&
    !/\s$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Writes `value` (unquoted status text) as the status, replacing the current one or inserting a status line. */
export function writeStatus(a: Analysis, value: string): string {
  const { text, record } = a;
  if (a.status) {
    const written = record.format === 'madr' ? (a.status.quote ? `${a.status.quote}${value}${a.status.quote}` : yamlScalar(value)) : value;
    return splice(text, a.status.start, a.status.end, written);
  }
  switch (record.format) {
    case 'madr':
      return setFrontMatterValue(a, 'status', yamlScalar(value));
    case 'nygard': {
      if (a.statusSection) return insertBlock(a, a.statusSection.line + 1, [value]);
      const firstSection = a.headings.find((h) => h.level === 2);
      return insertBlock(a, firstSection?.line ?? a.lines.length, ['## Status', '', value]);
    }
    case 'log4brains': {
      if (a.meta) return insertBlock(a, a.meta.firstLine, [`${a.meta.bullet} Status: ${value}`], false);
      return insertBlock(a, (a.titleLine ?? a.bodyStart - 1) + 1, [`- Status: ${value}`]);
    }
  }
}

/** True for a line that is empty or only whitespace. */
function blank(line: string | undefined): boolean {
  return line === undefined || lineContent(line).trim() === '';
}

/**
 * Inserts lines before line `at` (the end of the file when at is past it), adding a blank line
 * before/after when `spaced` and the neighbours are not blank already.
 */
export function insertBlock(a: Analysis, at: number, block: string[], spaced = true): string {
  const { text, lines, starts, eol } = a;
  // The '' after a final newline is not a real line: inserting there appends.
  const phantom = text.endsWith('\n') ? lines.length - 1 : lines.length;
  const line = Math.max(0, Math.min(at, phantom));
  const atEnd = line >= phantom;
  const position = atEnd ? text.length : starts[line]!;
  const before = spaced && line > 0 && !blank(lines[line - 1]) ? [''] : [];
  const after = spaced && !atEnd && !blank(lines[line]) ? [''] : [];
  const needsNewline = atEnd && text.length > 0 && !text.endsWith('\n');
  const inserted = (needsNewline ? eol : '') + [...before, ...block, ...after].map((l) => l + eol).join('');
  return splice(text, position, position, inserted);
}

/**
 * Sets a top-level front-matter key to `yamlValue` (YAML source text). Replaces the value when the key
 * exists; else inserts `key: value` after the line of `afterKey` (or first). Adds front matter when there is none.
 */
export function setFrontMatterValue(a: Analysis, key: string, yamlValue: string, afterKey?: string): string {
  const { text, eol, starts } = a;
  const fm = a.frontMatter;
  if (!fm) {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const rest = text.slice(bom.length);
    const gap = rest === '' || blank(a.lines[0]?.slice(bom.length)) ? '' : eol;
    return `${bom}---${eol}${key}: ${yamlValue}${eol}---${eol}${gap}${rest}`;
  }
  const pair = fm.pairs.get(key);
  if (pair) {
    const node = pair.value;
    if (isScalar(node) || isSeq(node)) {
      const range = node.range;
      if (range && range[1] > range[0]) return splice(text, fm.offset + range[0], fm.offset + range[1], yamlValue);
    }
    // `key:` with no value: write it after the colon.
    const keyRange = (pair.key as { range?: [number, number, number] }).range;
    const keyEnd = fm.offset + (keyRange?.[1] ?? 0);
    const colon = text.indexOf(':', keyEnd);
    const line = lineAt(starts, keyEnd);
    const lineEnd = lineEndAt(text, starts, line);
    if (colon !== -1 && colon < lineEnd) return splice(text, colon + 1, lineEnd, ` ${yamlValue}`);
  }
  const anchor = afterKey ? fm.pairs.get(afterKey) : undefined;
  let insertLine = fm.open + 1;
  if (anchor) {
    const keyRange = (anchor.key as { range?: [number, number, number] }).range;
    const valueRange = (anchor.value as { range?: [number, number, number] } | null)?.range;
    const lastOffset = fm.offset + Math.max((valueRange?.[1] ?? 0) - 1, keyRange?.[0] ?? 0);
    insertLine = Math.min(lineAt(starts, lastOffset) + 1, fm.close);
  }
  return splice(text, starts[insertLine]!, starts[insertLine]!, `${key}: ${yamlValue}${eol}`);
}

/** Adds a value to a front-matter list key (creating the key, or turning a single value into a list). */
export function addFrontMatterListValue(a: Analysis, key: string, value: string, afterKey?: string): string {
  const pair = a.frontMatter?.pairs.get(key);
  const node = pair?.value;
  const fm = a.frontMatter;
  if (fm && pair && isSeq(node) && node.range) {
    const items = node.items.map((item) => (isScalar(item) ? scalarString(item.value) : ''));
    if (items.includes(value)) return a.text;
    if (node.flow || node.items.length === 0) {
      const sources = node.items.map((item) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        return range ? a.text.slice(fm.offset + range[0], fm.offset + range[1]) : '';
      });
      return splice(a.text, fm.offset + node.range[0], fm.offset + node.range[1], `[${[...sources, yamlScalar(value)].join(', ')}]`);
    }
    // Block list: one more "- item" line after the last, with the same indentation.
    const lastItem = node.items[node.items.length - 1] as { range?: [number, number, number] };
    const lastLine = lineAt(a.starts, fm.offset + Math.max(0, (lastItem.range?.[1] ?? node.range[1]) - 1));
    const indent = /^\s*-\s*/.exec(lineContent(a.lines[lastLine]!))?.[0] ?? '  - ';
    const at = a.starts[lastLine + 1] ?? a.text.length;
    return splice(a.text, at, at, `${indent}${yamlScalar(value)}${a.eol}`);
  }
  if (fm && pair && isScalar(node) && scalarString(node.value).trim() !== '') {
    const current = scalarString(node.value).trim();
    if (current === value) return a.text;
    const source = node.range ? a.text.slice(fm.offset + node.range[0], fm.offset + node.range[1]) : yamlScalar(current);
    return setFrontMatterValue(a, key, `[${source}, ${yamlScalar(value)}]`);
  }
  return setFrontMatterValue(a, key, yamlScalar(value), afterKey);
}

/**
 * Adds a relation link line in the record's format: adr-tools appends "<label> [text](href)" at the end of
 * the Status section (as `_adr_add_link` does), log4brains adds a "- <label> [text](href)" bullet under
 * "## Links"; native records use front-matter keys instead (see addFrontMatterListValue).
 */
export function addRelationLine(a: Analysis, label: string, linkText: string, href: string): string {
  const link = `${label} [${linkText}](${href})`;
  if (a.record.format === 'log4brains') {
    const section = a.record.sections.find((s) => /^links\b/i.test(s.heading));
    if (!section) return insertBlock(a, a.lines.length, ['## Links', '', `- ${link}`]);
    let last = section.line;
    for (let i = section.line + 1; i < section.endLine && i < a.lines.length; i++) if (!blank(a.lines[i])) last = i;
    return last === section.line ? insertBlock(a, section.line + 1, [`- ${link}`]) : insertBlock(a, last + 1, [`- ${link}`], false);
  }
  if (a.statusSection) return insertBlock(a, a.statusSection.endLine, [link]);
  const firstSection = a.headings.find((h) => h.level === 2);
  return insertBlock(a, firstSection?.line ?? a.lines.length, ['## Status', '', link]);
}

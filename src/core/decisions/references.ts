// Mentions of records inside Markdown lines: "ADR-0007" / "ADR-7" and links to .md files.
import { posix } from 'node:path';
import { findMarkdownLinks } from '../shared/text';
import { resolveLinkTarget } from './recordFields';
import type { DecisionRecord } from './types';

export interface RecordReference {
  /** 0-based columns in the line, end exclusive. */
  start: number;
  end: number;
  kind: 'adr' | 'link';
  /** ADR-N mentions. */
  number?: number;
  /** Links: the destination as written. */
  target?: string;
  /** Links: columns of the destination inside the line. */
  targetStart?: number;
  targetEnd?: number;
}

/** References in one line, by start column. ADR mentions inside a link's text belong to the link. */
export function findReferences(line: string): RecordReference[] {
  const refs: RecordReference[] = [];
  for (const link of findMarkdownLinks(line)) {
    const path = link.target.replace(/[#?].*$/, '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.target) || !/\.md$/i.test(path)) continue;
    refs.push({ start: link.start, end: link.end, kind: 'link', target: link.target, targetStart: link.targetStart, targetEnd: link.targetEnd });
  }
  const links = refs.slice();
  // Upper case only, and not part of a longer word, path or file name ("MADR-4", "ADR-0007.md").
  for (const m of line.matchAll(/(?<![\w/.-])ADR-(\d+)(?![\w-]|\.\w)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (links.some((l) => start < l.end && end > l.start)) continue;
    refs.push({ start, end, kind: 'adr', number: Number.parseInt(m[1]!, 10) });
  }
  return refs.sort((a, b) => a.start - b.start);
}

/**
 * The record a reference in fromFile (root-relative) points at. ADR-N: record number N in fromFile's
 * folder first, then any folder. Links: resolved relative to fromFile's directory.
 */
export function resolveReference(
  records: readonly DecisionRecord[],
  fromFile: string,
  ref: Pick<RecordReference, 'kind' | 'number' | 'target'>,
): DecisionRecord | undefined {
  if (ref.kind === 'adr') {
    if (ref.number === undefined) return undefined;
    const folder = records.find((r) => r.file === fromFile)?.folder ?? posix.dirname(fromFile);
    const candidates = records.filter((r) => r.number === ref.number);
    return candidates.find((r) => r.folder === folder) ?? candidates[0];
  }
  if (!ref.target) return undefined;
  const file = resolveLinkTarget(fromFile, ref.target);
  return records.find((r) => r.file === file);
}

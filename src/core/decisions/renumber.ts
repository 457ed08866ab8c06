// Number collisions (two branches both added 0007) and the renumber that fixes them, rewriting links.
import { isScalar, isSeq } from 'yaml';
import { lineAt, lineStarts } from '../shared/positions';
import { findMarkdownLinks, lineContent, pad, splice, splitLines } from '../shared/text';
import { nextNumber } from './create';
import { yamlScalar } from './edit';
import { analyze } from './parse';
import { resolveLinkTarget } from './recordFields';
import type { DecisionRecord, FileChange } from './types';

/** Oldest first: by date (undated last), then file name. */
function keepOrder(a: DecisionRecord, b: DecisionRecord): number {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Groups of records sharing a number in the same folder, each sorted oldest first. */
export function findCollisions(records: DecisionRecord[]): DecisionRecord[][] {
  const groups = new Map<string, DecisionRecord[]>();
  for (const r of records) {
    if (r.number === null) continue;
    const key = `${r.folder}\u0000${r.number}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(keepOrder))
    .sort((a, b) => (a[0]!.folder === b[0]!.folder ? a[0]!.number! - b[0]!.number! : a[0]!.folder < b[0]!.folder ? -1 : 1));
}

interface Renamed {
  file: string;
  oldNumber: number;
  newNumber: number;
  width: number;
}

function renamedFile(file: string, newNumber: number): { file: string; width: number } {
  const slash = file.lastIndexOf('/');
  const base = file.slice(slash + 1);
  const m = /^(\d+)(.*)$/.exec(base);
  if (!m) return { file, width: 4 }; // numbered only in its adr-tools title: the title changes, the name stays
  const width = m[1]!.length;
  return { file: `${file.slice(0, slash + 1)}${pad(newNumber, width)}${m[2]}`, width };
}

/** Link text that names the old number ("7. Title", "ADR-0007") names the new one. */
function renumberLinkText(text: string, r: Renamed): string {
  return text
    .replace(/^(\s*)(\d+)(\.\s)/, (m, sp: string, n: string, dot: string) => (Number(n) === r.oldNumber ? `${sp}${r.newNumber}${dot}` : m))
    .replace(/\bADR-(\d+)\b/gi, (m, n: string) => (Number(n) === r.oldNumber ? m.slice(0, 4) + pad(r.newNumber, n.length) : m));
}

/** Rewrites every link in `text` (of record `file`) that points at a renamed record. */
function rewriteLinks(text: string, file: string, folder: string, renames: Map<string, Renamed>): string {
  // Front-matter file names (native `supersedes` / `superseded-by`), replaced from the end.
  const a = analyze(text, file, folder);
  const edits: { start: number; end: number; value: string }[] = [];
  if (a.frontMatter) {
    for (const key of ['supersedes', 'superseded-by']) {
      const node = a.frontMatter.pairs.get(key)?.value;
      for (const item of isSeq(node) ? node.items : [node]) {
        if (!isScalar(item) || typeof item.value !== 'string' || !item.range || item.value.includes('](')) continue;
        const target = renames.get(resolveLinkTarget(file, item.value.trim()));
        if (!target) continue;
        const value = item.value.trim();
        const newValue = value.slice(0, value.lastIndexOf('/') + 1) + target.file.slice(target.file.lastIndexOf('/') + 1);
        // Keep the value's quoting style.
        const written =
          item.type === 'QUOTE_DOUBLE' ? JSON.stringify(newValue) : item.type === 'QUOTE_SINGLE' ? `'${newValue.replace(/'/g, "''")}'` : yamlScalar(newValue);
        edits.push({ start: a.frontMatter.offset + item.range[0], end: a.frontMatter.offset + item.range[1], value: written });
      }
    }
  }
  let out = text;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = splice(out, e.start, e.end, e.value);

  // Markdown links anywhere in the file.
  const lines = splitLines(out);
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const content = lineContent(raw);
    if (!content.includes('](')) continue;
    let next = content;
    // Right to left, so earlier columns stay valid.
    for (const link of findMarkdownLinks(content).reverse()) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) continue;
      const target = renames.get(resolveLinkTarget(file, link.target));
      if (!target) continue;
      const oldBase = link.target
        .replace(/[#?].*$/, '')
        .split('/')
        .pop()!;
      const cut = link.target.lastIndexOf(oldBase);
      const newTarget = link.target.slice(0, cut) + target.file.slice(target.file.lastIndexOf('/') + 1) + link.target.slice(cut + oldBase.length);
      next =
        next.slice(0, link.textStart) +
        renumberLinkText(link.text, target) +
        next.slice(link.textEnd, link.targetStart) +
        newTarget +
        next.slice(link.targetEnd);
    }
    if (next !== content) {
      lines[i] = next + raw.slice(content.length);
      changed = true;
    }
  }
  return changed ? lines.join('\n') : out;
}

/** "# 7. Title" (adr-tools) or "# ADR-0007: Title" names the new number. */
function renumberTitle(text: string, file: string, folder: string, r: Renamed): string {
  const a = analyze(text, file, folder);
  if (a.titleLine === null) return text;
  const starts = lineStarts(text);
  const line = lineContent(a.lines[a.titleLine]!);
  const m = /^(\s*#{1,6}\s+(?:ADR-)?)(\d+)(?=[.:\s])/i.exec(line);
  if (!m || Number(m[2]) !== r.oldNumber) return text;
  const start = starts[a.titleLine]! + m[1]!.length;
  const value = /ADR-$/i.test(m[1]!) ? pad(r.newNumber, m[2]!.length) : String(r.newNumber);
  return lineAt(starts, start) === a.titleLine ? splice(text, start, start + m[2]!.length, value) : text;
}

/**
 * For each collision group keeps the oldest record and gives the others the next free numbers of their
 * folder: renames the file, fixes an adr-tools title number and rewrites links to renamed files in all
 * records. `texts` holds every record's current text by DecisionRecord.file.
 */
export function planRenumber(records: DecisionRecord[], texts: Map<string, string>): FileChange[] {
  const renames = new Map<string, Renamed>();
  const next = new Map<string, number>();
  for (const group of findCollisions(records)) {
    const folder = group[0]!.folder;
    let n = next.get(folder) ?? nextNumber(folder, records);
    for (const r of group.slice(1)) {
      const { file, width } = renamedFile(r.file, n);
      renames.set(r.file, { file, oldNumber: r.number!, newNumber: n, width });
      n++;
    }
    next.set(folder, n);
  }
  if (renames.size === 0) return [];
  const changes: FileChange[] = [];
  for (const r of [...records].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const text = texts.get(r.file);
    const rename = renames.get(r.file);
    if (text === undefined) {
      if (rename && rename.file !== r.file) changes.push({ file: rename.file, renameFrom: r.file, text: null });
      continue;
    }
    let updated = rewriteLinks(text, r.file, r.folder, renames);
    if (rename) {
      updated = renumberTitle(updated, r.file, r.folder, rename);
      changes.push(rename.file === r.file ? { file: r.file, text: updated } : { file: rename.file, renameFrom: r.file, text: updated });
    } else if (updated !== text) {
      changes.push({ file: r.file, text: updated });
    }
  }
  return changes;
}

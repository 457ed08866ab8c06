// The index table kept between <!-- async-desk:index --> markers in a decisions folder's README.md.
import { posix } from 'node:path';
import { lineStarts } from '../shared/positions';
import { detectEol, lineContent, pad, splitLines } from '../shared/text';
import type { DecisionRecord } from './types';

export const INDEX_MARKER = '<!-- async-desk:index -->';
export const INDEX_END_MARKER = '<!-- /async-desk:index -->';

function cell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

function href(folderDir: string, file: string): string {
  const rel = folderDir ? posix.relative(folderDir, file) : file;
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** Markdown table (number, linked title, status, date, owner) of the records in folderDir and its categories. */
export function renderIndexTable(records: DecisionRecord[], folderDir: string): string {
  const inFolder = records.filter((r) => folderDir === '' || r.folder === folderDir || r.folder.startsWith(`${folderDir}/`));
  // The folder's own records first, then each category; by number, then file name (log4brains names sort by date).
  const sorted = [...inFolder].sort((a, b) => {
    const fa = a.folder === folderDir ? '' : a.folder;
    const fb = b.folder === folderDir ? '' : b.folder;
    if (fa !== fb) return fa < fb ? -1 : 1;
    if (a.number !== b.number) return (a.number ?? Infinity) - (b.number ?? Infinity);
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  });
  const rows = sorted.map((r) => {
    const title = `[${cell(r.title).replace(/[[\]]/g, '\\$&')}](${href(folderDir, r.file)})`;
    const status = r.status ?? r.rawStatus;
    // Categories number their records on their own: 'frontend/0001' tells it from the main 0001.
    const category = r.folder === folderDir ? '' : `${cell(folderDir ? posix.relative(folderDir, r.folder) : r.folder)}/`;
    return `| ${r.number === null ? '' : category + pad(r.number)} | ${title} | ${cell(status)} | ${r.date ?? ''} | ${cell(r.owner ?? '')} |`;
  });
  return ['| Number | Title | Status | Date | Owner |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function isMarker(line: string): 'start' | 'end' | null {
  const t = lineContent(line).trim();
  if (t === INDEX_MARKER) return 'start';
  if (t === INDEX_END_MARKER) return 'end';
  return null;
}

/**
 * Puts `table` between the README's index markers (a pair of `<!-- async-desk:index -->` lines, or that
 * and `<!-- /async-desk:index -->`), appends the markers when missing, or creates the README when null.
 * Idempotent, and keeps the README's line endings.
 */
export function updateIndexSection(readme: string | null, table: string, title = 'Decision records'): string {
  const eol = readme === null ? '\n' : detectEol(readme);
  const tableLines = table.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  // Blank lines around the table: a comment line right after it would otherwise read as a table row.
  const block = (end: string) => [INDEX_MARKER, '', ...tableLines, '', end];
  if (readme === null) return [`# ${title}`, '', ...block(INDEX_MARKER), ''].join(eol);

  const lines = splitLines(readme);
  const starts = lineStarts(readme);
  const start = lines.findIndex((l) => isMarker(l) === 'start');
  if (start !== -1) {
    const end = lines.findIndex((l, i) => i > start && isMarker(l) !== null);
    // Everything outside the markers stays byte for byte.
    const head = readme.slice(0, starts[start]);
    if (end === -1) {
      // A single marker: the table goes right after it and nothing below is touched.
      const tail = start + 1 < lines.length ? readme.slice(starts[start + 1]) : '';
      const gap = tail !== '' && lineContent(lines[start + 1]!).trim() !== '' ? eol : '';
      return head + block(INDEX_MARKER).join(eol) + eol + gap + tail;
    }
    const endMarker = lineContent(lines[end]!).trim();
    const tail = end + 1 < lines.length ? eol + readme.slice(starts[end + 1]) : '';
    return head + block(endMarker).join(eol) + tail;
  }
  const body = readme.replace(/(\r?\n)*$/, '');
  return `${body}${body ? eol + eol : ''}${block(INDEX_MARKER).join(eol)}${eol}`;
}

// Writing standups: a new file in the SPEC §2.3 format, and an update of an existing file that rewrites
// only the sections whose content changed. Everything else (front matter with any extra keys, a title,
// unknown sections, comments and prose inside a list section, the file's line endings, BOM and final
// newline) stays byte for byte, so saving from the composer never loses what someone wrote by hand.
import { BOM, detectEol, lineContent } from '../shared/text';
import { analyzeStandup, fenceAfter, oneLine, SECTION_KINDS, SECTION_TITLES, type LineKind, type Section, type SectionKind } from './parse';
import { isDate } from './paths';
import { LOGIN_RE } from '../shared/login';
import type { Standup, StandupBullet, StandupDraft } from './types';

export function draftFromStandup(s: Standup): StandupDraft {
  return {
    done: s.done.map((b) => b.text),
    next: s.next.map((b) => b.text),
    blockers: s.blockers.map((b) => ({ text: b.text, checked: b.checked })),
    notes: s.notes,
  };
}

interface DraftItem {
  text: string;
  checked: boolean;
}

function draftItems(draft: StandupDraft, kind: 'done' | 'next' | 'blockers'): DraftItem[] {
  const raw = kind === 'blockers' ? (draft.blockers ?? []) : (draft[kind] ?? []).map((text) => ({ text, checked: false }));
  return raw.map((b) => ({ text: oneLine(b.text), checked: kind === 'blockers' && !!b.checked })).filter((b) => b.text !== '');
}

function itemLines(kind: 'done' | 'next' | 'blockers', items: DraftItem[]): string[] {
  return items.map((b) => (kind === 'blockers' ? `- [${b.checked ? 'x' : ' '}] ${b.text}` : `- ${b.text}`));
}

/** Notes as lines: trimmed, and a `#`/`##` line outside code escaped so it cannot start a section; an
 *  unclosed code fence is closed, so it cannot swallow the sections after it. */
function noteLines(notes: string): string[] {
  const text = String(notes ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
  if (text === '') return [];
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const inCode = fence !== null;
    fence = fenceAfter(fence, line);
    out.push(!inCode && fence === null && /^#{1,2}(?:[ \t]|$)/.test(line) ? `\\${line}` : line);
  }
  if (fence !== null) out.push(fence);
  return out;
}

const yamlValue = (value: string, ok: boolean) => (ok ? value : JSON.stringify(value));

/** A new file in the SPEC §2.3 format (sections Done, Next, Blockers always; Notes only when non-empty). */
export function renderStandup(author: string, date: string, draft: StandupDraft, eol: '\n' | '\r\n' = '\n'): string {
  const lines = ['---', `author: ${yamlValue(author, LOGIN_RE.test(author))}`, `date: ${yamlValue(date, isDate(date))}`, '---'];
  for (const kind of ['done', 'next', 'blockers'] as const) lines.push(`## ${SECTION_TITLES[kind]}`, ...itemLines(kind, draftItems(draft, kind)));
  const notes = noteLines(draft.notes);
  if (notes.length) lines.push('## Notes', ...notes);
  return lines.join(eol) + eol;
}

function sameItems(parsed: StandupBullet[], wanted: DraftItem[]): boolean {
  return parsed.length === wanted.length && parsed.every((b, i) => b.text === wanted[i]!.text && b.checked === wanted[i]!.checked);
}

const isBlank = (line: string) => line.trim() === '';

/** A list section's body with its items replaced: the new items where the first item was, other lines
 *  (comments, prose) kept in order, blank lines between old items dropped. */
function rewriteList(body: string[], kinds: LineKind[], items: string[]): string[] {
  const isItem = (k: LineKind | undefined) => k === 'bullet' || k === 'cont';
  const out: string[] = [];
  let placed = false;
  for (let i = 0; i < body.length; i++) {
    const kind = kinds[i];
    if (isItem(kind)) {
      if (!placed) out.push(...items);
      placed = true;
      continue;
    }
    if (kind === 'blank' && placed) {
      let j = i + 1;
      while (kinds[j] === 'blank') j++;
      if (isItem(kinds[j])) continue;
    }
    out.push(body[i]!);
  }
  if (!placed) {
    let at = out.length;
    while (at > 0 && isBlank(out[at - 1]!)) at--;
    out.splice(at, 0, ...items);
  }
  return out;
}

/** The Notes body replaced, keeping the blank lines that separate it from its heading and the next one. */
function rewriteNotes(body: string[], notes: string[]): string[] {
  let first = 0;
  while (first < body.length && isBlank(body[first]!)) first++;
  if (first === body.length) return [...notes, ...body];
  let last = body.length;
  while (isBlank(body[last - 1]!)) last--;
  const trailing = body.slice(last);
  return notes.length ? [...body.slice(0, first), ...notes, ...trailing] : trailing;
}

/**
 * Rewrites only the Done/Next/Blockers/Notes sections of an existing file with the draft, keeping front
 * matter (other keys too), unknown sections, their order, and the file's EOL. Adds missing sections
 * (Notes only when the draft has notes). A section whose items already match the draft is not touched,
 * so updateStandupText(t, draftFromStandup(parseStandup(t))) === t for any file with the three sections.
 */
export function updateStandupText(existing: string, draft: StandupDraft): string {
  // A BOM stays the first character, whatever is inserted before the first line.
  const source = String(existing ?? '');
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = source.slice(bom.length);
  const a = analyzeStandup(text, '');
  const cr = detectEol(text) === '\r\n' ? '\r' : '';
  const finalNewline = text.endsWith('\n');
  // Real lines (split() leaves an empty string after a final newline), each carrying its own '\r'; in
  // a CRLF file the last line gets one too, in case something is appended after it (removed at the end).
  const lines = finalNewline || text === '' ? a.lines.slice(0, -1) : a.lines.slice();
  const count = lines.length;
  if (cr && !finalNewline && count > 0) lines[count - 1] += cr;
  const bodyOf = (s: Section) => lines.slice(s.bodyStart, Math.min(s.end, count));
  const withEol = (xs: string[]) => xs.map((x) => x + cr);

  // New bodies for present sections that changed, new blocks for missing ones.
  const bodies = new Map<Section, string[]>();
  const missing: { kind: SectionKind; block: string[] }[] = [];
  for (const kind of SECTION_KINDS) {
    const section = a.known[kind];
    if (kind === 'notes') {
      const notes = noteLines(draft.notes);
      if (section) {
        if (a.standup.notes !== notes.join('\n')) bodies.set(section, rewriteNotes(bodyOf(section), withEol(notes)));
      } else if (notes.length) {
        missing.push({ kind, block: withEol(['## Notes', ...notes]) });
      }
      continue;
    }
    const wanted = draftItems(draft, kind);
    const items = withEol(itemLines(kind, wanted));
    if (!section) missing.push({ kind, block: [`## ${SECTION_TITLES[kind]}${cr}`, ...items] });
    else if (!sameItems(a.standup[kind], wanted)) bodies.set(section, rewriteList(bodyOf(section), a.lists[kind]!.kinds, items));
  }
  if (bodies.size === 0 && missing.length === 0) return source;

  // A missing section goes after the last present section that comes before it in Done, Next,
  // Blockers, Notes order; else before the first present one that comes after it; else at the end.
  const after = new Map<Section, string[][]>();
  const before = new Map<Section, string[][]>();
  const atEnd: string[][] = [];
  const present = (kinds: readonly SectionKind[]) => kinds.map((k) => a.known[k]).filter((s): s is Section => !!s);
  for (const { kind, block } of missing) {
    const index = SECTION_KINDS.indexOf(kind);
    const earlier = present(SECTION_KINDS.slice(0, index)).sort((x, y) => y.line - x.line)[0];
    const later = present(SECTION_KINDS.slice(index + 1)).sort((x, y) => x.line - y.line)[0];
    if (earlier) after.set(earlier, [...(after.get(earlier) ?? []), block]);
    else if (later) before.set(later, [...(before.get(later) ?? []), block]);
    else atEnd.push(block);
  }

  const out: string[] = lines.slice(0, a.sections[0]?.line ?? count);
  const bodyStart = a.frontMatterClose === null ? 0 : a.frontMatterClose + 1;
  // A block added where a code block is still open (at the end of the file) closes it first, or it
  // would be code, not a section.
  const insert = (block: string[]) => {
    let fence: string | null = null;
    for (let i = bodyStart; i < out.length; i++) fence = fenceAfter(fence, lineContent(out[i]!));
    if (fence !== null) out.push(fence + cr);
    out.push(...block);
  };
  for (const section of a.sections) {
    for (const block of before.get(section) ?? []) insert(block);
    out.push(lines[section.line]!);
    const body = bodies.get(section) ?? bodyOf(section);
    // Inserted after the section's content, before its trailing blank lines (kept as the separator).
    let last = body.length;
    while (last > 0 && isBlank(body[last - 1]!)) last--;
    out.push(...body.slice(0, last));
    for (const block of after.get(section) ?? []) insert(last < body.length ? [cr, ...block] : block);
    out.push(...body.slice(last));
  }
  for (const block of atEnd) insert(block);
  const joined = bom + out.join('\n');
  return finalNewline ? `${joined}\n` : joined.slice(0, joined.length - cr.length);
}

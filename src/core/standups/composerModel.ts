// The standup composer's rules, without VS Code: how the Today panel's text fields become a standup and
// back, what counts as the same content, the file revision that guards against overwriting changes
// made behind the panel's back, and which unsaved drafts extension storage keeps. The host side
// (src/features/standups/composer.ts) reads files and storage and calls these; the unit tests call them
// directly. The field shapes are the panel's own (src/protocol/today.ts), imported as types only.
import type { ComposerFields, ComposerState } from '../../protocol/today';
import { addDays, dayLabel } from '../shared/dates';
import { parseStandup } from './parse';
import { draftFromStandup, renderStandup, updateStandupText } from './render';
import type { StandupDraft } from './types';

/** The revision of a file's text: a short hash, stable across reloads ('none' = no file). */
export function revisionOf(text: string | null): string {
  if (text === null) return 'none';
  let h = 0x811c9dc5; // FNV-1a, 32 bit: enough to tell "the file changed" apart
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length.toString(36)}-${(h >>> 0).toString(36)}`;
}

/** One item per non-empty line; a leading "- ", "* " or "[ ] " typed out of habit is dropped (once per line). */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+)?/, '').trim())
    .filter(Boolean);
}

/** What the fields would write: carried blocker rows first, then the new blockers typed below them. */
export function draftFromFields(fields: ComposerFields): StandupDraft {
  return {
    done: lines(fields.done),
    next: lines(fields.next),
    blockers: [
      ...fields.blockerRows.filter((r) => r.text.trim()).map((r) => ({ text: r.text.trim(), checked: r.checked })),
      ...lines(fields.newBlockers).map((text) => ({ text, checked: false })),
    ],
    notes: fields.notes.trim(),
  };
}

/** The fields that show a standup: every blocker becomes a row (it is in the file now), nothing typed below. */
export function fieldsFromDraft(draft: StandupDraft): ComposerFields {
  return {
    done: draft.done.join('\n'),
    next: draft.next.join('\n'),
    blockerRows: draft.blockers.map((b) => ({ text: b.text, checked: b.checked })),
    newBlockers: '',
    notes: draft.notes,
  };
}

/** Same standup content (what would be written), ignoring how it is laid out in the fields. */
export function sameContent(a: ComposerFields, b: ComposerFields): boolean {
  return JSON.stringify(draftFromFields(a)) === JSON.stringify(draftFromFields(b));
}

/** Nothing under Done, Next, Blockers or Notes: saving it is refused unless asked for. */
export function isEmptyDraft(draft: StandupDraft): boolean {
  return !draft.done.length && !draft.next.length && !draft.blockers.length && !draft.notes;
}

/** True when the edits started from a revision the file no longer has (undefined base: no check asked for). */
export function changedSince(base: string | undefined, current: string | null): boolean {
  return base !== undefined && base !== revisionOf(current);
}

/** The file's new text: a new file in the SPEC format, or the existing one with only its sections replaced. */
export function standupText(current: string | null, author: string, date: string, draft: StandupDraft): string {
  return current === null ? renderStandup(author, date, draft) : updateStandupText(current, draft);
}

/** What the panel shows for an existing file: its content as fields, and its errors as "Line N: …". */
export function fieldsFromFile(text: string, file: string): { saved: ComposerFields; problems: string[] } {
  const standup = parseStandup(text, file);
  return {
    saved: fieldsFromDraft(draftFromStandup(standup)),
    problems: standup.problems.filter((p) => p.severity === 'error').map((p) => `Line ${p.line + 1}: ${p.message}`),
  };
}

export interface ComposerInput {
  date: string;
  login: string;
  /** Root-relative path of the standup file. */
  file: string;
  /** The file's text, or null when it does not exist yet. */
  text: string | null;
  /** Without a file: the draft carried from an earlier standup, and that standup's date (null: none). */
  prefill?: { draft: StandupDraft; from: string | null };
  /** The unsaved draft kept in storage, if any. */
  stored?: { fields: ComposerFields; base: string };
}

/** The composer state sent to the panel. A stored draft that equals the file is not offered again. */
export function composerState(input: ComposerInput): ComposerState {
  const { text } = input;
  const fromFile = text !== null ? fieldsFromFile(text, input.file) : undefined;
  const saved = fromFile?.saved ?? fieldsFromDraft(input.prefill?.draft ?? { done: [], next: [], blockers: [], notes: '' });
  const draft = input.stored;
  return {
    date: input.date,
    dateLabel: dayLabel(input.date),
    login: input.login,
    file: input.file,
    exists: text !== null,
    saved,
    ...(draft && !sameContent(draft.fields, saved) ? { draft } : {}),
    prefilledFrom: fromFile ? null : (input.prefill?.from ?? null),
    revision: revisionOf(text),
    problems: fromFile?.problems ?? [],
  };
}

// ---- drafts kept in extension storage ----

/** Drafts older than this many days are dropped from storage (they were saved or abandoned long ago). */
export const DRAFT_KEEP_DAYS = 14;

export interface StoredDraft {
  fields: ComposerFields;
  base: string;
  /** ISO instant of the last change. */
  updated: string;
}

/** By draftKey: one draft per folder, login and day. */
export type StoredDrafts = Record<string, StoredDraft>;

/** The storage key of a draft: the standups folder (its URI), the login (any case) and the day. */
export function draftKey(folder: string, login: string, date: string): string {
  return `${folder}|${login.toLowerCase()}|${date}`;
}

/**
 * The drafts after keeping (or, with undefined, forgetting) the one under `key`, dropping every draft
 * last changed more than DRAFT_KEEP_DAYS before `today`. Returns a new object; `drafts` is untouched.
 */
export function updateDrafts(
  drafts: StoredDrafts,
  key: string,
  draft: { fields: ComposerFields; base: string } | undefined,
  now: Date,
  today: string,
): StoredDrafts {
  const next: StoredDrafts = { ...drafts };
  if (draft) next[key] = { ...draft, updated: now.toISOString() };
  else delete next[key];
  const cutoff = addDays(today, -DRAFT_KEEP_DAYS);
  for (const [k, v] of Object.entries(next)) if (v.updated.slice(0, 10) < cutoff) delete next[k];
  return next;
}

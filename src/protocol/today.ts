// The typed messages between the extension host and the Today webview. Both sides import this file;
// the webview bundle imports only types from it (no runtime code crosses over).
import type { IsoDate } from './shared';

/** A decision record that needs someone's attention today. */
export interface AttentionItem {
  /** Opaque id the host resolves back to a record. */
  id: string;
  number: string;
  title: string;
  status: string;
  reason: 'awaiting-decision' | 'review-overdue';
  /** e.g. "proposed 2026-11-02 by @bob" or "review was due 2026-11-01". */
  detail: string;
}

export interface DecisionsSummary {
  loaded: boolean;
  totals: { records: number; accepted: number; open: number; overdue: number };
  attention: AttentionItem[];
}

/** A blocker row in the composer: carried from an earlier standup or already in today's file. */
export interface BlockerRow {
  text: string;
  /** Ticked = resolved (written as `- [x]`, and no longer carried forward). */
  checked: boolean;
}

/** What the composer edits. Done / Next / new blockers are one item per line. */
export interface ComposerFields {
  done: string;
  next: string;
  /** Blockers with a checkbox (carried forward, or already saved). */
  blockerRows: BlockerRow[];
  /** New blockers, one per line. */
  newBlockers: string;
  notes: string;
}

export interface ComposerState {
  /** Your local date the standup is for. */
  date: string;
  /** 'Sat 21 Nov' style label of `date`. */
  dateLabel: string;
  login: string;
  /** Root-relative path of the standup file. */
  file: string;
  /** True when the file exists (saving updates it). */
  exists: boolean;
  /** The file's content (or the pre-fill when there is no file yet). */
  saved: ComposerFields;
  /** Unsaved edits kept in extension storage, when they differ from `saved`. */
  draft?: { fields: ComposerFields; base: string };
  /** Date of the standup the pre-fill came from (no file yet), or null. */
  prefilledFrom: string | null;
  /** Identifies the file content `saved` came from (a hash; 'none' when there is no file). Edits are
   *  based on a revision; saving edits based on an older one asks before replacing the file's sections. */
  revision: string;
  /** Problems found in the existing file (shown above the composer). */
  problems: string[];
}

export type DigestStatus = 'posted' | 'not-started' | 'missing' | 'away';

export interface DigestBlockerView {
  text: string;
  /** e.g. "open 3 working days (since 2026-11-18)". */
  age: string;
  stale: boolean;
  mentionsMe: boolean;
}

export interface DigestEntryView {
  github: string;
  name: string;
  status: DigestStatus;
  detail: string;
  /** "14:32 Wed" for the member, '' when unknown. */
  localTime: string;
  file: string | null;
  done: string[];
  next: string[];
  blockers: DigestBlockerView[];
  notes: string;
  mentionsMe: boolean;
  /** Not one of their working days: no standup expected. */
  dayOff: boolean;
}

export interface DigestState {
  date: string;
  dateLabel: string;
  /** True when `date` is your today. */
  isToday: boolean;
  entries: DigestEntryView[];
  /** Per status; people on a day off (not posted) only under `dayOff`. */
  counts: Record<DigestStatus | 'dayOff', number>;
  /** Why there is no digest (no team file, …), shown instead of entries. */
  empty?: string;
  /** Why this is not today's digest though no day was picked (nobody on the team works today). */
  note?: string;
}

/** A line about sharing over git (issue 13), with an optional button. */
export interface SharingLineView {
  text: string;
  /** The longer explanation (tooltip). */
  title: string;
  tone: 'ok' | 'waiting' | 'off';
  action?: 'retry' | 'post';
}

/** Where your post went and how fresh the team's posts are. */
export interface TodaySharing {
  /** Under the composer: "Posted · 10:42 (async-desk)". */
  composer?: SharingLineView;
  /** In the digest header: "Synced 2 min ago" and a Sync button. */
  digest?: { text: string; title: string; syncing: boolean; canSync: boolean };
}

export interface TodayState {
  trusted: boolean;
  /** No workspace folder: nothing to write into. */
  noFolder: boolean;
  /** Null until your login is known (then the composer asks for it). */
  composer: ComposerState | null;
  digest: DigestState | null;
  decisions: DecisionsSummary;
  staleBlockerDays: number;
  sharing: TodaySharing;
}

export type HostToTodayMessage =
  | { type: 'state'; state: TodayState }
  /** The save finished: `revision` is the file's revision as the save wrote it (the panel takes the
   *  state with that revision, and no other, for its own save coming back; ADR-0010). */
  | { type: 'saved'; ok: true; revision: string }
  /** The save failed or was cancelled (message says why; the draft is kept). */
  | { type: 'saved'; ok: false; message: string }
  /** Put the cursor in the composer ("Write Today's Standup"). */
  | { type: 'focus' }
  /** Sharing changed (a sync started or ended, a post went out), or a minute passed ("Synced 3 min ago"). */
  | { type: 'sharing'; sharing: TodaySharing };

export type TodayToHostMessage =
  | { type: 'ready' }
  | { type: 'draftChanged'; date: string; fields: ComposerFields; base: string }
  | { type: 'save'; date: string; fields: ComposerFields; base: string }
  | { type: 'discardDraft'; date: string }
  | { type: 'openFile' }
  /** Push what waits and fetch the team's posts (the digest's Sync, the composer's Retry). */
  | { type: 'sync' }
  | { type: 'setLogin' }
  /** 'today': your today, even when nobody works; 'auto': your today, or the team's last working day
   *  when nobody works today (the view opens this way). */
  | { type: 'digestDay'; date: IsoDate | 'today' | 'auto'; step?: -1 | 1 }
  | { type: 'openStandup'; file: string }
  | { type: 'openBlockerIssue'; login: string; text: string; date: string }
  | { type: 'openRecord'; id: string }
  | { type: 'acceptRecord'; id: string }
  | { type: 'newRecord' }
  | { type: 'showDecisions' };

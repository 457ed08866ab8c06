// The standup model (SPEC §2.3) shared by the extension, the CLI and the tests. Pure data: no vscode import.
// Dates are local days 'YYYY-MM-DD': a standup is dated by its author's own calendar.
import type { Problem } from '../shared/problem';
import type { Team } from '../team/types';

export interface StandupBullet {
  /** The item's text, wrapped continuation lines joined with a space. */
  text: string;
  /** `- [x]` (blockers only; false for `- [ ]` and plain bullets) */
  checked: boolean;
  /** 0-based line */
  line: number;
}

export interface Standup {
  /** Path as given (posix, relative to the workspace root). */
  file: string;
  /** Front matter `author` ('' when missing). */
  author: string;
  /** Front matter `date` 'YYYY-MM-DD' ('' when missing or not a date). */
  date: string;
  done: StandupBullet[];
  next: StandupBullet[];
  blockers: StandupBullet[];
  /** Body of an optional `## Notes` section, trimmed ('' when none). */
  notes: string;
  /** Every problem with a line; parsing never throws. */
  problems: Problem[];
}

/** What the composer edits. */
export interface StandupDraft {
  done: string[];
  next: string[];
  blockers: { text: string; checked: boolean }[];
  notes: string;
}

export type DigestStatus = 'posted' | 'not-started' | 'missing' | 'away';

export interface DigestBlocker {
  text: string;
  /** First day of the unbroken run of the author's standups that list it open. */
  since: string;
  /** The author's working days it has been open before `date` (0 = new that day). */
  openWorkdays: number;
  /** openWorkdays > staleAfterWorkdays. */
  stale: boolean;
  mentionsMe: boolean;
}

export interface DigestEntry {
  github: string;
  name?: string;
  /** IANA zone; '' for someone who posted but is not in the team file. */
  timezone: string;
  status: DigestStatus;
  /** Words for the status: 'posted', 'day starts 09:00 (in 3 h 10 min)', 'nothing posted yet', 'Away: Holiday (DE)', 'not a working day'. */
  detail: string;
  /** Root-relative path of the standup, or null. */
  file: string | null;
  done: string[];
  next: string[];
  /** Open (unticked) blockers only. */
  blockers: string[];
  blockerDetails: DigestBlocker[];
  notes: string;
  /** True when any open blocker @mentions `me`. */
  mentionsMe: boolean;
  /** The member's wall clock at `now`, ISO with offset ('' when no zone). */
  localTime: string;
  /** `date` is not one of their working days (no standup expected). */
  dayOff?: true;
}

export interface DigestInput {
  team: Team | undefined;
  /** The day shown; each member's standup of THEIR local day `date`. */
  date: string;
  now: Date;
  /** Login of the viewer (mentions). */
  me?: string;
  /** By lower-cased login, the standups of `date`. */
  standups: Map<string, Standup>;
  /** For blocker ages: the author's standup of an earlier date (login lower-cased, as in `standups`). */
  history?: (login: string, date: string) => Standup | undefined;
  /** Setting asyncDesk.standups.staleBlockerDays (default 2). */
  staleAfterWorkdays: number;
}

/** One file of a standups folder, from its path alone. */
export interface StandupEntry {
  date: string;
  login: string;
  /** Root-relative, forward slashes. */
  file: string;
}

// The team model (SPEC §2.1) shared by the extension, the CLI and the tests. Pure data: no vscode import.
// Times of day are minutes after local midnight; dates are 'YYYY-MM-DD' in the member's own zone.

/** ISO weekday: 1 = Mon … 7 = Sun (as luxon's `weekday`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** A span of local time on one day. `end` > `start`; `end` > 1440 when the span crosses midnight
 *  ("22:00-06:00" is { start: 1320, end: 1800 }): the span belongs to the day it starts on. */
export interface LocalSpan {
  start: number;
  end: number;
}

/** A declared deep-work block, e.g. "Tue 09:00-12:00". */
export interface FocusBlock extends LocalSpan {
  day: Weekday;
}

/** Away from `from` to `to`, both whole local days, inclusive. */
export interface AwayRange {
  from: string;
  to: string;
  note?: string;
}

export interface Member {
  /** GitHub login as written (compare case-insensitively). */
  github: string;
  name?: string;
  /** IANA zone, e.g. 'Europe/Berlin'. */
  timezone: string;
  /** Working hours, default 09:00-17:00. */
  hours: LocalSpan;
  /** Working days, default Mon-Fri, sorted. */
  days: Weekday[];
  focus: FocusBlock[];
  /** Names of holiday calendars in Team.holidays (the parser checks they exist). */
  holidays: string[];
  away: AwayRange[];
  role?: string;
  /** 0-based line of the member's entry in the team file, for "open in team file". */
  line: number;
}

/** A due-date rule like "+3 workdays" (resolved in the owner's zone and calendar by the issues code). */
export interface DueRule {
  /** As written, e.g. '+3 workdays'. */
  text: string;
  amount: number;
  unit: 'workdays' | 'days';
}

export interface IssueDefaults {
  defaultDue?: DueRule;
  /** By template name (file name without extension, e.g. 'bug_report'). */
  templates: Record<string, { due?: DueRule; labels?: string[] }>;
}

export interface Team {
  /** The `team:` value; '' when missing. */
  name: string;
  workingAgreement?: string;
  /** The two response lanes, in minutes ("15m" -> 15, "24h" -> 1440). */
  responseTimes: { urgent?: number; standard?: number };
  /** Holiday calendars: name -> dates 'YYYY-MM-DD' (each in the zone of the member who uses it). */
  holidays: Record<string, string[]>;
  /** Valid members only, in file order; broken entries are reported and left out. */
  members: Member[];
  issues: IssueDefaults;
  /** The `sharing:` block (SPEC §2.4); absent when the file has none (then the default branch applies). */
  sharing?: SharingSettings;
}

/** How standups and weekly updates travel (SPEC §2.4). */
export interface SharingSettings {
  /** The sharing branch; '' keeps them in the working tree (shared by the team's own commits). */
  branch: string;
}

/** `sharing.branch` when the team file does not say. */
export const DEFAULT_SHARING_BRANCH = 'async-desk';

/** A teammate's GitHub status (GraphQL `User.status`); `busy` is `indicatesLimitedAvailability`. */
export interface GitHubStatus {
  busy: boolean;
  emoji?: string;
  message?: string;
  /** ISO 8601 instant, or null/absent for a status that does not expire. */
  expiresAt?: string | null;
}

/** In precedence order (SPEC §2.1): away > busy > focus > working > off. */
export type StateKind = 'away' | 'busy' | 'focus' | 'working' | 'off';

export interface MemberState {
  github: string;
  state: StateKind;
  /** The member's wall clock at the instant, ISO 8601 with their offset: '2026-11-21T14:32:00+01:00'. */
  localTime: string;
  /** The member's local date, 'YYYY-MM-DD' (the day their standup is dated). */
  localDate: string;
  weekday: Weekday;
  /** The member's UTC offset at the instant, in minutes (Kathmandu: 345). */
  offsetMinutes: number;
  /** When the current state ends (ISO 8601 with the member's offset then), or null when open-ended.
   *  away: the next working start after the away days; busy: the status's expiry; focus: the block's
   *  end; working: the end of working time or the start of a focus block, whichever is first; off: the
   *  next working start or focus block, whichever is first. */
  until: string | null;
  /** Next start of working time (ISO 8601) when the member is outside working time now, else null. */
  nextOnline: string | null;
  /** Why the member is away: the away range's note, or 'Holiday (DE)' for a holiday calendar. */
  awayNote?: string;
  /** 'away' for an away range, 'holiday' for a day of one of their holiday calendars. */
  awayKind?: 'away' | 'holiday';
  /** The GitHub status passed in, for tooltips (also when it does not indicate limited availability). */
  githubStatus?: GitHubStatus;
}

/** An interval of time; ISO 8601 strings with the offset of the zone the function names. */
export interface TimeRange {
  start: string;
  end: string;
}

/** One member's working span on one of their days, expressed in another zone. */
export interface ZonedSpan extends TimeRange {
  /** Dates of start and end in the target zone (they differ from the member's date across the date line). */
  startDate: string;
  endDate: string;
  /** 'HH:mm-HH:mm' in the target zone. */
  text: string;
  /** The member is away (away range or holiday) on that day. */
  away: boolean;
}

export type TimelineKind = 'working' | 'focus' | 'away' | 'off';

/** A piece of the team clock: one kind, and one member UTC offset (segments split at DST changes). */
export interface TimelineSegment extends TimeRange {
  kind: TimelineKind;
  /** The member's UTC offset throughout the segment: their local time at instant t is t + offset. */
  offsetMinutes: number;
}

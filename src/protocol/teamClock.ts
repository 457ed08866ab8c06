// The typed messages between the extension host and the Team Clock webview. Both sides import this
// file; the webview bundle imports only types from it (no runtime code crosses over).
//
// Positions on the clock are minutes elapsed since the viewer's local midnight of the chosen day, so
// a day is 1,380, 1,440 or 1,500 minutes long (DST) and every row shares one axis. Wall-clock texts
// for the viewer and for each member are computed from UTC instants plus offsets, in the webview for
// the hover and in the host for everything else.
import type { IsoDate } from './shared';

export type ClockKind = 'working' | 'focus' | 'away' | 'off';

export interface ClockSegment {
  /** Minutes after the day's start (viewer's local midnight), end exclusive. */
  start: number;
  end: number;
  kind: ClockKind;
  /** The member's UTC offset during the segment, in minutes: their wall clock is instant + offset. */
  offsetMinutes: number;
  /** The member's local wall-clock span, e.g. '15:00-18:00'. */
  localText: string;
  /** The viewer's wall-clock span, e.g. '09:00-12:00'. */
  viewerText: string;
}

/** Where a member's clocks change during the day (DST). */
export interface ClockShift {
  /** Minutes after the day's start. */
  at: number;
  fromOffset: number;
  toOffset: number;
  /** e.g. 'Clocks go back 1 h in Europe/Berlin at 03:00 local (02:00 your time)'. */
  text: string;
}

export interface ClockMember {
  /** Opaque, stable across updates (folder + login). */
  id: string;
  /** Display name, or '@login' when the team file gives none. */
  name: string;
  github: string;
  timezone: string;
  /** The viewer's own entry (asyncDesk.me). */
  isViewer: boolean;
  /** e.g. 'UTC-8 · -9 h from you' (at midday). */
  offsetText: string;
  /** The row header's short form: '-9 h', 'same time', or 'UTC+1' for the viewer. */
  shortOffset: string;
  segments: ClockSegment[];
  shifts: ClockShift[];
  /** The away range's note or holiday name when the member is away during the day. */
  awayNote?: string;
  /** The row in words, for screen readers: 'Alice Ng, Europe/Berlin: working 09:00-12:00 your time…'. */
  summary: string;
}

export interface ClockBand {
  start: number;
  end: number;
  /** The viewer's wall-clock span, e.g. '16:00-17:30'. */
  text: string;
  /** Who is working then (partial overlaps only). */
  names?: string[];
}

export interface ClockTick {
  /** Minutes after the day's start. */
  at: number;
  /** The viewer's wall clock then: 'HH' on the hour, 'HH:mm' otherwise (DST days in odd zones). */
  label: string;
  /** A repeated or skipped hour (the viewer's clocks change): drawn highlighted. */
  shifted: boolean;
}

export interface TeamClockState {
  /** The viewer's day shown, 'YYYY-MM-DD'. */
  date: string;
  /** 'Sun 25 Oct 2026'. */
  dayLabel: string;
  /** 'today', 'tomorrow', 'yesterday' or '' for other days. */
  relative: string;
  /** The viewer's today, 'YYYY-MM-DD' (for the date input's default and the Today button state). */
  today: string;
  viewerZone: string;
  /** 'Europe/Berlin' or 'Europe/Berlin (@alice)'. */
  viewerLabel: string;
  /** UTC epoch ms of the day's start (viewer's local midnight). */
  dayStartMs: number;
  /** The current instant, UTC epoch ms (the host's clock, fixed in tests): where the now-line goes. */
  nowMs: number;
  /** Length of the day in minutes (1,380 / 1,440 / 1,500 on DST days). */
  length: number;
  /** The viewer's UTC offset at each minute-position boundary (changes once on a DST day). */
  viewerOffsets: { at: number; offsetMinutes: number }[];
  /** Note shown under the title when the viewer's own clocks change that day. */
  viewerShift?: string;
  ticks: ClockTick[];
  members: ClockMember[];
  /** When every member is working (teamOverlap); empty when never. */
  overlap: ClockBand[];
  /** When there is no full overlap: when the most members (at least 2) are working together. */
  partial?: { count: number; total: number; bands: ClockBand[] };
  /** Team names, for the heading ('Payments'). */
  teamName: string;
  /** 'The team file has errors…' or 'No team file…': shown instead of / above the grid. */
  notice?: string;
}

export type HostToTeamClockMessage =
  | { type: 'state'; state: TeamClockState }
  /** The current instant (UTC epoch ms): sent each minute while the panel is visible. */
  | { type: 'now'; nowMs: number };

export type TeamClockToHostMessage =
  | { type: 'ready' }
  /** 'today' follows the clock (rolls over at midnight); a date stays put. */
  | { type: 'pickDay'; day: 'today' | 'tomorrow' | 'previous' | 'next' | IsoDate }
  | { type: 'openTeamFile' };

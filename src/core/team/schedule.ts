// A member's working time, focus blocks and away days as instants, in their zone (DST included).
// Rules (SPEC §2.1, and where it is silent, decided here):
//  - A working span is the member's hours on one of their working days, from local start to local end;
//    hours that cross midnight ("22:00-06:00") belong to the day they start on.
//  - Away days are whole local days: every day of an away range (inclusive) and every date of the
//    member's holiday calendars. A span or focus block that starts on an away day does not happen; one
//    that runs past midnight into an away day stops at that midnight.
//  - Focus blocks count as declared, also where they reach outside working hours (the member said so;
//    the parser warns about blocks that never touch working time).
//  - Local times are the first moment the member's clock shows them: a start in a DST gap is the jump,
//    a time that happens twice is its first occurrence (see ZoneClock.at).
// Instants are milliseconds since the epoch; local days are day numbers (see zone.ts).
import type { Member, Team } from './types';
import { DAY_MS, dayNumber, weekdayOf, zoneClock, type ZoneClock } from './zone';

/** How far searches for the next working time look (days), so an empty schedule cannot loop forever. */
export const SEARCH_DAYS = 1000;
const HOUR = 3_600_000;

export type Span = [start: number, end: number];

interface AwayDays {
  from: number;
  to: number;
  note?: string;
}

export class Schedule {
  readonly clock: ZoneClock;
  readonly hasWorkDays: boolean;
  private readonly workDays: boolean[] = new Array<boolean>(8).fill(false);
  private readonly start: number;
  private readonly end: number;
  /** Focus blocks by weekday (1..7), merged and sorted, in local minutes. */
  private readonly focusByDay: [number, number][][] = Array.from({ length: 8 }, () => []);
  readonly hasFocus: boolean;
  private readonly away: AwayDays[] = [];
  private readonly holidays = new Map<number, string>();

  constructor(
    readonly member: Member,
    team?: Team,
  ) {
    this.clock = zoneClock(member.timezone);
    for (const d of member.days) if (d >= 1 && d <= 7) this.workDays[d] = true;
    this.hasWorkDays = this.workDays.some(Boolean);
    this.start = member.hours.start;
    this.end = member.hours.end;
    for (const b of member.focus) if (b.day >= 1 && b.day <= 7 && b.end > b.start) this.focusByDay[b.day]!.push([b.start, b.end]);
    for (const blocks of this.focusByDay) {
      blocks.sort((x, y) => x[0] - y[0]);
      // Overlapping or touching blocks of one day are one block ("focus until" the end of both).
      for (let i = 1; i < blocks.length; i++) {
        if (blocks[i]![0] <= blocks[i - 1]![1]) {
          blocks[i - 1]![1] = Math.max(blocks[i - 1]![1], blocks[i]![1]);
          blocks.splice(i--, 1);
        }
      }
    }
    this.hasFocus = this.focusByDay.some((b) => b.length > 0);
    for (const a of member.away) {
      const from = dayNumber(a.from);
      const to = dayNumber(a.to);
      if (from !== null && to !== null && to >= from) this.away.push({ from, to, ...(a.note ? { note: a.note } : {}) });
    }
    this.away.sort((x, y) => x.from - y.from);
    for (const name of member.holidays) {
      for (const date of team?.holidays[name] ?? []) {
        const day = dayNumber(date);
        if (day !== null && !this.holidays.has(day)) this.holidays.set(day, name);
      }
    }
  }

  /** Why the member is away on local day `day`, or null. An away range wins over a holiday (it has the note). */
  awayOn(day: number): { kind: 'away' | 'holiday'; note?: string } | null {
    for (const a of this.away) {
      if (a.from > day) break;
      if (day <= a.to) return { kind: 'away', ...(a.note ? { note: a.note } : {}) };
    }
    const calendar = this.holidays.get(day);
    return calendar === undefined ? null : { kind: 'holiday', note: `Holiday (${calendar})` };
  }

  /** The first day on or after `day` that is not an away day. */
  awayEnd(day: number): number {
    let d = day;
    for (let guard = 0; guard < 100_000; guard++) {
      const range = this.away.find((a) => a.from <= d && d <= a.to);
      if (range) d = range.to + 1;
      else if (this.holidays.has(d)) d++;
      else break;
    }
    return d;
  }

  /** A span [start, end) of local day `day` clipped at the midnight before an away day, or null. */
  private clip(day: number, start: number, end: number): Span | null {
    const s = this.clock.at(day, start).ts;
    let e = this.clock.at(day, end).ts;
    if (end > 1440 && this.awayOn(day + 1)) e = Math.min(e, this.clock.at(day + 1, 0).ts);
    return e > s ? [s, e] : null;
  }

  /** The working span that starts on local day `day`, or null (not a working day, or away). */
  span(day: number): Span | null {
    if (!this.workDays[weekdayOf(day)] || this.awayOn(day)) return null;
    return this.clip(day, this.start, this.end);
  }

  /** Focus blocks that start on local day `day` (none on away days). */
  focus(day: number): Span[] {
    const blocks = this.focusByDay[weekdayOf(day)]!;
    if (blocks.length === 0 || this.awayOn(day)) return [];
    const out: Span[] = [];
    for (const [start, end] of blocks) {
      const span = this.clip(day, start, end);
      if (span) out.push(span);
    }
    return out;
  }

  /** The working span containing instant ts (local day `day`), or null. */
  workingAt(ts: number, day: number): { span: Span; day: number } | null {
    for (const d of this.end > 1440 ? [day - 1, day] : [day]) {
      const span = this.span(d);
      if (span && span[0] <= ts && ts < span[1]) return { span, day: d };
    }
    return null;
  }

  /** The focus block containing instant ts, or null. */
  focusAt(ts: number, day: number): { span: Span; day: number } | null {
    if (!this.hasFocus) return null;
    for (const d of [day - 1, day]) {
      for (const span of this.focus(d)) if (span[0] <= ts && ts < span[1]) return { span, day: d };
    }
    return null;
  }

  /** Start of the first working span that starts at or after minTs, scanning local days from `fromDay`. */
  nextWorkingStart(minTs: number, fromDay: number): { ts: number; day: number } | null {
    if (!this.hasWorkDays) return null;
    let d = fromDay;
    for (let n = 0; n < SEARCH_DAYS; n++) {
      if (this.awayOn(d)) {
        d = this.awayEnd(d);
        continue;
      }
      if (this.workDays[weekdayOf(d)]) {
        const span = this.span(d);
        if (span && span[0] >= minTs) return { ts: span[0], day: d };
      }
      d++;
    }
    return null;
  }

  /** End of the working time that contains span (of day `day`), following spans that start where the
   *  previous ends (round-the-clock hours); null when it does not end within the search horizon. */
  workingEnd(span: Span, day: number): number | null {
    if (this.end - this.start < 1440) return span[1];
    let end = span[1];
    for (let d = day + 1; d < day + SEARCH_DAYS; d++) {
      const next = this.span(d);
      if (!next || next[0] > end) return end;
      end = Math.max(end, next[1]);
    }
    return null;
  }

  /** End of the focus time that contains span, following a block of the next day that starts in it. */
  focusEnd(span: Span, day: number): number {
    let end = span[1];
    for (let d = day + 1; d < day + 14; d++) {
      const next = this.focus(d).find((b) => b[0] <= end && b[1] > end);
      if (!next) break;
      end = next[1];
    }
    return end;
  }

  /** Start of the first focus block that starts after ts and before `limit` (null: within two weeks). */
  nextFocusStart(ts: number, day: number, limit: number | null): number | null {
    if (!this.hasFocus) return null;
    const bound = limit ?? ts + 14 * DAY_MS;
    let best: number | null = null;
    for (let d = day - 1; d <= day + 15; d++) {
      // No zone is more than 14 h ahead of UTC: blocks of day d start after d's UTC midnight - 14 h.
      if (d * DAY_MS - 14 * HOUR >= (best ?? bound)) break;
      for (const [s] of this.focus(d)) if (s > ts && s < bound && (best === null || s < best)) best = s;
    }
    return best;
  }

  /** Working spans that overlap [from, to), clipped to it, merged where they touch. */
  workingBetween(from: number, to: number): Span[] {
    return this.collect(from, to, (d) => {
      const s = this.span(d);
      return s ? [s] : [];
    });
  }

  focusBetween(from: number, to: number): Span[] {
    return this.hasFocus ? this.collect(from, to, (d) => this.focus(d)) : [];
  }

  /** Away days overlapping [from, to) as instants (local midnight to local midnight), clipped. */
  awayBetween(from: number, to: number): Span[] {
    return this.collect(from, to, (d) => (this.awayOn(d) ? [[this.clock.at(d, 0).ts, this.clock.at(d + 1, 0).ts]] : []));
  }

  private collect(from: number, to: number, ofDay: (day: number) => Span[]): Span[] {
    const out: Span[] = [];
    const first = this.clock.local(from).day - 1;
    const last = this.clock.local(to).day;
    for (let d = first; d <= last; d++) {
      for (const [s, e] of ofDay(d)) {
        const cs = Math.max(s, from);
        const ce = Math.min(e, to);
        if (ce <= cs) continue;
        const prev = out[out.length - 1];
        if (prev && cs <= prev[1]) prev[1] = Math.max(prev[1], ce);
        else out.push([cs, ce]);
      }
    }
    return out;
  }
}

const schedules = new WeakMap<Member, { team: Team | undefined; schedule: Schedule }>();

/** The compiled schedule of a member (cached per member object; members are treated as immutable). */
export function scheduleOf(member: Member, team?: Team): Schedule {
  const hit = schedules.get(member);
  if (hit && hit.team === team) return hit.schedule;
  const schedule = new Schedule(member, team);
  schedules.set(member, { team, schedule });
  return schedule;
}

/** Intersection of two sorted lists of disjoint spans. */
export function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (e > s) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** a minus b, both sorted lists of disjoint spans. */
export function subtract(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  for (const [s0, e0] of a) {
    let s = s0;
    for (const [bs, be] of b) {
      if (be <= s || bs >= e0) continue;
      if (bs > s) out.push([s, bs]);
      s = Math.max(s, be);
    }
    if (s < e0) out.push([s, e0]);
  }
  return out;
}

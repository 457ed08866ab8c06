// Working time across zones: shared windows, hours in another zone, the team clock's day timeline and
// the "best time to reach" sentence. "Working time" here is a member's working spans on days they are
// not away; focus blocks are inside it (you can still plan a call around them), except for
// bestTimeToReach, which suggests time outside focus.
import type { Member, Team, TimeRange, TimelineKind, TimelineSegment, ZonedSpan } from './types';
import { WEEKDAY_NAMES } from './types';
import { intersect, scheduleOf, subtract, type Span } from './schedule';
import { clockText, DAY_MS, dayNumber, isoDate, isoInZone, MINUTE, weekdayOf, zoneClock, type ZoneClock } from './zone';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A shorter window is not worth suggesting while a longer one follows. */
const MIN_REACH_MINUTES = 30;
const REACH_HORIZON_DAYS = 14;

const ranges = (spans: Span[], clock: ZoneClock): TimeRange[] => spans.map(([s, e]) => ({ start: isoInZone(s, clock), end: isoInZone(e, clock) }));

/** Local midnight to local midnight of `date` in `clock`'s zone (23 or 25 hours on DST days). */
function dayBounds(date: string, clock: ZoneClock): [number, number] {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD).`);
  return [clock.at(day, 0).ts, clock.at(day + 1, 0).ts];
}

/** Times within `horizonHours` of `at` when both a and b are in working time; ISO in a's zone (a is
 *  usually "you"). For a tooltip's "next overlap with you today or tomorrow". */
export function overlapWindows(a: Member, b: Member, at: Date, horizonHours = 48, team?: Team): TimeRange[] {
  const from = at.getTime();
  const to = from + horizonHours * 3_600_000;
  const sa = scheduleOf(a, team);
  return ranges(intersect(sa.workingBetween(from, to), scheduleOf(b, team).workingBetween(from, to)), sa.clock);
}

/** Times of the viewer's day `date` when every member is in working time; ISO in the viewer's zone. */
export function teamOverlap(members: Member[], date: string, viewerZone: string, team?: Team): TimeRange[] {
  if (members.length === 0) return [];
  const viewer = zoneClock(viewerZone);
  const [from, to] = dayBounds(date, viewer);
  let shared: Span[] = [[from, to]];
  for (const m of members) {
    shared = intersect(shared, scheduleOf(m, team).workingBetween(from, to));
    if (shared.length === 0) break;
  }
  return ranges(shared, viewer);
}

/** The member's working hours on their local date `date`, expressed in `zone` ("their hours in YOUR
 *  time"); null when `date` is not one of their working days. Hours are shown even on away days
 *  (flagged), so a tooltip can say "usually … (away today)". */
export function hoursInZone(member: Member, date: string, zone: string, team?: Team): ZonedSpan | null {
  const day = dayNumber(date);
  if (day === null || !member.days.includes(weekdayOf(day))) return null;
  const schedule = scheduleOf(member, team);
  const s = schedule.clock.at(day, member.hours.start).ts;
  const e = schedule.clock.at(day, member.hours.end).ts;
  const target = zoneClock(zone);
  const ls = target.local(s);
  const le = target.local(e);
  return {
    start: isoInZone(s, target),
    end: isoInZone(e, target),
    startDate: isoDate(ls.day),
    endDate: isoDate(le.day),
    text: `${clockText(ls.minutes)}-${clockText(le.minutes)}`,
    away: schedule.awayOn(day) !== null,
  };
}

/** "Best time to reach @alice: 09:00-12:00 your time (15:00-18:00 Europe/Berlin), next Mon 21 Dec":
 *  the first stretch of working time outside focus blocks, at least 30 minutes long if there is one
 *  within two weeks. */
export function bestTimeToReach(member: Member, viewerZone: string, at: Date, team?: Team): string {
  const schedule = scheduleOf(member, team);
  const from = at.getTime();
  const to = from + REACH_HORIZON_DAYS * DAY_MS;
  const free = subtract(schedule.workingBetween(from, to), schedule.focusBetween(from, to));
  const who = `@${member.github}`;
  const window = free.find(([s, e]) => e - s >= MIN_REACH_MINUTES * MINUTE) ?? free[0];
  if (!window) return `${who} has no working time in the next ${REACH_HORIZON_DAYS} days.`;
  const viewer = zoneClock(viewerZone);
  const [s, e] = window;
  const vs = viewer.local(s);
  const ve = viewer.local(e);
  const ms = schedule.clock.local(s);
  const me = schedule.clock.local(e);
  const sameZone = viewerZone === member.timezone;
  if (s <= from) {
    const theirs = sameZone ? '' : ` (${clockText(me.minutes)} ${member.timezone})`;
    return `Best time to reach ${who}: now, until ${clockText(ve.minutes)} your time${theirs}`;
  }
  const theirs = sameZone ? '' : ` (${clockText(ms.minutes)}-${clockText(me.minutes)} ${member.timezone})`;
  const today = viewer.local(from).day;
  const date = new Date(vs.day * DAY_MS);
  const when =
    vs.day === today
      ? 'today'
      : vs.day === today + 1
        ? 'tomorrow'
        : `next ${WEEKDAY_NAMES[weekdayOf(vs.day) - 1]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return `Best time to reach ${who}: ${clockText(vs.minutes)}-${clockText(ve.minutes)} your time${theirs}, ${when}`;
}

/** One row of the team clock: the viewer's day `date` (local midnight to midnight in viewerZone) cut
 *  into segments of one kind (away > focus > working > off) and one member UTC offset. Segments are
 *  contiguous and cover the whole day. */
export function dayTimeline(member: Member, team: Team | undefined, date: string, viewerZone: string): TimelineSegment[] {
  const viewer = zoneClock(viewerZone);
  const [from, to] = dayBounds(date, viewer);
  const schedule = scheduleOf(member, team);
  const layers: [TimelineKind, Span[]][] = [
    ['away', schedule.awayBetween(from, to)],
    ['focus', schedule.focusBetween(from, to)],
    ['working', schedule.workingBetween(from, to)],
  ];
  const cuts = new Set<number>([from, to]);
  for (const [, spans] of layers) for (const [s, e] of spans) cuts.add(s).add(e);
  for (const t of offsetChanges(schedule.clock, from, to)) cuts.add(t);
  const points = [...cuts].filter((t) => t >= from && t <= to).sort((x, y) => x - y);
  const out: TimelineSegment[] = [];
  let prev: { s: number; e: number; kind: TimelineKind; offset: number } | null = null;
  const flush = () => prev && out.push({ start: isoInZone(prev.s, viewer), end: isoInZone(prev.e, viewer), kind: prev.kind, offsetMinutes: prev.offset });
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const kind = layers.find(([, spans]) => spans.some(([a, b]) => a <= s && s < b))?.[0] ?? 'off';
    const offset = schedule.clock.offset(s);
    if (prev && prev.kind === kind && prev.offset === offset) prev.e = e;
    else {
      flush();
      prev = { s, e, kind, offset };
    }
  }
  flush();
  return out;
}

/** Instants in (from, to) where the zone's UTC offset changes (DST), to the minute. Assumes at most one
 *  change per hour-long step, true of every zone's rules. */
export function offsetChanges(clock: ZoneClock, from: number, to: number): number[] {
  const out: number[] = [];
  const step = 3_600_000;
  let t = from;
  let o = clock.offset(t);
  // A day has at most one change; look at the ends first to skip the hourly walk on ordinary days.
  if (clock.offset(to) === o && to - from <= 26 * step) return out;
  while (t < to) {
    const next = Math.min(t + step, to);
    const o2 = clock.offset(next);
    if (o2 !== o) {
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
        if (clock.offset(mid) === o) lo = mid;
        else hi = mid;
      }
      out.push(hi);
      o = o2;
    }
    t = next;
  }
  return out;
}

// Zone arithmetic for the team code. The runtime's ICU time-zone data (through Intl, as luxon uses it)
// is the authority for every zone rule (offsets, DST gaps and overlaps); this module asks it the way
// luxon's IANAZone does, without luxon's 70 KB in the bundle (ADR-0007; zone.test.ts checks every
// answer against luxon), and memoises the answers. Why: a luxon offset lookup costs ~7 µs and a
// wall-clock -> instant conversion ~14 µs (Intl formatToParts underneath), and SPEC §5 gives 1,000
// members 20 ms in all. Team members share a handful of zones and hours, so the same questions repeat
// (within one computeStates call and from one minute's refresh to the next); the caches are keyed by
// exact values, so a cached answer is always the answer luxon gave.
// Calendar days are counted as "day numbers" (days since 1970-01-01), which makes weekday and
// away-range checks integer arithmetic.
import type { LocalSpan, Weekday } from './types';

export const MINUTE = 60_000;
export const DAY_MS = 86_400_000;
const CACHE_LIMIT = 20_000;

const validZones = new Map<string, boolean>();

/** True for a zone luxon (and so the runtime's ICU) knows. Cached: each check builds an Intl formatter. */
export function isValidZone(zone: string): boolean {
  let ok = validZones.get(zone);
  if (ok === undefined) {
    // Offsets like "+05:30" are accepted by newer runtimes but are not IANA zones (no DST rules).
    ok = /^[A-Za-z]/.test(zone) && intlKnows(zone);
    if (validZones.size > 1000) validZones.clear();
    validZones.set(zone, ok);
  }
  return ok;
}

function intlKnows(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in minutes at instant ts, read from Intl's wall clock (as luxon does). */
class IntlZone {
  private readonly format: Intl.DateTimeFormat;
  constructor(name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }
  offset(ts: number): number {
    const parts: Record<string, string> = {};
    for (const p of this.format.formatToParts(new Date(ts))) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
    const whole = ts - (((ts % 1000) + 1000) % 1000);
    return Math.round((wall - whole) / MINUTE);
  }
}

/** A wall-clock time resolved to an instant, with the zone's offset at that instant. */
export interface Resolved {
  ts: number;
  offset: number;
}

export class ZoneClock {
  private readonly zone: IntlZone;
  private readonly offsets = new Map<number, number>();
  private readonly instants = new Map<number, Resolved>();
  private readonly isos = new Map<number, string>();

  constructor(readonly name: string) {
    // An unknown zone (only possible for hand-made Members; the parser rejects them) behaves as UTC.
    this.zone = new IntlZone(isValidZone(name) ? name : 'UTC');
  }

  /** UTC offset in minutes at instant ts. */
  offset(ts: number): number {
    let o = this.offsets.get(ts);
    if (o === undefined) {
      o = this.zone.offset(ts);
      if (this.offsets.size > CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(ts, o);
    }
    return o;
  }

  /** The instant of local wall time `minutes` after midnight of local day `day` (minutes may be
   *  >= 1440: the next day): the first moment the member's clock shows that time. So a time skipped
   *  by a DST jump (02:15 when clocks go 02:00 -> 02:30) is the moment of the jump, and a time that
   *  happens twice when clocks go back is its first occurrence. (luxon alone moves skipped times
   *  forward by the jump's length and picks either occurrence depending on the zone.) */
  at(day: number, minutes: number): Resolved {
    const key = day * 1440 + minutes;
    let r = this.instants.get(key);
    if (r === undefined) {
      r = this.resolve(day, minutes);
      if (this.instants.size > CACHE_LIMIT) this.instants.clear();
      this.instants.set(key, r);
      // The offset at that instant is now known too: formatting it later costs no luxon call.
      if (this.offsets.size <= CACHE_LIMIT) this.offsets.set(r.ts, r.offset);
    }
    return r;
  }

  private resolve(day: number, minutes: number): Resolved {
    const d = new Date((day + Math.floor(minutes / 1440)) * DAY_MS);
    const m = ((minutes % 1440) + 1440) % 1440;
    const wall = d.getTime() + m * MINUTE;
    const dt = this.fromWall(wall);
    const ts = dt.ts;
    if (!Number.isFinite(ts)) return { ts: wall, offset: 0 };
    // Offsets change at most once in 6 hours in every zone's rules.
    const before = this.offset(ts - 6 * 3_600_000);
    if (dt.localMinutes !== m) {
      // In a gap: find the jump (the first minute with the new offset) by bisection.
      let lo = ts - 6 * 3_600_000;
      let hi = ts;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
        if (this.offset(mid) === dt.offset) hi = mid;
        else lo = mid;
      }
      return { ts: hi, offset: dt.offset };
    }
    if (before !== dt.offset) {
      // Clocks went back near here: the same wall time under the earlier offset, if it exists, comes first.
      const earlier = wall - before * MINUTE;
      if (earlier < ts && this.offset(earlier) === before) return { ts: earlier, offset: before };
    }
    return { ts, offset: dt.offset };
  }

  /** Wall time (as UTC ms) -> instant, as luxon's DateTime.fromObject resolves it: in a DST gap the
   *  instant is shifted by the jump (resolve() then finds the jump itself). */
  private fromWall(wall: number): { ts: number; offset: number; localMinutes: number } {
    const o1 = this.offset(wall);
    let ts = wall - o1 * MINUTE;
    const o2 = this.offset(ts);
    let offset = o2;
    if (o1 !== o2) {
      ts -= (o2 - o1) * MINUTE;
      const o3 = this.offset(ts);
      if (o3 !== o2) {
        ts = wall - Math.min(o2, o3) * MINUTE;
        offset = Math.max(o2, o3);
      }
    }
    const local = ts + offset * MINUTE;
    return { ts, offset, localMinutes: Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE) };
  }

  /** ISO 8601 of instant ts with this zone's offset then (cached: "until" instants repeat across members). */
  iso(ts: number): string {
    let text = this.isos.get(ts);
    if (text === undefined) {
      text = isoWithOffset(ts, this.offset(ts));
      if (this.isos.size > CACHE_LIMIT) this.isos.clear();
      this.isos.set(ts, text);
    }
    return text;
  }

  /** Local day number and minutes after local midnight at instant ts. */
  local(ts: number): { day: number; minutes: number; offset: number } {
    const offset = this.offset(ts);
    const wall = ts + offset * MINUTE;
    const day = Math.floor(wall / DAY_MS);
    return { day, minutes: (wall - day * DAY_MS) / MINUTE, offset };
  }
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock (and cache) per zone name. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    if (clocks.size > 1000) clocks.clear();
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): Weekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** 'YYYY-MM-DD' -> day number, or null when it is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

const isoDates = new Map<number, string>();

export function isoDate(day: number): string {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size > CACHE_LIMIT) isoDates.clear();
    isoDates.set(day, text);
  }
  return text;
}

const two = (n: number) => String(n).padStart(2, '0');

export function offsetText(offset: number): string {
  const a = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/** ISO 8601 to the second with an explicit offset: '2026-11-21T14:32:00+01:00' (never 'Z'). */
export function isoWithOffset(ts: number, offset: number): string {
  const wall = new Date(Math.floor(ts / 1000) * 1000 + offset * MINUTE).toISOString();
  return `${wall.slice(0, 19)}${offsetText(offset)}`;
}

/** ISO 8601 of instant ts in `zone`. */
export function isoInZone(ts: number, zone: ZoneClock): string {
  return zone.iso(ts);
}

/** 'HH:mm' of minutes after midnight (1440 -> '24:00'). */
export function clockText(minutes: number): string {
  return `${two(Math.floor(minutes / 60))}:${two(Math.floor(minutes % 60))}`;
}

/** '09:00-17:30'; a span crossing midnight reads '22:00-06:00'. */
export function spanText(span: LocalSpan): string {
  return `${clockText(span.start)}-${clockText(span.end > 1440 ? span.end - 1440 : span.end)}`;
}

// Time arithmetic for focus sessions: how long, until when, and how to say it. Pure (no vscode), so
// it can be unit-tested; the zone is always the viewer's (their team-file entry, else the system's).
import type { Member, Team } from '../team';
import { scheduleOf } from '../team/schedule';
import { zoneClock } from '../team/zone';

export const MINUTE_MS = 60_000;
/** The longest session the extension starts (a custom entry above this is refused). */
export const MAX_SESSION_MS = 24 * 60 * MINUTE_MS;

/** Preset lengths offered by "Start Focus Session", in minutes. */
export const PRESET_MINUTES = [25, 50, 90] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    if (formatters.size > 50) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

export interface WallClock {
  /** 'HH:mm' (24-hour). */
  time: string;
  /** 'Mon' … 'Sun'. */
  weekday: string;
  /** 'YYYY-MM-DD', the local date. */
  date: string;
}

/** The wall clock in `zone` at instant ts. */
export function wallClock(ts: number, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(ts))) parts[p.type] = p.value;
  // Some ICU versions print midnight as "24" even with h23.
  const hour = parts.hour === '24' ? '00' : (parts.hour ?? '00');
  return { time: `${hour}:${parts.minute ?? '00'}`, weekday: parts.weekday ?? '', date: `${parts.year}-${parts.month}-${parts.day}` };
}

/** 'HH:mm', or 'HH:mm Tue' when `ts` falls on another local day than `now`. */
export function endText(ts: number, now: number, zone: string): string {
  const end = wallClock(ts, zone);
  return end.date === wallClock(now, zone).date ? end.time : `${end.time} ${end.weekday}`;
}

/** What the GitHub status says: 'Focusing until 15:30 (Europe/Berlin)' (GitHub allows 80 characters). */
export function focusMessage(endsAt: number, now: number, zone: string): string {
  const message = `Focusing until ${endText(endsAt, now, zone)} (${zone})`;
  return [...message].length <= 80 ? message : `Focusing until ${endText(endsAt, now, zone)}`;
}

/** Time left on the status bar: '24:13', '1:05:00' (rounded up to the second, never negative). */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Time left for screen readers: '24 minutes', '1 hour 5 minutes', 'less than a minute'. */
export function spokenDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  if (ms < MINUTE_MS) return 'less than a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return [h ? part(h, 'hour') : '', m ? part(m, 'minute') : ''].filter(Boolean).join(' ');
}

/**
 * The end of the working time you are in now, from your team-file entry (hours, days, away days and
 * holidays in your zone); null when unknown (no entry) or when you are outside working hours.
 */
export function endOfWorkingDay(member: Member | undefined, team: Team | undefined, now: number): number | null {
  if (!member) return null;
  const schedule = scheduleOf(member, team);
  const { day } = schedule.clock.local(now);
  if (schedule.awayOn(day)) return null;
  const working = schedule.workingAt(now, day);
  if (!working) return null;
  const end = schedule.workingEnd(working.span, working.day);
  return end !== null && end - now >= MINUTE_MS && end - now <= MAX_SESSION_MS ? end : null;
}

/** The next instant the wall clock in `zone` shows hh:mm (today if still ahead, else tomorrow). */
export function nextWallTime(hours: number, minutes: number, now: number, zone: string): number {
  const clock = zoneClock(zone);
  const { day } = clock.local(now);
  for (let d = day; d <= day + 2; d++) {
    const ts = clock.at(d, hours * 60 + minutes).ts;
    if (ts > now) return ts;
  }
  return clock.at(day + 1, hours * 60 + minutes).ts;
}

export type CustomLength = { endsAt: number } | { error: string };

/**
 * A custom length as typed: minutes ('45', '45m', '45 min'), hours ('2h', '1h30', '1 h 30 min') or
 * an end time in your zone ('15:30', '9:05'; tomorrow when it has passed today).
 */
export function parseCustomLength(input: string, now: number, zone: string): CustomLength {
  const text = input.trim().toLowerCase();
  if (!text) return { error: 'Type minutes (45), hours (1h30) or an end time (15:30).' };
  let ms: number | undefined;
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (clock) {
    const [h, m] = [Number(clock[1]), Number(clock[2])];
    if (h > 23 || m > 59) return { error: `${input.trim()} is not a time of day (00:00-23:59).` };
    return { endsAt: nextWallTime(h, m, now, zone) };
  }
  const minutes = /^(\d{1,4})\s*(m|min|mins|minutes?)?$/.exec(text);
  const hours = /^(\d{1,2})\s*h(?:ours?)?\s*(?:(\d{1,2})\s*(m|min|mins|minutes?)?)?$/.exec(text);
  if (minutes) ms = Number(minutes[1]) * MINUTE_MS;
  else if (hours) ms = (Number(hours[1]) * 60 + Number(hours[2] ?? 0)) * MINUTE_MS;
  if (ms === undefined) return { error: 'Type minutes (45), hours (1h30) or an end time (15:30).' };
  if (ms < MINUTE_MS) return { error: 'A focus session lasts at least a minute.' };
  if (ms > MAX_SESSION_MS) return { error: 'A focus session lasts at most 24 hours.' };
  return { endsAt: now + ms };
}

/** The end of a session started with command arguments ({ minutes } or { until: ISO }); throws a message. */
export function endFromArgs(args: { minutes?: unknown; until?: unknown }, now: number): number {
  if (args.until !== undefined) {
    const ts = typeof args.until === 'string' ? Date.parse(args.until) : Number.NaN;
    if (typeof args.until !== 'string' || Number.isNaN(ts)) throw new Error(`"until" must be an ISO 8601 date-time, not ${JSON.stringify(args.until)}.`);
    if (ts <= now) throw new Error(`"until" (${args.until}) has already passed.`);
    if (ts - now > MAX_SESSION_MS) throw new Error('A focus session lasts at most 24 hours.');
    return ts;
  }
  const minutes = Number(args.minutes);
  // Fractions are allowed from arguments (scripts, tests); the prompt only offers whole minutes.
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error(`"minutes" must be a positive number, not ${JSON.stringify(args.minutes)}.`);
  if (minutes * MINUTE_MS > MAX_SESSION_MS) throw new Error('A focus session lasts at most 24 hours.');
  return now + Math.round(minutes * MINUTE_MS);
}

// Dates and instants given on the command line (--date, --today, --due, --at, --now), checked
// strictly: Date.parse would take 2026-02-30 for 2026-03-02 and hour 24 for the next day, and a
// mistyped date must be refused, not silently moved.
import { UsageError } from './usageError';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why year-month-day is not a calendar date, or null when it is one. */
function calendarProblem(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, '0')}`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return null;
}

/**
 * A date option (--date, --today, --due YYYY-MM-DD): a real calendar date, checked field by field.
 * Returns why it is not one, or null.
 */
export function dateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'not YYYY-MM-DD';
  return calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Throws a UsageError naming `option` when `value` is not a real calendar date. */
export function checkDate(value: string, option: string): void {
  const problem = dateProblem(value);
  if (problem === null) return;
  throw new UsageError(`${option} must be a date like 2026-01-31${problem === 'not YYYY-MM-DD' ? '' : `; ${value} is not one: ${problem}`}.`);
}

/** YYYY-MM-DDTHH:MM[:SS[.fff]] with Z, an offset (+01:00, +0100, +01) or none (local time). */
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 instant, strictly: a real calendar date and a real time of day. Without an offset it is
 * the machine's local time. The instant, or why the text is not one (null reason: not the ISO 8601
 * shape at all).
 */
export function parseInstant(value: string): { at: Date } | { error: string | null } {
  const m = INSTANT_RE.exec(value.trim());
  if (!m) return { error: null };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const millisecond = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const calendar = calendarProblem(year, month, day);
  if (calendar) return { error: calendar };
  if (hour > 23) return { error: `hours go from 00 to 23, not ${m[4]}` };
  if (minute > 59) return { error: `minutes go from 00 to 59, not ${m[5]}` };
  if (second > 59) return { error: `seconds go from 00 to 59, not ${m[6]}` };
  const zone = m[8];
  let at: Date;
  if (zone === undefined) {
    at = new Date(0);
    at.setFullYear(year, month - 1, day);
    at.setHours(hour, minute, second, millisecond);
  } else {
    let offset = 0;
    if (zone.toUpperCase() !== 'Z') {
      const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
      const [oh, om] = [Number(o[2]), Number(o[3] ?? '0')];
      if (oh > 23 || om > 59) return { error: `the offset ${zone} is not one: offsets go from -23:59 to +23:59` };
      offset = (o[1] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    at = new Date(0);
    at.setUTCFullYear(year, month - 1, day);
    at.setUTCHours(hour, minute, second, millisecond);
    at = new Date(at.getTime() - offset * 60_000);
  }
  return Number.isNaN(at.getTime()) ? { error: 'it is out of range' } : { at };
}

/** An instant option (default: now); throws a UsageError naming `option` when it is not one. */
export function instant(value: string | undefined, option: string): Date {
  if (value === undefined) return new Date();
  const parsed = parseInstant(value);
  if ('at' in parsed) return parsed.at;
  const shape = `${option} must be an ISO 8601 date and time like 2026-11-24T10:30:00Z or 2026-11-24T11:30+01:00`;
  throw new UsageError(parsed.error === null ? `${shape}.` : `${shape}; ${value.trim()} is not one: ${parsed.error}.`);
}

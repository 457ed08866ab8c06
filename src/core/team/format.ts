// Short texts for member states, shared by the Team view and the CLI.
import { WEEKDAY_NAMES } from './types';
import { dayNumber, weekdayOf } from './zone';

/** '2026-11-25T14:32:00+01:00' -> '14:32 Wed' (the wall clock the ISO string was written in). */
export function formatClock(iso: string): string {
  const day = dayNumber(iso.slice(0, 10));
  const time = iso.slice(11, 16);
  return day === null ? time : `${time} ${WEEKDAY_NAMES[weekdayOf(day) - 1]}`;
}

/** A span of time, coarse: '45 min', '3 h 5 min', '2 d 18 h'. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Offset between two zones as '+5:45 h' / '-9 h' / 'same time' (theirs minus yours, in minutes). */
export function formatOffsetDifference(minutes: number): string {
  if (minutes === 0) return 'same time';
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''} h`;
}

// The demo workspace, dated to the week it is opened in. demo/ is written as one story around its last
// standup day (Fri 20 Nov 2026 as committed); copied as it is, anyone trying it later would see an
// empty digest and a stale team. `copyDemo` copies it and moves every story date by working days, so
// that the last standup day becomes today (or the last weekday, at a weekend) and each weekday stays
// a weekday, in order: Wed–Thu–Fri standups land on the last three working days. Dates in examples/ (sample
// records in other formats) and the team file's public-holiday calendars stay as written.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './util.mjs';

const DAY = 86_400_000;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday (day 0 = Thu 1 Jan 1970). */
const weekdayOf = (day) => (((day + 4) % 7) + 7) % 7;
/** Weekdays (Mon–Fri) from day 0 up to `day`, for Mon–Fri days: consecutive weekdays differ by 1. */
const weekdayIndex = (day) => {
  const monday = day - ((weekdayOf(day) + 6) % 7);
  return ((monday - 4) / 7) * 5 + ((weekdayOf(day) + 6) % 7);
};
const dayOfWeekdayIndex = (index) => {
  const week = Math.floor(index / 5);
  return week * 7 + 4 + (index - week * 5);
};

/** The machine's local date, 'YYYY-MM-DD'. */
export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The day the story's last standup day moves to: today, or the Friday before on a weekend. */
export function anchorDay(today) {
  const day = dayOf(today);
  const weekday = weekdayOf(day);
  return isoOf(weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day);
}

/**
 * The date mover: maps a story date to its date in the week of `today`. Weekdays move by working days
 * relative to `storyDay` (the last standup day), so each lands on a weekday, in the same order; a weekend
 * date (a review-by on a Sunday, say) moves with the Friday before it.
 */
export function dateMover(storyDay, today) {
  const shift = weekdayIndex(dayOf(anchorDay(today))) - weekdayIndex(dayOf(storyDay));
  return (iso) => {
    const day = dayOf(iso);
    if (!Number.isFinite(day)) return iso;
    const weekday = weekdayOf(day);
    const friday = weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
    return isoOf(dayOfWeekdayIndex(weekdayIndex(friday) + shift));
  };
}

/** Moves the dates of one demo file's text; `holidays:` calendars in the team file are kept. */
export function redateText(text, move, { keepHolidays = false } = {}) {
  if (!keepHolidays) return text.replace(ISO_DATE, (iso) => move(iso));
  let inHolidays = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\S/.test(line)) inHolidays = /^holidays\s*:/.test(line);
      return inHolidays || /^\s*holidays\s*:/.test(line) ? line : line.replace(ISO_DATE, (iso) => move(iso));
    })
    .join('\n');
}

/** The last standup day of a demo tree (the day its story is told from), or undefined. */
export function storyDayOf(demoDir) {
  const standups = join(demoDir, 'docs', 'standups');
  if (!existsSync(standups)) return undefined;
  return readdirSync(standups)
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
    .sort()
    .at(-1);
}

/**
 * Copies demo/ to `dest` (which must not exist yet) with its story moved to the week of `today`.
 * Returns what was written: the anchor day and a hash per file (to tell later whether the copy was edited).
 */
export function copyDemo(src, dest, today = localToday()) {
  mkdirSync(dest, { recursive: true });
  cpSync(src, dest, { recursive: true });
  const storyDay = storyDayOf(src);
  const anchor = anchorDay(today);
  if (storyDay) {
    const move = dateMover(storyDay, today);
    for (const rel of listFiles(dest, (f) => /\.(md|ya?ml)$/i.test(f) && !f.startsWith('examples/'))) {
      const file = join(dest, rel);
      const text = readFileSync(file, 'utf8');
      const moved = redateText(text, move, { keepHolidays: rel === '.github/team.yml' });
      if (moved !== text) writeFileSync(file, moved);
    }
    const standups = join(dest, 'docs', 'standups');
    // Latest first, so a day never moves onto a folder that has not moved yet.
    const days = readdirSync(standups)
      .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
      .sort()
      .reverse();
    const forward = move(storyDay) > storyDay;
    for (const day of forward ? days : days.reverse()) renameSync(join(standups, day), join(standups, move(day)));
  }
  return { anchor, files: hashes(dest) };
}

/** sha1 of every file below dir, by relative path. */
export function hashes(dir) {
  const out = {};
  for (const rel of listFiles(dir))
    if (statSync(join(dir, rel)).isFile())
      out[rel] = createHash('sha1')
        .update(readFileSync(join(dir, rel)))
        .digest('hex');
  return out;
}

/** Whether a copy still holds exactly the files copyDemo wrote (nothing edited, added or removed). */
export function untouched(dir, written) {
  const now = hashes(dir);
  const keys = Object.keys(written);
  return keys.length === Object.keys(now).length && keys.every((k) => now[k] === written[k]);
}

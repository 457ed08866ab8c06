// What carries from one standup to the next, in the author's own calendar (their working days, away
// ranges and holiday calendars from the team file), never "24 hours ago": Friday's Next pre-fills
// Monday's Done, and a blocker stays open, and ages, until it is ticked.
import type { Member, Team } from '../team/types';
import { scheduleOf } from '../team/schedule';
import { localIsoDate } from '../shared/dates';
import { dayNumber, isoDate, weekdayOf, zoneClock } from '../team/zone';
import type { Standup, StandupBullet, StandupDraft } from './types';

/** How far back the searches look (days): a long leave still finds the day before it. */
const SEARCH_DAYS = 1000;
/** "The most recent earlier standup" is looked for within this many days. */
const FALLBACK_DAYS = 14;
const MON_FRI = [1, 2, 3, 4, 5];

/** The date a standup written at `now` is dated: the member's local day; without a member, this machine's. */
export function standupDate(now: Date, member?: Member): string {
  return member ? isoDate(zoneClock(member.timezone).local(now.getTime()).day) : localIsoDate(now);
}

/** Whether local day `day` is one of the member's working days (no member: Mon–Fri). */
export function isWorkingDay(day: number, member?: Member, team?: Team): boolean {
  if (!member) return MON_FRI.includes(weekdayOf(day));
  return member.days.includes(weekdayOf(day)) && !scheduleOf(member, team).awayOn(day);
}

function previousWorkingDayNumber(day: number, member?: Member, team?: Team): number | null {
  for (let d = day - 1; d > day - SEARCH_DAYS; d--) if (isWorkingDay(d, member, team)) return d;
  return null;
}

/** The member's last working day strictly before `date`; '' for a date that is not one, or no working day in sight. */
export function previousWorkingDay(date: string, member?: Member, team?: Team): string {
  const day = dayNumber(date);
  const previous = day === null ? null : previousWorkingDayNumber(day, member, team);
  return previous === null ? '' : isoDate(previous);
}

/** How far back the team digest looks for a day someone works (a long team-wide break shows `date` itself). */
const TEAM_DAY_SEARCH_DAYS = 14;

/**
 * The day a team digest opens on: `date` when anyone in the team works that day (their working days,
 * away ranges and holidays), else the latest earlier day someone does. On a weekend or a team-wide
 * holiday the digest shows the last working day's standups instead of a list of days off.
 */
export function teamDigestDay(date: string, team: Team | undefined): string {
  const day = dayNumber(date);
  const members = team?.members ?? [];
  if (day === null || members.length === 0) return date;
  for (let d = day; d > day - TEAM_DAY_SEARCH_DAYS; d--) if (members.some((m) => isWorkingDay(d, m, team))) return isoDate(d);
  return date;
}

/** The standup a new one for `date` continues from: the author's standup on their previous working day,
 *  else the most recent one in the 14 days before `date`. */
function previousStandup(
  date: string,
  history: (date: string) => Standup | undefined,
  member?: Member,
  team?: Team,
): { standup: Standup; date: string } | null {
  const day = dayNumber(date);
  if (day === null) return null;
  const previous = previousWorkingDayNumber(day, member, team);
  const onPrevious = previous === null ? undefined : history(isoDate(previous));
  if (onPrevious) return { standup: onPrevious, date: isoDate(previous!) };
  for (let d = day - 1; d >= day - FALLBACK_DAYS; d--) {
    const standup = history(isoDate(d));
    if (standup) return { standup, date: isoDate(d) };
  }
  return null;
}

/** Pre-fill for `date`: Done = Next of the previous standup, Blockers = its unticked blockers, Next and
 *  Notes empty. `from` is the date of the standup used, or null. */
export function prefillDraft(
  date: string,
  history: (date: string) => Standup | undefined,
  member?: Member,
  team?: Team,
): { draft: StandupDraft; from: string | null } {
  const draft: StandupDraft = { done: [], next: [], blockers: [], notes: '' };
  const previous = previousStandup(date, history, member, team);
  if (!previous) return { draft, from: null };
  draft.done = previous.standup.next.map((b) => b.text);
  draft.blockers = previous.standup.blockers.filter((b) => !b.checked).map((b) => ({ text: b.text, checked: false }));
  return { draft, from: previous.date };
}

/** Blocker text compared across days: trimmed, spaces collapsed, case-insensitive. */
export function normalizeBlocker(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const openSets = new WeakMap<Standup, Set<string>>();

/** The normalised texts of a standup's open blockers (cached: a digest asks for the same days often). */
function openBlockers(standup: Standup): Set<string> {
  let set = openSets.get(standup);
  if (!set) {
    set = new Set(standup.blockers.filter((b) => !b.checked).map((b) => normalizeBlocker(b.text)));
    openSets.set(standup, set);
  }
  return set;
}

/**
 * Per open blocker of the author's standup on `date`: since when it has been open (the earliest date
 * of the unbroken run of the author's standups, going back over their working days, that list it
 * unticked) and on how many of their working days before `date` (0 = new that day). A working day
 * without a standup, or one that lists the blocker ticked or not at all, ends the run.
 */
export function blockerAges(
  date: string,
  blockers: StandupBullet[],
  history: (date: string) => Standup | undefined,
  member?: Member,
  team?: Team,
): { text: string; since: string; openWorkdays: number }[] {
  const day = dayNumber(date);
  // The run of days before `date` is the same for every blocker: walk it once, lazily.
  const run: { day: number; open: Set<string> }[] = [];
  let runEnded = day === null;
  const runDay = (i: number): Set<string> | null => {
    while (run.length <= i && !runEnded) {
      const from = run.length ? run[run.length - 1]!.day : day!;
      const previous = previousWorkingDayNumber(from, member, team);
      const standup = previous === null ? undefined : history(isoDate(previous));
      if (!standup) runEnded = true;
      else run.push({ day: previous!, open: openBlockers(standup) });
    }
    return run[i]?.open ?? null;
  };
  return blockers
    .filter((b) => !b.checked)
    .map((b) => {
      const key = normalizeBlocker(b.text);
      let n = 0;
      while (n < SEARCH_DAYS && runDay(n)?.has(key)) n++;
      return { text: b.text, since: n === 0 ? date : isoDate(run[n - 1]!.day), openWorkdays: n };
    });
}

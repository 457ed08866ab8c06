// Due dates in the OWNER's day (SPEC §3): a due date means the end of their working day, in their zone
// and calendar (working days, holidays, away days, DST), computed with the team code's Schedule (no
// luxon in shipped code). Rules, decided here where the issue leaves room:
//  - "end of day" is the end of the working time they are in now, else of today's working time if it
//    has not ended; past it (or on a day off) it is the end of their next working day, and says so
//    ("end of next working day"), since a due date already behind them means nothing.
//  - "+N workdays" counts their working days after the current one (hours crossing midnight belong to
//    the day they start on): weekends, holidays and away days are skipped. "+0 workdays" is end of day.
//  - "+N days" is N calendar days later, at the end of their working hours that day, with a warning
//    when that is not a working day of theirs.
//  - "friday" is the end of this week's Friday; when Friday is not a working day of theirs (a
//    Friday–Saturday weekend, a holiday, away), the last working day before it that has not ended
//    ("end of their working week"); when none is left this week, next week's.
//  - A date YYYY-MM-DD is the end of their working day that date (their hours' end when it is not a
//    working day, with a warning); a date whose end has passed is an error.
//  - No owner: the fallback zone (the viewer's) with default hours, 09:00-17:00 Mon-Fri.
//  - Rules count at most MAX_DUE_AMOUNT (366) workdays or days, and every search through their
//    calendar stops after SEARCH_DAYS days: a rule from a repository's team file or a `--due` typo
//    cannot make resolving a due date take longer than that.
import { DEFAULT_DAYS, DEFAULT_HOURS, dueRuleError, MAX_DUE_AMOUNT, parseDueRule } from '../team/values';
import { scheduleOf, SEARCH_DAYS, type Schedule } from '../team/schedule';
import { WEEKDAY_NAMES, type Member, type Team } from '../team/types';
import { clockText, dayNumber, isoDate, isValidZone, weekdayOf } from '../team/zone';
import type { DuePreset, ResolvedDue } from './types';

export { MAX_DUE_AMOUNT };

export const DUE_PRESETS: readonly DuePreset[] = ['end-of-day', '+1 workday', '+2 workdays', '+3 workdays', 'friday'];

interface Ctx {
  schedule: Schedule;
  member: Member;
  ts: number;
  /** The member's local day now. */
  today: number;
  /** '@alice', or 'you' without an owner. */
  who: string;
}

/** `spec`: a preset, or any rule above as text (`string & {}` keeps the presets visible next to it). */
export function resolveDue(
  spec: DuePreset | (string & {}),
  now: Date,
  owner: Member | undefined,
  team: Team | undefined,
  fallbackZone: string,
): ResolvedDue | { error: string } {
  const member: Member = owner ?? { github: '', timezone: fallbackZone, hours: DEFAULT_HOURS, days: DEFAULT_DAYS, focus: [], holidays: [], away: [], line: 0 };
  const who = owner ? `@${owner.github}` : 'you';
  if (!isValidZone(member.timezone)) return { error: `"${member.timezone}" is not a time zone${owner ? ` (the zone of ${who} in the team file)` : ''}.` };
  const ts = now.getTime();
  if (!Number.isFinite(ts)) return { error: 'The current time is not a valid date.' };
  const schedule = scheduleOf(member, team);
  if (!schedule.hasWorkDays) return { error: `${who} has no working days in the team file, so no due date can be placed in their day.` };
  const ctx: Ctx = { schedule, member, ts, today: schedule.clock.local(ts).day, who };
  const text = spec.trim();
  const lower = text.toLowerCase();
  if (lower === 'end-of-day') return endOfDay(ctx);
  if (lower === 'friday') return friday(ctx);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return chosenDate(ctx, text);
  const tooFar = dueRuleError(text);
  if (tooFar) return { error: tooFar };
  const rule = parseDueRule(text);
  if (rule?.unit === 'workdays') return rule.amount === 0 ? endOfDay(ctx) : workdays(ctx, rule.amount, rule.text);
  if (rule?.unit === 'days') return calendarDays(ctx, rule.amount, rule.text);
  return { error: `"${spec}" is not a due date: use ${DUE_PRESETS.join(', ')}, a rule like "+5 workdays" or "+2 days", or a date YYYY-MM-DD.` };
}

function due(ctx: Ctx, at: number, rule: string, warning?: string): ResolvedDue {
  const { day, minutes } = ctx.schedule.clock.local(at);
  return {
    date: isoDate(day),
    at: ctx.schedule.clock.iso(at),
    zone: ctx.member.timezone,
    weekday: WEEKDAY_NAMES[weekdayOf(day) - 1]!,
    time: clockText(minutes),
    rule,
    ...(warning ? { warning } : {}),
  };
}

/** The first of their working days after `day`, or null within the search horizon. */
function nextWorkday(ctx: Ctx, day: number): number | null {
  for (let d = day + 1; d <= day + SEARCH_DAYS; d++) if (ctx.schedule.span(d)) return d;
  return null;
}

const noWorkday = (ctx: Ctx) => ({ error: `${ctx.who} has no working day in the next ${SEARCH_DAYS} days (away, or no working days).` });

/** The working day in progress now (it may have started yesterday, for hours crossing midnight). */
function currentDay(ctx: Ctx): number {
  return ctx.schedule.workingAt(ctx.ts, ctx.today)?.day ?? ctx.today;
}

function endOfDay(ctx: Ctx): ResolvedDue | { error: string } {
  const working = ctx.schedule.workingAt(ctx.ts, ctx.today);
  if (working) return due(ctx, working.span[1], 'end of day');
  const today = ctx.schedule.span(ctx.today);
  if (today && today[1] > ctx.ts) return due(ctx, today[1], 'end of day');
  const next = nextWorkday(ctx, ctx.today);
  return next === null ? noWorkday(ctx) : due(ctx, ctx.schedule.span(next)![1], 'end of next working day');
}

/** The end of their `amount`th working day after the current one: one walk through their calendar,
 *  at most SEARCH_DAYS days long whatever the amount (not SEARCH_DAYS per working day). */
function workdays(ctx: Ctx, amount: number, text: string): ResolvedDue | { error: string } {
  const start = currentDay(ctx);
  let found = 0;
  for (let d = start + 1; d <= start + SEARCH_DAYS; d++) {
    const span = ctx.schedule.span(d);
    if (span && ++found === amount) return due(ctx, span[1], text);
  }
  if (found === 0) return noWorkday(ctx);
  return {
    error:
      `${ctx.who} ${ctx.who === 'you' ? 'have' : 'has'} only ${found} working day${found === 1 ? '' : 's'} in the next ${SEARCH_DAYS} days, ` +
      `fewer than "${text}" counts.`,
  };
}

function calendarDays(ctx: Ctx, amount: number, text: string): ResolvedDue {
  const day = currentDay(ctx) + amount;
  const span = ctx.schedule.span(day);
  return due(ctx, span ? span[1] : ctx.schedule.clock.at(day, ctx.member.hours.end).ts, text, span ? undefined : dayOffWarning(ctx, day));
}

function friday(ctx: Ctx): ResolvedDue | { error: string } {
  // Day numbers count from a Thursday (1970-01-01): the Friday of the ISO week (Mon–Sun) of `today`.
  let fri = ctx.today - (weekdayOf(ctx.today) - 1) + 4;
  for (let week = 0; week * 7 < SEARCH_DAYS; week++, fri += 7) {
    for (let d = fri; d >= Math.max(ctx.today, fri - 6); d--) {
      const span = ctx.schedule.span(d);
      if (span && span[1] > ctx.ts) return due(ctx, span[1], d === fri ? 'Friday end of day' : 'end of their working week');
    }
  }
  return noWorkday(ctx);
}

function chosenDate(ctx: Ctx, date: string): ResolvedDue | { error: string } {
  const day = dayNumber(date);
  if (day === null) return { error: `${date} is not a calendar date.` };
  const span = ctx.schedule.span(day);
  const end = span ? span[1] : ctx.schedule.clock.at(day, ctx.member.hours.end).ts;
  if (end <= ctx.ts)
    return { error: `${date} has already ended in ${ctx.member.timezone}${ctx.who === 'you' ? '' : `, ${ctx.who}'s zone`}. Choose a later date.` };
  return due(ctx, end, 'chosen date', span ? undefined : dayOffWarning(ctx, day));
}

function dayOffWarning(ctx: Ctx, day: number): string {
  const label = `${WEEKDAY_NAMES[weekdayOf(day) - 1]} ${isoDate(day)}`;
  const away = ctx.schedule.awayOn(day);
  if (away) return `${ctx.who === 'you' ? 'You are' : `${ctx.who} is`} away on ${label}${away.note ? `: ${away.note}` : ''}.`;
  return `${label} is not a working day for ${ctx.who}.`;
}

/**
 * The due line of the issue body, as issue 5 writes it: 'Due: 2026-11-26 (Thu) 17:30 Europe/Berlin,
 * end of day for @alice'. The time is always the end of the owner's working day on that date, so the
 * line says "end of day" whatever preset chose the date (the preset is in `due.rule`, for the form).
 */
export function dueLine(due: ResolvedDue, owner: string | undefined): string {
  const login = owner?.trim().replace(/^@/, '');
  return `Due: ${due.date} (${due.weekday}) ${due.time} ${due.zone}, end of day${login ? ` for @${login}` : ''}`;
}

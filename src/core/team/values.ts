// The team file's values as text -> model: working hours, focus blocks, durations, due rules, logins
// (SPEC §2.1). Pure functions, no YAML: the parser (parse.ts) calls them on scalars, and the CLI, the
// issue form's due dates (src/core/issues/due.ts) and the tests on plain strings.
import { LOGIN_RE } from '../shared/login';
import type { DueRule, FocusBlock, LocalSpan, Weekday } from './types';
import { WEEKDAY_NAMES } from './types';

export const DEFAULT_HOURS: LocalSpan = { start: 9 * 60, end: 17 * 60 };
export const DEFAULT_DAYS: Weekday[] = [1, 2, 3, 4, 5];

const TIME = '([01]?\\d|2[0-3]):([0-5]\\d)';
const END_TIME = '([01]?\\d|2[0-3]|24):([0-5]\\d)';
const HOURS_RE = new RegExp(`^${TIME}\\s*-\\s*${END_TIME}$`);
const FOCUS_RE = new RegExp(`^(\\S+)\\s+${TIME}\\s*-\\s*${END_TIME}$`);
const DURATION_RE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const DUE_RE = /^\+\s*(\d+)\s*(workdays?|days?)$/;

/** A GitHub login as the team file accepts it (GitHub's rules for new accounts: letters, digits and
 *  single inner hyphens, at most 39 characters). */
export function isTeamLogin(login: string): boolean {
  return LOGIN_RE.test(login);
}

/** "09:00-17:30" -> minutes; "22:00-06:00" crosses midnight (end + 1440); else an error. */
export function parseSpan(text: string): LocalSpan | { error: string } {
  const m = HOURS_RE.exec(text.trim());
  if (!m) return { error: 'malformed' };
  return spanOf(m, 1);
}

function spanOf(m: RegExpExecArray, i: number): LocalSpan | { error: string } {
  const start = Number(m[i]) * 60 + Number(m[i + 1]);
  let end = Number(m[i + 2]) * 60 + Number(m[i + 3]);
  if (end > 1440) return { error: 'malformed' };
  if (end === start) return { error: 'empty' };
  if (end < start) end += 1440;
  return { start, end };
}

/** "Tue 09:00-12:00" -> a focus block, or an error text. */
export function parseFocus(text: string): FocusBlock | { error: string } {
  const m = FOCUS_RE.exec(text.trim());
  if (!m) return { error: 'malformed' };
  const day = WEEKDAY_NAMES.indexOf(m[1] as (typeof WEEKDAY_NAMES)[number]);
  if (day < 0) return { error: `day "${m[1]}"` };
  const span = spanOf(m, 2);
  if ('error' in span) return span;
  return { day: (day + 1) as Weekday, ...span };
}

/** "15m", "24h", "1h30m", "2d" -> minutes, or null. */
export function parseDuration(text: string): number | null {
  const m = DURATION_RE.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The most a due rule counts ahead ("+366 workdays", "+366 days"): a year and a day. Resolving a rule
 *  walks the owner's calendar day by day, so a larger amount would only cost time (a file or a
 *  `--due` asking for "+999999 workdays" took minutes) for a date nobody plans an issue around. */
export const MAX_DUE_AMOUNT = 366;

/** "+3 workdays", "+1 workday", "+7 days" -> a due rule, or null. Null also for a rule counting more
 *  than MAX_DUE_AMOUNT: dueRuleError says so. */
export function parseDueRule(text: string): DueRule | null {
  const m = DUE_RE.exec(text.trim());
  if (!m) return null;
  const amount = Number(m[1]);
  if (!(amount <= MAX_DUE_AMOUNT)) return null;
  return { text: text.trim(), amount, unit: m[2]!.startsWith('work') ? 'workdays' : 'days' };
}

/** Why a text written like a due rule is not one (it counts too far ahead), else null. */
export function dueRuleError(text: string): string | null {
  const m = DUE_RE.exec(text.trim());
  if (!m || Number(m[1]) <= MAX_DUE_AMOUNT) return null;
  return `"${text.trim()}" is too far ahead: a due rule counts at most ${MAX_DUE_AMOUNT} workdays or days.`;
}

/**
 * Why git would refuse `name` as a branch (its check-ref-format rules), or null when it is one. ''
 * is fine: it turns sharing off (SPEC §2.4).
 */
export function branchNameError(name: string): string | null {
  if (name === '') return null;
  if (name.length > 200) return 'is too long for a branch name';
  if (name === '@' || name.includes('@{')) return `"${name}" is not a branch name git accepts (no "@{", not "@")`;
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.includes('//') || name.includes('..')) {
    return `"${name}" is not a branch name git accepts (it cannot start with "-" or "/", end with "/" or ".", or contain ".." or "//")`;
  }
  if ([...name].some((c) => c.charCodeAt(0) < 0x21 || c.charCodeAt(0) === 0x7f || '~^:?*[\\'.includes(c))) {
    return `"${name}" is not a branch name git accepts (no spaces, control characters or any of ~ ^ : ? * [ \\)`;
  }
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
    return `"${name}" is not a branch name git accepts (no part may start with "." or end with ".lock")`;
  }
  return null;
}

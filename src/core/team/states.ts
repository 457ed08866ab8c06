// A member's state at an instant, SPEC §2.1: away > busy > focus > working > off, each with "until"
// and "next online", in the member's zone. See schedule.ts for what counts as working, focus and away.
import type { GitHubStatus, Member, MemberState, Team } from './types';
import { scheduleOf } from './schedule';
import { isoDate, isoInZone, weekdayOf, zoneClock } from './zone';

/** Limited availability that has not expired at ts; null when the status is not "busy" now. */
function busyUntil(status: GitHubStatus | undefined, ts: number): { until: number | null } | null {
  if (!status?.busy) return null;
  if (status.expiresAt === null || status.expiresAt === undefined) return { until: null };
  const expires = Date.parse(status.expiresAt);
  if (Number.isNaN(expires)) return { until: null }; // unreadable expiry: busy, end unknown
  return expires > ts ? { until: expires } : null;
}

export function memberState(member: Member, team: Team | undefined, at: Date, githubStatus?: GitHubStatus): MemberState {
  const schedule = scheduleOf(member, team);
  const clock = schedule.clock;
  const ts = at.getTime();
  const { day, offset } = clock.local(ts);
  const iso = (t: number | null) => (t === null ? null : isoInZone(t, clock));
  // One object shape for every state (no spreads): computeStates builds 1,000 of these per refresh.
  const result: MemberState = {
    github: member.github,
    state: 'off',
    localTime: isoInZone(ts, clock),
    localDate: isoDate(day),
    weekday: weekdayOf(day),
    offsetMinutes: offset,
    until: null,
    nextOnline: null,
  };
  if (githubStatus) result.githubStatus = githubStatus;

  const away = schedule.awayOn(day);
  if (away) {
    // Back at the first working span of the first day that is not an away day.
    const back = schedule.nextWorkingStart(-Infinity, schedule.awayEnd(day));
    result.state = 'away';
    result.until = result.nextOnline = iso(back?.ts ?? null);
    result.awayKind = away.kind;
    if (away.note) result.awayNote = away.note;
    return result;
  }

  const working = schedule.workingAt(ts, day);
  // Yesterday's span may cross midnight into today, so the scan starts a day back.
  const next = working ? null : schedule.nextWorkingStart(ts, day - 1);
  result.nextOnline = iso(next?.ts ?? null);

  const busy = busyUntil(githubStatus, ts);
  const focus = busy ? null : schedule.focusAt(ts, day);
  if (busy) {
    result.state = 'busy';
    result.until = iso(busy.until);
  } else if (focus) {
    result.state = 'focus';
    result.until = iso(schedule.focusEnd(focus.span, focus.day));
  } else if (working) {
    const end = schedule.workingEnd(working.span, working.day);
    result.state = 'working';
    result.until = iso(schedule.nextFocusStart(ts, day, end) ?? end);
  } else {
    result.until = iso(schedule.nextFocusStart(ts, day, next?.ts ?? null) ?? next?.ts ?? null);
  }
  return result;
}

/** States of all members at `at`, in team order. `statuses` is keyed by login (any case). */
export function computeStates(team: Team, at: Date, statuses?: Map<string, GitHubStatus>): MemberState[] {
  let byLogin = statuses;
  if (statuses && statuses.size > 0) {
    byLogin = new Map();
    for (const [login, status] of statuses) byLogin.set(login.toLowerCase(), status);
  }
  return team.members.map((m) => memberState(m, team, at, byLogin?.get(m.github.toLowerCase())));
}

/** A zone's UTC offset in minutes at `at` (the viewer's own, for "offset from you"). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  return zoneClock(zone).offset(at.getTime());
}

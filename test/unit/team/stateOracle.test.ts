// memberState against an independent oracle: random members (zones with DST at midnight, 30- and
// 45-minute offsets, two-hour DST; hours across midnight; any weekend; focus blocks; away ranges and
// holidays) and instants near their zone's DST changes. The oracle knows nothing of schedule.ts: it
// asks luxon for each instant's wall clock on a 15-minute grid (every offset, change, hour and
// block here is a multiple of 15 minutes, so the grid sees every boundary) and applies SPEC §2.1
// and the rules written in schedule.ts directly (precedence away > busy > focus > working > off):
//  - a local time T of day d starts at the first instant whose clock has reached T: with R(t) the
//    highest wall clock shown up to t, t is at or after T exactly when R(t) >= T (a time skipped by
//    DST starts at the jump; a time shown twice at its first occurrence);
//  - a span belongs to the day it starts on; none starts on an away day; one running into an away
//    day stops at that midnight; away days are whole local days.
// It then walks forward to check state, until and nextOnline as types.ts defines them.
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { memberState, WEEKDAY_NAMES, type GitHubStatus, type Member, type StateKind, type Team } from '../../../src/core/team';
import { dayNumber, isoDate, weekdayOf } from '../../../src/core/team/zone';
import { prng } from '../decisions/helpers';

const STEP = 15 * 60_000;
const CASES = 40;
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Antarctica/Troll',
  'America/Havana',
  'America/Santiago',
  'America/Asuncion',
  'Atlantic/Azores',
  'Africa/Casablanca',
  'Asia/Beirut',
  'Pacific/Apia',
  'Asia/Tehran',
  'UTC',
];

interface Case {
  team: Team;
  member: Member;
  status?: GitHubStatus;
  /** Grid instants to check. */
  instants: number[];
}

const changeCache = new Map<string, number[]>();

/** Hours of 2026 in which the zone's offset changes. */
function changesIn2026(zone: string): number[] {
  let changes = changeCache.get(zone);
  if (!changes) {
    changes = [];
    let offset = DateTime.fromMillis(Date.UTC(2026, 0, 1), { zone }).offset;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const next = DateTime.fromMillis(t + 3_600_000, { zone }).offset;
      if (next !== offset) changes.push(t);
      offset = next;
    }
    changeCache.set(zone, changes);
  }
  return changes;
}

/** A member and a window around one of its zone's DST changes in 2026 (or any day, for zones without). */
function randomCase(rand: () => number): Case {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const q = (max: number) => Math.floor(rand() * (max / 15)) * 15;
  const zone = pick(ZONES);
  const changes = changesIn2026(zone);
  const centre = changes.length && rand() < 0.85 ? pick(changes) : Date.UTC(2026, 0, 1) + Math.floor(rand() * 365) * 86_400_000;
  const centreDay = dayNumber(DateTime.fromMillis(centre, { zone }).toISODate()!)!;
  const start = q(1440);
  const length = 15 + q(1440 - 15 + 15);
  const days = [1, 2, 3, 4, 5, 6, 7].filter(() => rand() < 0.6);
  const focus = Array.from({ length: Math.floor(rand() * 3) }, () => {
    const s = q(1440);
    return { day: (1 + Math.floor(rand() * 7)) as Member['days'][number], start: s, end: s + 15 + q(600) };
  });
  const away = Array.from({ length: Math.floor(rand() * 2) }, () => {
    const from = centreDay - 3 + Math.floor(rand() * 6);
    return { from: isoDate(from), to: isoDate(from + Math.floor(rand() * 3)) };
  });
  const holidays = Array.from({ length: Math.floor(rand() * 3) }, () => isoDate(centreDay - 3 + Math.floor(rand() * 7)));
  const member: Member = {
    github: 'm',
    timezone: zone,
    hours: { start, end: start + length },
    days: days as Member['days'],
    focus,
    holidays: holidays.length ? ['H'] : [],
    away,
    line: 0,
  };
  const team: Team = { name: '', responseTimes: {}, holidays: { H: holidays }, members: [member], issues: { templates: {} } };
  const instants = Array.from({ length: 24 }, () => Math.floor(centre / STEP) * STEP + (Math.floor(rand() * 4 * 96) - 2 * 96) * STEP);
  // Now and then a GitHub status: busy (limited availability) until some time in the window, or for good.
  const r = rand();
  const status: GitHubStatus | undefined =
    r < 0.2
      ? { busy: true, expiresAt: new Date(Math.floor(centre / STEP) * STEP + (Math.floor(rand() * 4 * 96) - 96) * STEP).toISOString() }
      : r < 0.25
        ? { busy: true, expiresAt: null }
        : undefined;
  return { team, member, instants, ...(status ? { status } : {}) };
}

/** The oracle's view of one member: state flags at grid instants, computed from luxon's wall clock. */
class Oracle {
  private readonly walls = new Map<number, number>();
  private readonly dates = new Map<number, number>();

  constructor(
    private readonly member: Member,
    private readonly team: Team,
    private readonly status: GitHubStatus | undefined,
  ) {}

  /** The status's expiry (Infinity: none), or null when there is no busy status. */
  busyUntil(): number | null {
    if (!this.status?.busy) return null;
    return this.status.expiresAt ? Date.parse(this.status.expiresAt) : Infinity;
  }

  /** Wall clock at instant t as minutes since 1970-01-01 00:00 local. */
  private wall(t: number): number {
    let w = this.walls.get(t);
    if (w === undefined) {
      const dt = DateTime.fromMillis(t, { zone: this.member.timezone });
      w = dayNumber(dt.toISODate()!)! * 1440 + dt.hour * 60 + dt.minute;
      this.walls.set(t, w);
    }
    return w;
  }

  /** The highest wall clock shown up to t (no zone moves its clocks back by more than 3 hours). */
  private reached(t: number): number {
    let max = -Infinity;
    for (let k = 0; k <= 12; k++) max = Math.max(max, this.wall(t - k * STEP));
    return max;
  }

  localDay(t: number): number {
    let d = this.dates.get(t);
    if (d === undefined) this.dates.set(t, (d = Math.floor(this.wall(t) / 1440)));
    return d;
  }

  away(day: number): boolean {
    const date = isoDate(day);
    return this.member.away.some((a) => a.from <= date && date <= a.to) || this.member.holidays.some((h) => this.team.holidays[h]!.includes(date));
  }

  /** Inside a span [start, end) (local minutes) of a day d that has one (not away; clipped at an away midnight). */
  private inside(t: number, d: number, start: number, end: number): boolean {
    if (this.away(d)) return false;
    const stop = end > 1440 && this.away(d + 1) ? 1440 : end;
    const r = this.reached(t);
    return r >= d * 1440 + start && r < d * 1440 + stop;
  }

  working(t: number): boolean {
    const today = Math.floor(this.reached(t) / 1440);
    for (let d = today - 1; d <= today; d++) {
      if (this.member.days.includes(weekdayOf(d)) && this.inside(t, d, this.member.hours.start, this.member.hours.end)) return true;
    }
    return false;
  }

  focus(t: number): boolean {
    const today = Math.floor(this.reached(t) / 1440);
    for (let d = today - 1; d <= today; d++) {
      for (const b of this.member.focus) if (b.day === weekdayOf(d) && this.inside(t, d, b.start, b.end)) return true;
    }
    return false;
  }

  state(t: number): StateKind {
    if (this.away(this.localDay(t))) return 'away';
    const busy = this.busyUntil();
    if (busy !== null && t < busy) return 'busy';
    if (this.focus(t)) return 'focus';
    return this.working(t) ? 'working' : 'off';
  }

  /** The first grid instant after t (within `days`) where `test` holds, or null. */
  first(t: number, test: (u: number) => boolean, days = 40): number | null {
    for (let u = t + STEP; u <= t + days * 86_400_000; u += STEP) if (test(u)) return u;
    return null;
  }
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('memberState against an independent oracle (luxon, 15-minute grid)', function () {
  this.timeout(60_000);

  it('state, until and nextOnline for random members around DST changes', () => {
    const rand = prng(20261122);
    let checked = 0;
    const seen = new Set<StateKind>();
    for (let c = 0; c < CASES; c++) {
      const { team, member, instants, status } = randomCase(rand);
      const oracle = new Oracle(member, team, status);
      const describe = (t: number) =>
        `${member.timezone} at ${new Date(t).toISOString()} (${DateTime.fromMillis(t, { zone: member.timezone }).toFormat('ccc yyyy-MM-dd HH:mm ZZ')}); ` +
        `hours ${member.hours.start}-${member.hours.end}, days ${member.days.map((d) => WEEKDAY_NAMES[d - 1]).join(',')}, focus ${JSON.stringify(member.focus)}, away ${JSON.stringify(member.away)}, holidays ${JSON.stringify(team.holidays.H)}, status ${JSON.stringify(status)}`;
      for (const t of instants) {
        const got = memberState(member, team, new Date(t), status);
        const where = describe(t);
        const state = oracle.state(t);
        seen.add(state);
        assert.equal(got.state, state, `state: ${where}`);
        const working = oracle.working(t);
        // nextOnline: the next start of working time, unless working now.
        const nextOnline = working ? null : oracle.first(t - STEP, (u) => oracle.working(u));
        assert.equal(got.nextOnline === null ? null : iso(Date.parse(got.nextOnline)), iso(nextOnline), `nextOnline (${state}): ${where}`);
        // until, as types.ts defines it per state.
        let until: number | null;
        if (state === 'away') until = nextOnline;
        else if (state === 'busy') until = oracle.busyUntil() === Infinity ? null : oracle.busyUntil();
        else if (state === 'focus') until = oracle.first(t, (u) => !oracle.focus(u));
        else if (state === 'working') until = oracle.first(t, (u) => !oracle.working(u) || oracle.focus(u));
        else until = oracle.first(t, (u) => oracle.working(u) || oracle.focus(u));
        assert.equal(got.until === null ? null : iso(Date.parse(got.until)), iso(until), `until (${state}): ${where}`);
        checked++;
      }
    }
    assert.ok(checked === CASES * 24 && seen.size === 5, `${checked} instants, states seen: ${[...seen].join(', ')}`);
  });
});

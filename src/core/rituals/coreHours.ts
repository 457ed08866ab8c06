// The computed parts of a working agreement: core hours (when everyone works at the same time) and
// the response time of each lane, as Markdown, from the team file.
// Core hours are for a typical week: members' hours and working days, without away days and holidays.
// The first shared window on or after the author's day is shown in UTC and in every member's zone,
// with each side's weekday (Kathmandu's afternoon is New York's early morning, and across the date
// line the days differ). With no shared window in a week, the best window of each pair is shown.
import { formatDuration } from '../team/format';
import { intersect, scheduleOf, type Span } from '../team/schedule';
import { WEEKDAY_NAMES, type Member, type Team } from '../team/types';
import { clockText, DAY_MS, dayNumber, isoDate, weekdayOf, zoneClock } from '../team/zone';

/** A week and a day: every weekly pattern repeats within it. */
const HORIZON_DAYS = 8;
/** Windows that start this soon after the first one belong to the same day (a daily repeat is >= 23 h later). */
const SAME_DAY_MS = 22 * 3_600_000;
const MAX_PAIRS = 10;
const MAX_APART = 20;

const typical = (m: Member): Member => ({ ...m, away: [], holidays: [] });
const weekdayName = (day: number) => WEEKDAY_NAMES[weekdayOf(day) - 1];
const who = (m: Member) => `@${m.github}`;

/** 'Mon 15:00-17:30' in zone; 'Mon 22:00-Tue 01:00' across that zone's midnight. */
export function windowText([start, end]: Span, zone: string): string {
  const clock = zoneClock(zone);
  const s = clock.local(start);
  const e = clock.local(end);
  const endText = e.day === s.day ? clockText(e.minutes) : e.day === s.day + 1 && e.minutes === 0 ? '24:00' : `${weekdayName(e.day)} ${clockText(e.minutes)}`;
  return `${weekdayName(s.day)} ${clockText(s.minutes)}-${endText}`;
}

/** 'A', 'A and B', 'A, B and C'. */
function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The windows of the first day with shared time at or after `from`. */
function firstDay(spans: Span[], from: number): Span[] {
  const first = spans.find(([s]) => s >= from && s < from + HORIZON_DAYS * DAY_MS);
  return first ? spans.filter(([s]) => s >= first[0] && s < first[0] + SAME_DAY_MS) : [];
}

const total = (spans: Span[]) => spans.reduce((sum, [s, e]) => sum + e - s, 0);

/** Zones (of these members) whose UTC offset changes during the year of `day`. */
function dstZones(members: Member[], day: number): string[] {
  const year = isoDate(day).slice(0, 4);
  const january = dayNumber(`${year}-01-15`)! * DAY_MS;
  const july = dayNumber(`${year}-07-15`)! * DAY_MS;
  const zones = [...new Set(members.map((m) => m.timezone))];
  return zones.filter((z) => zoneClock(z).offset(january) !== zoneClock(z).offset(july));
}

function zoneTable(windows: Span[], members: Member[]): string[] {
  const byZone = new Map<string, string[]>([['UTC', []]]);
  for (const m of members) {
    const list = byZone.get(m.timezone) ?? [];
    list.push(who(m));
    byZone.set(m.timezone, list);
  }
  return [
    '| zone | who | core hours |',
    '|---|---|---|',
    ...[...byZone].map(([zone, logins]) => `| ${zone} | ${logins.join(', ')} | ${windows.map((w) => windowText(w, zone)).join(', ')} |`),
  ];
}

interface Pair {
  a: Member;
  b: Member;
  windows: Span[];
  length: number;
}

/** Longer first, then earlier, then file order. */
const better = (x: Pair, y: Pair) => x.length > y.length || (x.length === y.length && x.windows[0]![0] < y.windows[0]![0]);

/** The longest windows of two members, and the pairs that never meet. Keeps only what is shown, so a
 *  team of 1,000 (half a million pairs) costs milliseconds, not a sort of every pair. */
function pairLines(members: Member[], groupOf: number[], groups: Span[][], from: number): string[] {
  const pairWindows: (Span[] | undefined)[] = [];
  const top: Pair[] = [];
  const apart: string[] = [];
  let overlapping = 0;
  let apartCount = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const gi = groupOf[i]!;
      const gj = groupOf[j]!;
      const cell = gi * groups.length + gj;
      const windows = (pairWindows[cell] ??= firstDay(intersect(groups[gi]!, groups[gj]!), from));
      if (windows.length === 0) {
        if (apartCount++ < MAX_APART) apart.push(`${who(members[i]!)} + ${who(members[j]!)}`);
        continue;
      }
      overlapping++;
      const pair: Pair = { a: members[i]!, b: members[j]!, windows, length: total(windows) };
      if (top.length === MAX_PAIRS && !better(pair, top[MAX_PAIRS - 1]!)) continue;
      const at = top.findIndex((p) => better(pair, p));
      top.splice(at === -1 ? top.length : at, 0, pair);
      if (top.length > MAX_PAIRS) top.pop();
    }
  }
  if (top.length === 0) return ['No two members work at the same time either.'];
  const lines = [
    overlapping > MAX_PAIRS
      ? `The ${MAX_PAIRS} longest windows of two members (of ${overlapping} pairs that overlap):`
      : 'When two members work at the same time:',
    '',
    '| who | UTC | their time |',
    '|---|---|---|',
    ...top.map(({ a, b, windows: w, length }) => {
      const utc = `${w.map((x) => windowText(x, 'UTC')).join(', ')} (${formatDuration(length)})`;
      const local = [a, b].map((m) => `${who(m)} ${w.map((x) => windowText(x, m.timezone)).join(', ')} ${m.timezone}`).join('; ');
      return `| ${who(a)} + ${who(b)} | ${utc} | ${local} |`;
    }),
  ];
  if (apartCount > 0)
    lines.push('', `Never at the same time: ${apart.join(', ')}${apartCount > apart.length ? ` and ${apartCount - apart.length} more pairs` : ''}.`);
  return lines;
}

export interface CoreHoursInput {
  /** null when the workspace has no team file. */
  team: Team | null;
  /** Root-relative path of the team file, for the text. */
  teamFile: string;
  /** The author's local date (YYYY-MM-DD) and zone: the search starts at that day's midnight. */
  date: string;
  zone: string;
}

/** Markdown for the {{coreHours}} placeholder. */
export function coreHoursText({ team, teamFile, date, zone }: CoreHoursInput): string {
  if (!team) return `_No team file (\`${teamFile}\`) yet. Add teammates with "Async Desk: Add Teammate…" to compute the core hours, or write them here._`;
  const members = team.members.map(typical);
  if (members.length === 0)
    return `_\`${teamFile}\` lists no members yet. Add teammates with "Async Desk: Add Teammate…" to compute the core hours, or write them here._`;
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD).`);
  const clock = zoneClock(zone);
  const from = clock.at(day, 0).ts;
  const to = from + (HORIZON_DAYS + 1) * DAY_MS;
  // Members with the same zone, hours and days share their spans (and every pair result): a large team
  // has far fewer schedules than members.
  const groupIds = new Map<string, number>();
  const groups: Span[][] = [];
  const groupOf = members.map((m) => {
    const key = `${m.timezone} ${m.hours.start}-${m.hours.end} ${m.days.join()}`;
    let id = groupIds.get(key);
    if (id === undefined) {
      groupIds.set(key, (id = groups.length));
      // From a day earlier, so a window under way at `from` is seen as such (and skipped) rather than clipped.
      groups.push(scheduleOf(m).workingBetween(from - DAY_MS, to));
    }
    return id;
  });
  const shared = groups.reduce((acc, s) => intersect(acc, s));
  const windows = firstDay(shared, from);
  const dst = dstZones(members, day);
  const lines: string[] = [];
  let shownDay = day;
  if (windows.length > 0) {
    shownDay = clock.local(windows[0]![0]).day;
    lines.push(
      members.length === 1
        ? `${who(members[0]!)} is the only member in the team file, so these are their working hours (${formatDuration(total(windows))} a day):`
        : `All ${members.length} members work at the same time for ${formatDuration(total(windows))} a day:`,
      '',
      ...zoneTable(windows, members),
    );
  } else {
    lines.push(`There is no time when all ${members.length} members work at the same time.`, '', ...pairLines(members, groupOf, groups, from));
  }
  const clockNote =
    dst.length > 0
      ? ` ${listText(dst)} ${dst.length === 1 ? 'changes its' : 'change their'} clocks during the year, so around those dates these times move.`
      : '';
  lines.push(
    '',
    `_Computed from \`${teamFile}\` for the week from ${weekdayName(shownDay)} ${isoDate(shownDay)} (${zone}); ` +
      `away days and holidays are left out.${clockNote}_`,
  );
  return lines.join('\n');
}

/** '15 minutes', '1 hour', '24 hours', '1 h 30 min', '2 days'. */
export function responseTimeText(minutes: number): string {
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Markdown for the {{responseTimes}} placeholder: the team file's two lanes. */
export function responseTimesText(team: Team | null, teamFile: string): string {
  const lane = (name: 'urgent' | 'standard', example: string) => {
    const minutes = team?.responseTimes[name];
    const value = minutes === undefined ? `not set: add \`${name}: ${example}\` under \`responseTimes\` in \`${teamFile}\`` : responseTimeText(minutes);
    return `| ${name} | ${value} | |`;
  };
  return [
    '| lane | we answer within | how to reach us |',
    '|---|---|---|',
    lane('urgent', '15m'),
    lane('standard', '24h'),
    '',
    `Within the working hours of the person asked, as listed in \`${teamFile}\`.`,
  ].join('\n');
}

// "Standup Summary for Week": a Markdown digest of one Monday-to-Sunday week, for a weekly update or a
// retro. Deterministic: people by name, days in order, items as written.
import type { Member, Team } from '../team/types';
import { WEEKDAY_NAMES } from '../team/types';
import { dayNumber, isoDate, weekdayOf } from '../team/zone';
import { blockerAges, isWorkingDay } from './carry';
import type { Standup } from './types';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const FROM_PATH = /(\d{4}-\d{2}-\d{2})\/([^/]+)\.md$/;

/** 'Wed 2026-11-18': the summary's day headings (dates.ts dayLabel is the longer 'Wed 18 Nov 2026'). */
function weekdayAndIsoDate(day: number): string {
  return `${WEEKDAY_NAMES[weekdayOf(day) - 1]} ${isoDate(day)}`;
}

interface Person {
  login: string;
  label: string;
  member?: Member;
  /** By day number. */
  days: Map<number, Standup>;
}

/** Markdown summary of the week (Mon–Sun) containing `date`: what shipped (Done items by person and
 *  day), open blockers by person (with since), who posted how many days. '' for a date that is not one. */
export function weeklySummary(date: string, standups: Standup[], team?: Team): string {
  const day = dayNumber(date);
  if (day === null) return '';
  const monday = day - (weekdayOf(day) - 1);
  const sunday = monday + 6;

  // Every standup by author and day (the path stands in for missing front matter); the first one wins.
  const people = new Map<string, Person>();
  const person = (login: string, member?: Member): Person => {
    const key = login.toLowerCase();
    let p = people.get(key);
    if (!p) {
      p = { login: member?.github ?? login, label: member?.name ? `${member.name} (@${member.github})` : `@${member?.github ?? login}`, days: new Map() };
      if (member) p.member = member;
      people.set(key, p);
    }
    return p;
  };
  for (const m of team?.members ?? []) person(m.github, m);
  for (const s of standups) {
    const fromPath = FROM_PATH.exec(s.file.replace(/\\/g, '/'));
    const login = s.author || fromPath?.[2];
    const d = dayNumber(s.date || fromPath?.[1] || '');
    if (!login || d === null) continue;
    const p = person(login);
    if (!p.days.has(d)) p.days.set(d, s);
  }
  const sorted = [...people.values()].sort((a, b) => collator.compare(a.label, b.label) || (a.login < b.login ? -1 : a.login > b.login ? 1 : 0));
  const inWeek = (p: Person) => [...p.days.keys()].filter((d) => d >= monday && d <= sunday).sort((a, b) => a - b);

  const out = [`# Standups, week of ${weekdayAndIsoDate(monday)} to ${weekdayAndIsoDate(sunday)}`, '', '## Shipped', ''];
  let shipped = 0;
  for (const p of sorted) {
    const lines: string[] = [];
    for (const d of inWeek(p)) {
      const done = p.days.get(d)!.done;
      if (done.length) lines.push(`- ${weekdayAndIsoDate(d)}`, ...done.map((b) => `  - ${b.text}`));
    }
    if (!lines.length) continue;
    out.push(`### ${p.label}`, '', ...lines, '');
    shipped++;
  }
  if (!shipped) out.push('Nothing listed under Done this week.', '');

  // Open blockers: those of each person's last standup of the week, aged over all standups given.
  out.push('## Open blockers', '');
  let blocked = 0;
  for (const p of sorted) {
    const last = inWeek(p).pop();
    if (last === undefined) continue;
    const history = (d: string) => p.days.get(dayNumber(d) ?? NaN);
    const ages = blockerAges(isoDate(last), p.days.get(last)!.blockers, history, p.member, team);
    if (!ages.length) continue;
    out.push(`### ${p.label}`, '', ...ages.map((a) => `- ${a.text} (open since ${weekdayAndIsoDate(dayNumber(a.since)!)})`), '');
    blocked++;
  }
  if (!blocked) out.push('No open blockers.', '');

  out.push('## Posted', '', '| Person | Days posted | Working days |', '| --- | ---: | ---: |');
  for (const p of sorted) {
    let working = 0;
    for (let d = monday; d <= sunday; d++) if (isWorkingDay(d, p.member, team)) working++;
    out.push(`| ${p.label.replace(/\|/g, '\\|')} | ${inWeek(p).length} | ${p.member ? working : '–'} |`);
  }
  return `${out.join('\n')}\n`;
}

// The team digest for one day (issue 4): each person's standup of THEIR local day `date`, who has not
// reached that day's working hours yet (not "late"), who is away. Status rules:
//  - posted:      a file exists for that date;
//  - away:        no file, and `date` is an away day of theirs (away range or holiday calendar);
//  - not-started: no file, and `now` is before the start of their working hours on their `date`;
//  - missing:     no file, and their working hours on `date` have begun (or are over);
//  - a day that is not one of their working days expects no standup: not-started ('not a working day')
//    while that day is not over in their zone, then away ('not a working day'); never missing.
// Order: entries whose open blockers @mention the viewer first, then posted, not-started, missing, away;
// by name within a group.
import type { Member } from '../team/types';
import { formatDuration } from '../team/format';
import { scheduleOf } from '../team/schedule';
import { clockText, dayNumber, weekdayOf } from '../team/zone';
import { blockerAges } from './carry';
import type { DigestEntry, DigestInput, DigestStatus, Standup } from './types';

const GROUP: Record<DigestStatus, number> = { posted: 1, 'not-started': 2, missing: 3, away: 4 };
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** `@login` as a whole word, any case: '@bob,' yes, '@bobby' and 'x@bob.com' no. */
export function mentionPattern(login: string): RegExp {
  return new RegExp(`(?:^|[^A-Za-z0-9_.@-])@${login.replace(/[^A-Za-z0-9-]/g, '\\$&')}(?![A-Za-z0-9-])`, 'i');
}

/** Status and detail of a member without a standup for local day `day` at instant `ts`. */
function notPosted(member: Member, input: DigestInput, day: number, ts: number): { status: DigestStatus; detail: string; dayOff?: true } {
  const schedule = scheduleOf(member, input.team);
  const away = schedule.awayOn(day);
  if (away) return { status: 'away', detail: away.note ? `Away: ${away.note}` : 'Away' };
  if (!member.days.includes(weekdayOf(day))) {
    const over = ts >= schedule.clock.at(day + 1, 0).ts;
    return { status: over ? 'away' : 'not-started', detail: 'not a working day', dayOff: true };
  }
  const span = schedule.span(day);
  if (span && ts < span[0]) return { status: 'not-started', detail: `day starts ${clockText(member.hours.start)} (in ${formatDuration(span[0] - ts)})` };
  return { status: 'missing', detail: span && ts < span[1] ? 'nothing posted yet' : 'nothing posted' };
}

export function buildDigest(input: DigestInput): DigestEntry[] {
  const day = dayNumber(input.date);
  if (day === null) return [];
  const ts = input.now.getTime();
  const mention = input.me ? mentionPattern(input.me) : null;
  const entries: DigestEntry[] = [];

  const entry = (login: string, github: string, member: Member | undefined, standup: Standup | undefined) => {
    const e: DigestEntry = {
      github,
      timezone: member?.timezone ?? '',
      status: 'posted',
      detail: member ? 'posted' : 'posted (not in the team file)',
      file: standup?.file ?? null,
      done: [],
      next: [],
      blockers: [],
      blockerDetails: [],
      notes: '',
      mentionsMe: false,
      localTime: member ? scheduleOf(member, input.team).clock.iso(ts) : '',
    };
    if (member?.name) e.name = member.name;
    if (!standup) {
      Object.assign(e, notPosted(member!, input, day, ts));
      return e;
    }
    e.done = standup.done.map((b) => b.text);
    e.next = standup.next.map((b) => b.text);
    e.notes = standup.notes;
    const history = input.history;
    const ages = history
      ? blockerAges(input.date, standup.blockers, (d) => history(login, d), member, input.team)
      : standup.blockers.filter((b) => !b.checked).map((b) => ({ text: b.text, since: input.date, openWorkdays: 0 }));
    for (const age of ages) {
      const mentionsMe = !!mention?.test(age.text);
      e.blockers.push(age.text);
      e.blockerDetails.push({ ...age, stale: age.openWorkdays > input.staleAfterWorkdays, mentionsMe });
      if (mentionsMe) e.mentionsMe = true;
    }
    return e;
  };

  const seen = new Set<string>();
  for (const member of input.team?.members ?? []) {
    const login = member.github.toLowerCase();
    if (seen.has(login)) continue;
    seen.add(login);
    entries.push(entry(login, member.github, member, input.standups.get(login)));
  }
  for (const [login, standup] of input.standups) {
    if (seen.has(login)) continue;
    entries.push(entry(login, standup.author.toLowerCase() === login ? standup.author : login, undefined, standup));
  }

  const group = (e: DigestEntry) => (e.mentionsMe ? 0 : GROUP[e.status]);
  return entries.sort(
    (a, b) => group(a) - group(b) || collator.compare(a.name ?? a.github, b.name ?? b.github) || (a.github < b.github ? -1 : a.github > b.github ? 1 : 0),
  );
}

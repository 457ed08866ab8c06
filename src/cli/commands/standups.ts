// `async-desk standups`: the team digest of one day, each member on their own local day (--date,
// default today in --me's zone): who posted (done, next, open blockers with their age), who has not
// started their working day, who is missing, who is away. A table, or --json.
import type { Problem } from '../../core/shared/problem';
import { formatClock } from '../../core/team';
import { buildDigest, parseStandup, scanStandups, standupDate, StandupDays, standupHistory, type DigestEntry, type Standup } from '../../core/standups';
import { loadTeam, type Command } from '../context';
import { printProblems } from '../problems';
import { tableLines } from '../table';
import { terminalSafe } from '../terminalText';

/** asyncDesk.standups.staleBlockerDays' default. */
const STALE_AFTER_WORKDAYS = 2;

export const standups: Command = async (ctx, args, { out, err }) => {
  // Without a team file (or with one that could not be read) the digest still lists who posted.
  const teamRead = loadTeam(ctx);
  const team = teamRead.kind === 'parsed' ? teamRead.team : undefined;
  const problems = teamRead.kind === 'missing' ? [] : [...teamRead.problems];
  const me = args.me ? team?.members.find((m) => m.github.toLowerCase() === args.me!.toLowerCase()) : undefined;
  const date = args.date ?? standupDate(args.now, me);

  // The path index; files are read only for the day and for the blocker ages the digest asks about.
  const days = new StandupDays((await scanStandups(ctx.root, ctx.standupsDir)).entries);
  // A file that is gone (deleted since the scan) or could not be read (its problem) counts as not posted.
  const parsed = new Map<string, { standup?: Standup; problem?: Problem }>();
  const readFile = (file: string): { standup?: Standup; problem?: Problem } => {
    let result = parsed.get(file);
    if (!result) {
      const outcome = ctx.files.read(file);
      result = outcome.ok ? { standup: parseStandup(outcome.text, file) } : outcome.missing ? {} : { problem: outcome.problem };
      parsed.set(file, result);
    }
    return result;
  };
  const ofDay = new Map<string, Standup>();
  for (const e of days.on(date)) {
    const { standup, problem } = readFile(e.file);
    if (problem) problems.push(problem);
    if (!standup) continue;
    ofDay.set(e.login.toLowerCase(), standup);
    // Problems of the day's files only: older ones read for blocker ages are `check`'s business.
    problems.push(...standup.problems);
  }
  const entries = buildDigest({
    team,
    date,
    now: args.now,
    ...(args.me ? { me: args.me } : {}),
    standups: ofDay,
    history: standupHistory(days, (e) => readFile(e.file).standup),
    staleAfterWorkdays: STALE_AFTER_WORKDAYS,
  });
  // Problems go to stderr so that stdout (the table or JSON) stays usable.
  printProblems(problems, err);

  if (args.json) {
    const rows = entries.map((e) => ({
      github: e.github,
      name: e.name ?? null,
      timezone: e.timezone,
      status: e.status,
      detail: e.detail,
      localTime: e.localTime,
      file: e.file,
      done: e.done,
      next: e.next,
      blockers: e.blockers,
      blockerDetails: e.blockerDetails,
      notes: e.notes,
      mentionsMe: e.mentionsMe,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const note =
      teamRead.kind === 'missing'
        ? `No team file at ${ctx.teamFile}: only the people who posted are listed.`
        : teamRead.kind === 'unread'
          ? `The team file ${ctx.teamFile} was not read (see the problem above): only the people who posted are listed.`
          : null;
    out(digestText(date, args.now, entries, note));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A poster's Detail cell: how many items of each list. */
const counts = (e: DigestEntry) => `${plural(e.done.length, 'done item')}, ${plural(e.next.length, 'next item')}, ${plural(e.blockers.length, 'open blocker')}`;

const blockerAge = (openWorkdays: number, since: string) => (openWorkdays === 0 ? 'new' : `open ${plural(openWorkdays, 'working day')}, since ${since}`);

/** The table of everyone, then each poster's lists (done, next, blockers with their age, notes). */
function digestText(date: string, now: Date, entries: DigestEntry[], note: string | null): string {
  const lines = [`Standups of ${date}, each person's own local day (at ${now.toISOString().slice(0, 16)}Z)`];
  if (note) lines.push(terminalSafe(note));
  if (entries.length === 0) return `${lines.join('\n')}\nNobody has posted.\n`;
  const rows = entries.map((e) => [
    e.name ? `${e.name} (@${e.github})` : `@${e.github}`,
    e.localTime ? formatClock(e.localTime) : '',
    e.status,
    (e.status === 'posted' ? counts(e) : e.detail) + (e.mentionsMe ? ' (mentions you)' : ''),
  ]);
  lines.push('', ...tableLines(['Member', 'Local time', 'Status', 'Detail'], rows));
  for (const [i, e] of entries.entries()) {
    if (e.status !== 'posted') continue;
    lines.push('', `${terminalSafe(rows[i]![0]!)}: ${terminalSafe(e.file ?? '')}`);
    const list = (title: string, items: string[]) => {
      if (items.length) lines.push(`  ${title}`, ...items.map((x) => `    - ${terminalSafe(x)}`));
    };
    list('Done', e.done);
    list('Next', e.next);
    list(
      'Blockers',
      e.blockerDetails.map((b) => `${b.text} (${blockerAge(b.openWorkdays, b.since)}${b.stale ? ', stale' : ''})`),
    );
    if (e.notes) lines.push('  Notes', ...e.notes.split(/\r?\n/).map((x) => `    ${terminalSafe(x)}`.trimEnd()));
  }
  return `${lines.join('\n')}\n`;
}

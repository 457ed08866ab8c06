// `async-desk standups`: the team digest of one day, each member on their own local day (--date,
// default today in --me's zone): who posted (done, next, open blockers with their age), who has not
// started their working day, who is missing, who is away. A table, or --json. Standups come from the
// sharing branch as last fetched, the queue and the working tree (standupSources.ts); `file` is the
// path inside the branch for a shared post.
import type { Problem } from '../../core/shared/problem';
import { formatClock } from '../../core/team';
import type { SourcedStandup } from '../../core/sharing';
import { addDays } from '../../core/shared/dates';
import type { ReadOutcome } from '../../core/shared/repoFiles';
import { buildDigest, parseStandup, standupDate, StandupDays, standupHistory, type DigestEntry, type Standup } from '../../core/standups';
import { loadTeam, type Command } from '../context';
import { printProblems } from '../problems';
import { tableLines } from '../table';
import { standupSources } from '../standupSources';
import { terminalSafe } from '../terminalText';

/** asyncDesk.standups.staleBlockerDays' default. */
const STALE_AFTER_WORKDAYS = 2;
/** How far back blocker ages read standups from the sharing branch (calendar days; the Today view reads 21). */
const AGE_HORIZON_DAYS = 60;

export const standups: Command = async (ctx, args, { out, err }) => {
  // Without a team file (or with one that could not be read) the digest still lists who posted.
  const teamRead = loadTeam(ctx);
  const team = teamRead.kind === 'parsed' ? teamRead.team : undefined;
  const problems = teamRead.kind === 'missing' ? [] : [...teamRead.problems];
  const me = args.me ? team?.members.find((m) => m.github.toLowerCase() === args.me!.toLowerCase()) : undefined;
  const date = args.date ?? standupDate(args.now, me);

  // The path index (branch + queue + working tree); files are read only for the day and for the
  // blocker ages the digest asks about.
  const sources = await standupSources(ctx, team, err);
  const days = new StandupDays(sources.entries);
  // A file that is gone (deleted since the scan) or could not be read (its problem) counts as not posted.
  const parsed = new Map<string, { standup?: Standup; problem?: Problem }>();
  const remember = (e: SourcedStandup, outcome: ReadOutcome) => {
    const result = outcome.ok ? { standup: parseStandup(outcome.text, e.file) } : outcome.missing ? {} : { problem: outcome.problem };
    parsed.set(e.file, result);
    return result;
  };
  const readMany = async (entries: readonly SourcedStandup[]) => {
    const wanted = entries.filter((e) => !parsed.has(e.file));
    for (const [e, outcome] of await sources.reader.read(wanted)) remember(e, outcome);
  };
  // Working-tree and queued files can be read when asked for; branch files only if read beforehand.
  const readFile = (e: SourcedStandup): { standup?: Standup; problem?: Problem } => {
    const known = parsed.get(e.file);
    if (known) return known;
    const now = sources.reader.readNow(e);
    return now ? remember(e, now) : {};
  };
  const ofDay = new Map<string, Standup>();
  await readMany(days.on(date));
  for (const e of days.on(date)) {
    const { standup, problem } = readFile(e);
    if (problem) problems.push(problem);
    if (!standup) continue;
    ofDay.set(e.login.toLowerCase(), standup);
    // Problems of the day's files only: older ones read for blocker ages are `check`'s business.
    problems.push(...standup.problems);
  }
  // Blocker ages look back through earlier days, but only for people with open blockers that day:
  // their files of the last weeks are read in one batch (a lookup past that reads nothing from the branch).
  const withBlockers = new Set([...ofDay].filter(([, s]) => s.blockers.some((b) => !b.checked)).map(([login]) => login));
  if (withBlockers.size) {
    const from = addDays(date, -AGE_HORIZON_DAYS);
    await readMany(sources.entries.filter((e) => e.source === 'branch' && e.date >= from && e.date < date && withBlockers.has(e.login.toLowerCase())));
  }
  const entries = buildDigest({
    team,
    date,
    now: args.now,
    ...(args.me ? { me: args.me } : {}),
    standups: ofDay,
    history: standupHistory(days, (e) => readFile(e).standup),
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

// The team digest for one day, as the Today panel shows it: reads that day's standups (and the days
// before, for blocker ages) and hands them to the core's buildDigest.
import type * as vscode from 'vscode';
import { buildDigest, type Standup } from '../../core/standups';
import { formatClock } from '../../core/team';
import { addDays, dayLabel } from '../../core/shared/dates';
import type { DigestState, DigestStatus } from '../../protocol/today';
import type { TeamStore } from '../team/teamStore';
import type { StandupStore } from './standupStore';

/** How far back blocker ages look (calendar days). */
const AGE_HORIZON_DAYS = 21;

export async function digestState(options: {
  standups: StandupStore;
  team: TeamStore;
  folder: vscode.WorkspaceFolder;
  date: string;
  today: string;
  now: Date;
  me?: string;
  staleAfterWorkdays: number;
  /** Why `date` is not today though no day was picked. */
  note?: string;
}): Promise<DigestState> {
  const { standups, team, folder, date, now } = options;
  await Promise.all([standups.ready(), team.ready()]);
  const folderTeam = team.all().find((f) => f.workspaceFolder === folder);
  const ofDay = standups.entries(folder).filter((e) => e.date === date);
  const byLogin = new Map<string, Standup>();
  // In parallel: posts on the sharing branch are read together, in one git process.
  const read = await Promise.all(ofDay.map((entry) => standups.read(entry)));
  ofDay.forEach((entry, i) => {
    const standup = read[i];
    if (standup) byLogin.set(entry.login.toLowerCase(), standup);
  });
  // Blocker ages need earlier days, but only of people with open blockers today.
  const withBlockers = new Set([...byLogin].filter(([, s]) => s.blockers.some((b) => !b.checked)).map(([login]) => login));
  const history = withBlockers.size ? await standups.history(folder, addDays(date, -AGE_HORIZON_DAYS), date, withBlockers) : () => undefined;
  const entries = buildDigest({
    team: folderTeam?.exists ? folderTeam.team : undefined,
    date,
    now,
    ...(options.me ? { me: options.me } : {}),
    standups: byLogin,
    history,
    staleAfterWorkdays: options.staleAfterWorkdays,
  });
  const counts: Record<DigestStatus | 'dayOff', number> = { posted: 0, 'not-started': 0, missing: 0, away: 0, dayOff: 0 };
  // Someone on a day off is neither "not started" nor "away" in the totals.
  for (const e of entries) counts[e.dayOff && e.status !== 'posted' ? 'dayOff' : e.status]++;
  return {
    date,
    dateLabel: dayLabel(date),
    isToday: date === options.today,
    ...(options.note ? { note: options.note } : {}),
    counts,
    entries: entries.map((e) => ({
      github: e.github,
      name: e.name ?? `@${e.github}`,
      status: e.status,
      detail: e.detail,
      localTime: e.localTime ? formatClock(e.localTime) : '',
      file: e.file,
      done: e.done,
      next: e.next,
      notes: e.notes,
      mentionsMe: e.mentionsMe,
      dayOff: !!e.dayOff,
      blockers: e.blockerDetails.map((b) => ({
        text: b.text,
        age: b.openWorkdays === 0 ? 'new today' : `open ${b.openWorkdays} working day${b.openWorkdays === 1 ? '' : 's'} (since ${b.since})`,
        stale: b.stale,
        mentionsMe: b.mentionsMe,
      })),
    })),
    ...(entries.length === 0
      ? {
          empty: folderTeam?.exists
            ? 'Nobody in the team file yet, and no standups for this day.'
            : 'No team file (.github/team.yml) and no standups for this day. Add teammates to see who has posted.',
        }
      : {}),
  };
}

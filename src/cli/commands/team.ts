// `async-desk team`: each teammate's local time and state (working, focus, off hours, away) at an
// instant (--at, default now), from the team file alone.
import { computeStates, formatClock, formatDuration } from '../../core/team';
import type { Invocation } from '../args';
import { loadTeam, type Command, type Context, type Io } from '../context';
import { printProblems } from '../problems';
import { formatTable } from '../table';
import { terminalSafe } from '../terminalText';

const STATE_WORDS = { away: 'away', busy: 'busy', focus: 'focus', working: 'working', off: 'off hours' };

// Busy (GitHub status with limited availability) needs the GitHub API, which the CLI does not call
// (yet): states here come from the team file alone, so nobody is ever "busy" in this output.
export const team: Command = (ctx, args, io) => Promise.resolve(teamCommand(ctx, args, io));

function teamCommand(ctx: Context, args: Invocation, { out, err }: Io): number {
  const read = loadTeam(ctx);
  if (read.kind === 'missing') {
    err(`async-desk: no team file at ${terminalSafe(ctx.teamFile)} in ${terminalSafe(ctx.root)}. Create one (see the README) or pass --team-file.\n`);
    return 2;
  }
  // Problems go to stderr so that stdout (the table or JSON) stays usable; the valid members still print.
  printProblems(read.problems, err);
  if (read.kind === 'unread') {
    // Nobody to list: an empty list for scripts, nothing for people (the problem says why).
    if (args.json) out('[]\n');
    return 1;
  }
  const { team, problems } = read;
  const at = args.at;
  const states = computeStates(team, at);
  if (args.json) {
    const rows = states.map((s, i) => {
      const m = team.members[i]!;
      return {
        github: m.github,
        name: m.name ?? null,
        timezone: m.timezone,
        state: s.state,
        localTime: s.localTime,
        until: s.until,
        nextOnline: s.nextOnline,
        ...(s.awayNote ? { awayNote: s.awayNote } : {}),
        ...(m.role ? { role: m.role } : {}),
      };
    });
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (states.length === 0) {
    out(`No members in ${terminalSafe(ctx.teamFile)}.\n`);
  } else {
    const rows = states.map((s, i) => {
      const m = team.members[i]!;
      const until = s.until ? `${formatClock(s.until)} (in ${formatDuration(Date.parse(s.until) - at.getTime())})` : '';
      const state = STATE_WORDS[s.state] + (s.awayNote ? `: ${s.awayNote}` : '');
      return [m.name ? `${m.name} (@${m.github})` : `@${m.github}`, formatClock(s.localTime), m.timezone, state, until];
    });
    out(formatTable(['Member', 'Local time', 'Zone', 'State', 'Until (their time)'], rows));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

// `async-desk sync`: pushes the posts waiting in the clone's queue and fetches the sharing branch
// (issue 13), then says what happened: "pushed 1, fetched 3 new posts". What still waits is listed
// on stderr with its reason, and so is what the branch holds that is not read (a symlink, a file
// outside the standups and updates folders). Exit 0 when everything is pushed and the fetch worked,
// 2 otherwise (and when the repository cannot share at all: no remote, not a repository).
import { loadTeam, type Command } from '../context';
import { printProblems } from '../problems';
import { openCliSharing } from '../sharing';
import { terminalSafe } from '../terminalText';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const sync: Command = async (ctx, _args, { out, err }) => {
  const teamRead = loadTeam(ctx);
  const team = teamRead.kind === 'parsed' ? teamRead.team : undefined;
  if (teamRead.kind !== 'missing') printProblems(teamRead.problems, err);
  const opened = await openCliSharing(ctx, team, err);
  if (opened.kind === 'not-shared') {
    if (opened.reason === 'off') {
      out(`Nothing to sync: ${opened.message}\n`);
      return 0;
    }
    err(`async-desk: ${terminalSafe(opened.message)}\n`);
    return 2;
  }
  const sharing = opened.sharing;
  const report = await sharing.sync();
  const fetched = report.fetch.ok
    ? report.fetch.exists || report.pushed.length
      ? `fetched ${plural(report.fetch.newPosts.length, 'new post')}`
      : `the ${sharing.branch} branch does not exist yet (the first post makes it)`
    : `fetch failed: ${report.fetch.failure.reason}`;
  out(`pushed ${report.pushed.length}, ${fetched}\n`);
  if (report.fetch.ok && report.fetch.rewritten)
    err(`async-desk: the ${terminalSafe(sharing.branch)} branch was rewritten at the remote (force-pushed); it was read as it is now.\n`);
  if (!report.fetch.ok) err(`async-desk: ${terminalSafe(report.fetch.failure.message)}\n`);
  for (const q of report.waiting) {
    const why = q.conflict
      ? `another revision is on ${sharing.branch} (posted from another machine?): post it again with --replace to put yours over it`
      : `${q.failure?.reason ?? 'not pushed yet'}${q.failure ? `: ${q.failure.message}` : ''}`;
    err(`async-desk: waiting to be posted: ${terminalSafe(q.file)}: ${terminalSafe(why)}\n`);
  }
  // What arrived on the branch and is not read (symlinks, files outside the shared folders, bad names, too large).
  if (report.fetch.ok) printProblems((await sharing.listing()).problems, err);
  return report.fetch.ok && report.waiting.length === 0 ? 0 : 2;
};

// `async-desk check`: every problem in the repository's decision records, team file, standups and
// issue templates, and what the sharing branch holds that is not read (issue 13), one
// `file:line: message` a line, sorted by file; exit 1 when there is any (for CI).
import { scanDecisions } from '../../core/decisions';
import { discoverTemplates } from '../../core/issues';
import type { Problem } from '../../core/shared/problem';
import { checkStandup, scanStandups } from '../../core/standups';
import { loadTeam, type Command, type Context, type TeamRead, type Write } from '../context';
import { printProblems } from '../problems';
import { openCliSharing } from '../sharing';

/** What every checker is given besides the context: the team file as read (once), and stderr. */
interface Shared {
  team: TeamRead;
  err: Write;
}

/** One source of problems. */
interface Checker {
  name: string;
  run(ctx: Context, shared: Shared): Promise<Problem[]>;
}

const checkers: Checker[] = [
  {
    // Only the repository's own templates: built-ins have no file to fix.
    name: 'templates',
    async run(ctx) {
      const set = await discoverTemplates(ctx.root);
      return [...set.problems, ...set.templates.flatMap((t) => t.problems)];
    },
  },
  {
    name: 'decisions',
    async run(ctx) {
      const options: { today: string; decisionsDir?: string } = { today: ctx.today };
      if (ctx.decisionsDir) options.decisionsDir = ctx.decisionsDir;
      return (await scanDecisions(ctx.root, options)).problems;
    },
  },
  {
    // A repository without a team file is fine: team time is optional. One that cannot be read (a
    // link out of the root, a FIFO, too large) is a problem on it.
    name: 'team',
    run(_ctx, { team }) {
      return Promise.resolve(team.kind === 'missing' ? [] : team.problems);
    },
  },
  {
    // Every file under the standups folder: its name (scan), then its contents.
    name: 'standups',
    async run(ctx) {
      const index = await scanStandups(ctx.root, ctx.standupsDir);
      const problems = [...index.problems];
      for (const entry of index.entries) {
        const read = ctx.files.read(entry.file);
        if (read.ok) problems.push(...checkStandup(read.text, entry.file, ctx.standupsDir));
        else if (!read.missing) problems.push(read.problem); // missing: deleted between listing and reading
      }
      return problems;
    },
  },
  {
    // The sharing branch as last fetched (issue 13): symlinks, submodules, files outside the standups
    // and updates folders, bad names, files over the size limit, each on its path inside the branch
    // (the message says "on the sharing branch"). No network: fetching is `sync`'s business. Not
    // shared (sharing off, not a repository, no remote, no git): nothing to check, and no error.
    name: 'sharing branch',
    async run(ctx, { team, err }) {
      const opened = await openCliSharing(ctx, team.kind === 'parsed' ? team.team : undefined, err);
      if (opened.kind === 'not-shared') return [];
      return (await opened.sharing.listing()).problems;
    },
  },
];

export const check: Command = async (ctx, _args, { out, err }) => {
  const shared: Shared = { team: loadTeam(ctx), err };
  const problems = (await Promise.all(checkers.map((c) => c.run(ctx, shared)))).flat();
  if (problems.length === 0) {
    out('No problems found.\n');
    return 0;
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  // The problems are this command's result: stdout.
  printProblems(problems, out);
  return 1;
};

// `async-desk check`: every problem in the repository's decision records, team file, standups and
// issue templates, one `file:line: message` a line, sorted by file; exit 1 when there is any (for CI).
import { scanDecisions } from '../../core/decisions';
import { discoverTemplates } from '../../core/issues';
import type { Problem } from '../../core/shared/problem';
import { checkStandup, scanStandups } from '../../core/standups';
import { loadTeam, type Command, type Context } from '../context';
import { printProblems } from '../problems';

/** One source of problems. */
interface Checker {
  name: string;
  run(ctx: Context): Promise<Problem[]>;
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
    run(ctx) {
      const read = loadTeam(ctx);
      return Promise.resolve(read.kind === 'missing' ? [] : read.problems);
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
];

export const check: Command = async (ctx, _args, { out }) => {
  const problems = (await Promise.all(checkers.map((c) => c.run(ctx)))).flat();
  if (problems.length === 0) {
    out('No problems found.\n');
    return 0;
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  // The problems are this command's result: stdout.
  printProblems(problems, out);
  return 1;
};

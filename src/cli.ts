// `async-desk` command line: a thin front end over src/core for terminals and CI.
//   async-desk decisions [--root DIR] [--json]     list decision records
//   async-desk check [--root DIR]                   report problems; exit 1 when there are any
import { parseArgs } from 'node:util';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { scanDecisions } from './core/decisions';
import type { Problem } from './core/decisions/types';
import { localIsoDate } from './core/dates';

const USAGE = `Usage: async-desk <command> [options]

Commands:
  decisions   List decision records (table, or --json)
  check       Report problems in decision records; exits 1 when there are any

Options:
  --root DIR            Repository root (default: current directory)
  --decisions-dir DIR   Decision records folder, relative to the root (default: discovered)
  --json                decisions: print a JSON array instead of a table
  --today YYYY-MM-DD    check: the date review-by dates are compared with (default: today)
  -h, --help            Show this help
`;

/** Exit code 2 with usage: the command line itself was wrong. */
class UsageError extends Error {}

interface Context {
  root: string;
  decisionsDir?: string;
  today: string;
}

/** One source of problems for `check`; later checkers (team file, standups) join this list. */
interface Checker {
  name: string;
  run(ctx: Context): Promise<Problem[]>;
}

const checkers: Checker[] = [
  {
    name: 'decisions',
    async run(ctx) {
      const options: { today: string; decisionsDir?: string } = { today: ctx.today };
      if (ctx.decisionsDir) options.decisionsDir = ctx.decisionsDir;
      return (await scanDecisions(ctx.root, options)).problems;
    },
  },
];

async function listDecisions(ctx: Context, json: boolean, out: (s: string) => void): Promise<number> {
  const options: { decisionsDir?: string } = {};
  if (ctx.decisionsDir) options.decisionsDir = ctx.decisionsDir;
  const index = await scanDecisions(ctx.root, options);
  if (json) {
    const rows = index.records.map((r) => ({
      file: r.file,
      title: r.title,
      status: r.status,
      date: r.date,
      format: r.format,
      number: r.number,
      owner: r.owner,
      supersedes: r.supersedes,
      supersededBy: r.supersededBy,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (index.records.length === 0) {
    const where = index.folders.map((f) => f.dir).join(', ') || 'docs/decisions';
    out(`No decision records in ${where}.\n`);
    return 0;
  }
  const rows = index.records.map((r) => [r.number === null ? '' : String(r.number).padStart(4, '0'), r.status ?? (r.rawStatus ? `? ${r.rawStatus}` : '-'), r.date ?? '', r.title, r.file]);
  const header = ['#', 'Status', 'Date', 'Title', 'File'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  out(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  return 0;
}

async function check(ctx: Context, out: (s: string) => void): Promise<number> {
  const problems = (await Promise.all(checkers.map((c) => c.run(ctx)))).flat();
  if (problems.length === 0) {
    out('No problems found.\n');
    return 0;
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  out(problems.map((p) => `${p.file}:${p.line + 1}: ${p.message}`).join('\n') + '\n');
  return 1;
}

export async function main(argv: string[], out = (s: string) => void process.stdout.write(s), err = (s: string) => void process.stderr.write(s)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string' },
        'decisions-dir': { type: 'string' },
        json: { type: 'boolean' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`async-desk: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === 'help') {
    out(USAGE);
    return 0;
  }
  try {
    if (!command) throw new UsageError('no command given.');
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}".`);
    if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today must be a date like 2026-01-31.');
    const root = path.resolve(values.root ?? process.cwd());
    const stat = await fsp.stat(root).catch(() => null);
    if (!stat?.isDirectory()) {
      err(`async-desk: ${root} is not a directory.\n`);
      return 2;
    }
    const ctx: Context = { root, today: values.today ?? localIsoDate() };
    if (values['decisions-dir']) ctx.decisionsDir = values['decisions-dir'];
    switch (command) {
      case 'decisions':
        return await listDecisions(ctx, values.json ?? false, out);
      case 'check':
        return await check(ctx, out);
      default:
        throw new UsageError(`unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`async-desk: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Exit 2 for failures to run at all, so CI can tell them from "problems found" (1).
    err(`async-desk: ${(error as Error).message ?? error}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `async-desk decisions | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`async-desk: ${(error as Error)?.message ?? error}\n`);
      process.exitCode = 2;
    },
  );
}

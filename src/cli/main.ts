// `async-desk`, the command line (package bin, bundled as dist/cli.js): a thin front end over src/core
// for terminals and CI. This file reads the command line (args.ts), opens the repository (--root) and
// runs one command, each in its own file under commands/:
//   decisions   list decision records                      commands/decisions.ts
//   team        each teammate's state from the team file   commands/team.ts
//   standups    the team digest of one day                 commands/standups.ts
//   templates   the repository's issue templates           commands/templates.ts
//   issue create  open an issue from a template            commands/issue.ts
//   check       report problems; exit 1 when there are any commands/check.ts
//   standup post  post a standup onto the sharing branch   commands/standupPost.ts
//   sync        push the queue, fetch the sharing branch   commands/sync.ts
// Exit codes: 0 fine; 1 problems found, or a check or GitHub refused; 2 the command line was wrong
// (printed with the usage text) or the command could not run at all, so CI can tell the two apart.
// `standup post` and `sync` follow issue 13 instead: 2 means "not pushed yet" (queued), and a wrong
// command line of `standup post` is invalid input, 1, with nothing queued.
// Whatever comes from a repository is printed through terminalSafe (terminalText.ts) in tables and
// problem lines; --json needs none of it (JSON.stringify escapes control characters).
import { promises as fsp } from 'node:fs';
import { commandWord, parseCommandLine, USAGE } from './args';
import { makeContext, resolveRoot, type Command, type Write } from './context';
import { terminalSafe } from './terminalText';
import { UsageError } from './usageError';
import { check } from './commands/check';
import { decisions } from './commands/decisions';
import { issueCreate } from './commands/issue';
import { standups } from './commands/standups';
import { standupPost } from './commands/standupPost';
import { sync } from './commands/sync';
import { team } from './commands/team';
import { templates } from './commands/templates';

/** By the first word ("issue" is "issue create": the parser refuses any other). A Map, so "toString" is no command. */
const COMMANDS = new Map<string, Command>([
  ['decisions', decisions],
  ['team', team],
  ['standups', standups],
  ['templates', templates],
  ['issue', issueCreate],
  ['check', check],
  ['standup', standupPost],
  ['sync', sync],
]);

const stdout: Write = (s) => void process.stdout.write(s);
const stderr: Write = (s) => void process.stderr.write(s);

/** Runs one command line (argv without node and the script) and resolves to its exit code. */
export async function main(argv: string[], out = stdout, err = stderr): Promise<number> {
  // `standup post` promises exit 2 = "queued": a wrong command line there is invalid input, 1.
  const wrongLine = commandWord(argv) === 'standup' ? 1 : 2;
  try {
    const line = parseCommandLine(argv);
    if (line.kind === 'malformed') {
      err(`async-desk: ${line.message}\n\n${USAGE}`);
      return wrongLine;
    }
    if (line.kind === 'help') {
      out(USAGE);
      return 0;
    }
    const args = line.invocation;
    const root = resolveRoot(args);
    const stat = await fsp.stat(root).catch(() => null);
    if (!stat?.isDirectory()) {
      err(`async-desk: ${root} is not a directory.\n`);
      return wrongLine;
    }
    const ctx = makeContext(root, args);
    // Looked up after --root is checked, as it always was: a wrong root is reported before a wrong command.
    const command = COMMANDS.get(args.command);
    if (!command) throw new UsageError(`unknown command "${args.command}".`);
    return await command(ctx, args, { out, err });
  } catch (error) {
    if (error instanceof UsageError) {
      err(`async-desk: ${terminalSafe(error.message)}\n\n${USAGE}`);
      return wrongLine;
    }
    // Exit 2 for failures to run at all, so CI can tell them from "problems found" (1).
    err(`async-desk: ${terminalSafe(String((error as Error)?.message ?? error))}\n`);
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
      process.stderr.write(`async-desk: ${terminalSafe(String((error as Error)?.message ?? error))}\n`);
      process.exitCode = 2;
    },
  );
}

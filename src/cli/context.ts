// What every command is given: the repository it works on (root, the one file reader, the folders
// and files the options name), the parsed command line, and where to write. Also the team file as
// the CLI reads it, since four commands need it and each has its own answer to "there is none".
import * as path from 'node:path';
import type { Problem } from '../core/shared/problem';
import { localIsoDate } from '../core/shared/dates';
import { DEFAULT_LIMITS, RepoFiles } from '../core/shared/repoFiles';
import { parseTeamFile, type Team } from '../core/team';
import type { Invocation } from './args';
import { normalizeDir } from '../core/shared/paths';

export type Write = (s: string) => void;

/** stdout for the result (a table, JSON), stderr for problems and messages, so the result stays usable. */
export interface Io {
  out: Write;
  err: Write;
}

export interface Context {
  root: string;
  /** Every file the CLI reads itself goes through here: inside the root, regular files, size-limited. */
  files: RepoFiles;
  decisionsDir?: string;
  teamFile: string;
  standupsDir: string;
  today: string;
}

/** A command: its exit code (0 fine, 1 problems found or refused, 2 could not run). */
export type Command = (ctx: Context, args: Invocation, io: Io) => Promise<number>;

const DEFAULT_TEAM_FILE = '.github/team.yml';
const DEFAULT_STANDUPS_DIR = 'docs/standups';

/** The context of an invocation whose --root is the directory `root` (already resolved and checked). */
export function makeContext(root: string, args: Invocation): Context {
  const ctx: Context = {
    root,
    files: new RepoFiles(root),
    teamFile: normalizeDir(args.teamFile ?? DEFAULT_TEAM_FILE),
    standupsDir: args.standupsDir?.trim() || DEFAULT_STANDUPS_DIR,
    today: args.today ?? localIsoDate(),
  };
  if (args.decisionsDir) ctx.decisionsDir = args.decisionsDir;
  return ctx;
}

/** --root, against the current directory. */
export function resolveRoot(args: Invocation): string {
  return path.resolve(args.root ?? process.cwd());
}

/**
 * The team file, read through RepoFiles (only inside the root, a regular file, within the team file
 * limit): missing; not read, with the problem on it (`problems` holds just that one); or parsed.
 */
export type TeamRead = { kind: 'missing' } | { kind: 'unread'; problems: Problem[] } | { kind: 'parsed'; team: Team; problems: Problem[] };

export function loadTeam(ctx: Context): TeamRead {
  const read = ctx.files.read(ctx.teamFile, DEFAULT_LIMITS.teamFile);
  if (read.ok) return { kind: 'parsed', ...parseTeamFile(read.text, ctx.teamFile) };
  return read.missing ? { kind: 'missing' } : { kind: 'unread', problems: [read.problem] };
}

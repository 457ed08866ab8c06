// `async-desk standup post --author LOGIN --file FILE.md [--date D] [--now T] [--replace]`: posts a
// standup onto the sharing branch (issue 13), as the composer's Ctrl+Enter does. The file is a
// standup in the SPEC §2.3 format; front matter is optional (author and date are filled in) and, when
// present, must agree with --author and the date. Exit 0: pushed (or the branch already had it);
// 2: not pushed yet, why on stderr (queued, a conflict, not shared); 1: invalid input, nothing queued.
import * as path from 'node:path';
import { writeFileAtomic } from '../../core/shared/fs';
import { DEFAULT_LIMITS, readFileSafely } from '../../core/shared/repoFiles';
import { detectEol } from '../../core/shared/text';
import { analyzeStandup } from '../../core/standups/parse';
import { isDate, standupFile } from '../../core/standups/paths';
import { standupDate } from '../../core/standups';
import type { Member } from '../../core/team';
import { loadTeam, type Command, type Io } from '../context';
import { printProblems } from '../problems';
import { openCliSharing } from '../sharing';
import { terminalSafe } from '../terminalText';

const INVALID = 1;
const NOT_PUSHED = 2;

/**
 * The standup text with `author` and `date` in its front matter: added when missing (a file without
 * front matter gets one), an error when the file names another author or day.
 */
export function fillFrontMatter(text: string, author: string, date: string): { text: string } | { error: string } {
  const eol = detectEol(text);
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const a = analyzeStandup(body, 'standup');
  if (a.frontMatterClose === null) {
    if (/^---[ \t]*\r?$/.test(a.lines[0] ?? '')) return { error: 'its front matter starts with "---" but has no closing "---" line' };
    return { text: `${bom}---${eol}author: ${author}${eol}date: ${date}${eol}---${eol}${body}` };
  }
  const { author: written, date: writtenDate } = a.standup;
  if (written && written.toLowerCase() !== author.toLowerCase()) return { error: `its front matter says author "${written}", not "${author}"` };
  if (writtenDate && writtenDate !== date) return { error: `its front matter says date ${writtenDate}, not ${date}` };
  const lines = [...a.lines];
  const cr = eol === '\r\n' ? '\r' : '';
  // An empty (or unreadable) `author:` / `date:` line is filled in place; a missing one goes right
  // after the opening "---" (in place first, so the line numbers still hold).
  const inserted: string[] = [];
  const put = (line: number | null, text: string) => {
    if (line !== null) lines[line] = `${text}${cr}`;
    else inserted.push(`${text}${cr}`);
  };
  if (!written) put(a.authorLine, `author: ${author}`);
  if (!writtenDate) put(a.dateLine, `date: ${date}`);
  lines.splice(1, 0, ...inserted);
  return { text: bom + lines.join('\n') };
}

/** --file, relative to the current directory (it need not be in the repository), read with the reader's care. */
function readStandupFile(file: string, io: Io): string | null {
  const read = readFileSafely(path.resolve(process.cwd(), file), file, DEFAULT_LIMITS.file);
  if (read.ok) return read.text;
  io.err(`async-desk: ${terminalSafe(read.missing ? `${file} does not exist.` : read.problem.message)} Nothing was posted.\n`);
  return null;
}

export const standupPost: Command = async (ctx, args, io) => {
  const { err, out } = io;
  const { author, file, replace } = args.standup;
  if (!author || !file) {
    err(`async-desk: standup post needs ${!author ? '--author LOGIN' : '--file FILE.md'}. Nothing was posted.\n`);
    return INVALID;
  }
  const folder = ctx.files.folder(ctx.standupsDir);
  if ('error' in folder) {
    err(`async-desk: the standups folder ${terminalSafe(folder.error)} Nothing was posted.\n`);
    return INVALID;
  }
  const teamRead = loadTeam(ctx);
  if (teamRead.kind !== 'parsed') {
    if (teamRead.kind === 'unread') printProblems(teamRead.problems, err);
    const why = teamRead.kind === 'missing' ? 'does not exist' : 'could not be read';
    err(`async-desk: the team file ${terminalSafe(ctx.teamFile)} ${why}, so @${terminalSafe(author)} cannot be checked. Nothing was posted.\n`);
    return INVALID;
  }
  const team = teamRead.team;
  const member: Member | undefined = team.members.find((m) => m.github.toLowerCase() === author.toLowerCase());
  if (!member) {
    err(`async-desk: @${terminalSafe(author)} is not a member of the team file ${terminalSafe(ctx.teamFile)}. Nothing was posted.\n`);
    return INVALID;
  }
  const date = args.date ?? standupDate(args.now, member);
  if (!isDate(date)) {
    err(`async-desk: ${terminalSafe(date)} is not a date. Nothing was posted.\n`);
    return INVALID;
  }
  const raw = readStandupFile(file, io);
  if (raw === null) return INVALID;
  const filled = fillFrontMatter(raw, member.github, date);
  if ('error' in filled) {
    err(`async-desk: ${terminalSafe(file)} cannot be posted: ${terminalSafe(filled.error)}. Nothing was posted.\n`);
    return INVALID;
  }
  const branchFile = standupFile(ctx.standupsDir, date, member.github);
  const errors = analyzeStandup(filled.text, file).standup.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    printProblems(errors, err);
    err(`async-desk: ${terminalSafe(file)} is not a standup (see above). Nothing was posted.\n`);
    return INVALID;
  }

  const opened = await openCliSharing(ctx, team, err);
  if (opened.kind === 'not-shared') {
    // Today's behaviour: the file in the working tree (inside --root only: checked above).
    await writeFileAtomic(path.join(ctx.root, branchFile), filled.text);
    if (opened.reason === 'off') {
      out(`Written to ${terminalSafe(branchFile)} (${terminalSafe(opened.message)})\n`);
      return 0;
    }
    err(`async-desk: ${terminalSafe(opened.message)} Written to ${terminalSafe(branchFile)} in the working tree.\n`);
    return NOT_PUSHED;
  }
  const sharing = opened.sharing;
  let base = await sharing.baseOf(branchFile);
  if (replace) {
    // Over whatever the branch has: the conflicting revision the queue remembers, else the fetched one.
    const waiting = await sharing.queue.get(branchFile);
    if (waiting?.conflict) base = waiting.conflict.theirsBlob;
    else {
      if (waiting) await sharing.discard(branchFile);
      base = await sharing.baseOf(branchFile);
    }
  }
  const result = await sharing.post({ file: branchFile, text: filled.text, author: member.github, base });
  switch (result.kind) {
    case 'pushed':
      out(`Posted ${terminalSafe(branchFile)} to ${terminalSafe(sharing.branch)} (${result.commit.slice(0, 12)}).\n`);
      return 0;
    case 'unchanged':
      out(`Already posted: ${terminalSafe(branchFile)} on ${terminalSafe(sharing.branch)} has this text.\n`);
      return 0;
    case 'queued':
      err(`async-desk: waiting to be posted: ${terminalSafe(result.failure.reason)}. ${terminalSafe(result.failure.message)}\n`);
      return NOT_PUSHED;
    case 'conflict':
      err(
        `async-desk: not posted: ${terminalSafe(sharing.branch)} has another revision of ${terminalSafe(branchFile)} (posted from another machine?), ` +
          'and it was not overwritten. Yours waits in the queue; run the same command with --replace to post it over that revision.\n',
      );
      return NOT_PUSHED;
  }
};

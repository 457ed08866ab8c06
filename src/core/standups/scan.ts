// The path-only index of a standups folder: `YYYY-MM-DD/<login>.md`, no file contents. That is all the
// Standups view and a digest's lookups need, and it is what keeps 100,000 standups (SPEC §5) cheap:
// one readdir per day folder instead of a read and a parse per file.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../shared/problem';
import { RepoFiles } from '../shared/repoFiles';
import { isDate } from './paths';
import { LOGIN_RE } from '../shared/login';
import { normalizeDir } from '../shared/paths';
import type { StandupEntry } from './types';

/** Day folders read between two yields to the event loop (an extension host stays responsive). */
const BATCH = 100;

/** Names only: a day folder holds files, and a readdir without file types is 2-3x cheaper (measured on
 *  100,000 standups); the rare odd name is looked at with a stat. */
function names(dir: string): string[] | { error: string } | null {
  try {
    return readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Deleted while scanning: nothing to list. Anything else is said, not skipped silently.
    if (code === 'ENOENT') return null;
    return { error: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error)) };
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Case-insensitive, then as written; keys computed once (a sort compares each name many times). */
const byKey = (a: { key: string; login: string }, b: { key: string; login: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.login < b.login ? -1 : a.login > b.login ? 1 : 0;

/**
 * Sorted by date then login. Wrong names (a folder that is not a date, a file that is not
 * `<login>.md`) are warnings with line 0, never throws. Hidden entries (`.gitkeep`) and a README.md next
 * to the day folders are fine. The standups folder and its day folders are listed only inside the
 * root (RepoFiles): a folder setting outside it, or a day folder linked out of it, is a problem and
 * is not listed. (Files are only named here; reading them goes through RepoFiles too.)
 */
export async function scanStandups(root: string, standupsDir: string): Promise<{ entries: StandupEntry[]; problems: Problem[] }> {
  const files = new RepoFiles(root);
  const entries: StandupEntry[] = [];
  const problems: Problem[] = [];
  const confined = files.folder(normalizeDir(standupsDir));
  if (!('dir' in confined)) {
    problems.push({
      file: normalizeDir(standupsDir),
      line: 0,
      severity: 'error',
      code: 'folder-outside-workspace',
      message: `The standups folder ${confined.error} (setting asyncDesk.standupsDir)`,
    });
    return { entries, problems };
  }
  const dir = confined.dir;
  const rel = (name: string) => (dir ? `${dir}/${name}` : name);
  const problem = (file: string, code: string, message: string) => problems.push({ file, line: 0, severity: 'warning', code, message });
  const layout = `${rel('YYYY-MM-DD')}/<github-login>.md`;

  const top = files.list(dir);
  for (const p of top.problems) problems.push(p); // (a loop: a spread of 100,000 would overflow the stack)
  const days: string[] = [];
  for (const e of top.entries) {
    if (e.name.startsWith('.')) continue;
    if (e.kind === 'dir') {
      if (isDate(e.name)) days.push(e.name);
      else problem(rel(e.name), 'not-a-date-folder', `"${e.name}" is not a day folder: standups are ${layout}.`);
    } else if (e.name.toLowerCase() !== 'readme.md') {
      problem(rel(e.name), 'not-in-a-day-folder', `"${e.name}" is not in a day folder: standups are ${layout}.`);
    }
  }
  days.sort();

  for (let i = 0; i < days.length; i++) {
    if (i > 0 && i % BATCH === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const date = days[i]!;
    const folder = rel(date);
    const inDay = names(path.join(root, folder));
    if (!inDay) continue;
    if (!Array.isArray(inDay)) {
      problems.push({
        file: folder,
        line: 0,
        severity: 'error',
        code: 'unreadable',
        message: `${folder} cannot be read: ${inDay.error}; its standups are not shown.`,
      });
      continue;
    }
    const day: { key: string; login: string }[] = [];
    for (const name of inDay) {
      if (name.startsWith('.')) continue;
      const login = name.slice(0, -3);
      if (name.endsWith('.md') && LOGIN_RE.test(login)) day.push({ key: login.toLowerCase(), login });
      else if (isDirectory(path.join(root, folder, name)))
        problem(`${folder}/${name}`, 'unexpected-folder', `"${name}" is a folder inside a day folder: standups are ${layout}.`);
      else if (!name.endsWith('.md')) problem(`${folder}/${name}`, 'not-markdown', `"${name}" is not a standup: standups are Markdown files named ${layout}.`);
      else problem(`${folder}/${name}`, 'bad-file-name', `"${name}" is not named after a GitHub login: standups are ${layout}.`);
    }
    day.sort(byKey);
    for (let j = 0; j < day.length; j++) {
      const { key, login } = day[j]!;
      if (j > 0 && key === day[j - 1]!.key)
        problem(
          `${folder}/${login}.md`,
          'duplicate-standup',
          `Two standups of @${login} on ${date}: ${folder}/${day[j - 1]!.login}.md and ${folder}/${login}.md.`,
        );
      entries.push({ date, login, file: `${folder}/${login}.md` });
    }
  }
  return { entries, problems };
}

// What may live on the sharing branch (SPEC §2.4): the branch README, standups
// (`<standupsDir>/YYYY-MM-DD/<login>.md`, SPEC §2.3) and weekly updates (`<recordsDir>/updates/
// YYYY-Www-<login>.md`). Anything else found there is ignored and reported; a post may write only
// these paths. Also the README that starts the branch and the commit message of a post.
import { parseStandupPath } from '../standups/paths';
import { normalizeDir } from '../shared/paths';

export interface SharedFolders {
  /** Normalized ('docs/standups'); '' would be the branch root. */
  standupsDir: string;
  /** `<recordsDir>/updates`, normalized. */
  updatesDir: string;
}

/** The folders of the sharing branch for the standups and records settings (defaults docs/standups, docs). */
export function sharedFolders(standupsDir = 'docs/standups', recordsDir = 'docs'): SharedFolders {
  const records = normalizeDir(recordsDir);
  return { standupsDir: normalizeDir(standupsDir), updatesDir: records ? `${records}/updates` : 'updates' };
}

export const BRANCH_README = 'README.md';

export type BranchPath =
  | { kind: 'standup'; date: string; login: string }
  | { kind: 'update'; week: string; login: string }
  | { kind: 'readme' }
  /** Not ours to read: why, for the problem on it. */
  | { kind: 'other'; code: string; message: string };

const UPDATE_NAME = /^(\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3]))-([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)\.md$/;

const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** A path of the branch is safe to write when each segment is a plain name (no '', '.', '..', '.git', backslash, control character). */
export function isPlainPath(path: string): boolean {
  if (path === '' || path.length > 4096) return false;
  return path.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && s.toLowerCase() !== '.git' && !s.includes('\\') && !hasControl(s));
}

const inside = (path: string, dir: string) => dir === '' || path.startsWith(`${dir}/`);

/** What a path on the sharing branch is. */
export function classifyBranchPath(path: string, folders: SharedFolders): BranchPath {
  if (path === BRANCH_README) return { kind: 'readme' };
  if (!isPlainPath(path)) return { kind: 'other', code: 'bad-path-on-branch', message: 'is not a plain path; ignored' };
  if (inside(path, folders.updatesDir) && folders.updatesDir !== '') {
    const m = UPDATE_NAME.exec(path.slice(folders.updatesDir.length + 1));
    if (m) return { kind: 'update', week: m[1]!, login: m[2]! };
    return { kind: 'other', code: 'bad-name-on-branch', message: `is not a weekly update (${folders.updatesDir}/YYYY-Www-<login>.md); ignored` };
  }
  if (inside(path, folders.standupsDir)) {
    const where = parseStandupPath(path, folders.standupsDir);
    if (where) return { kind: 'standup', ...where };
    const dir = folders.standupsDir ? `${folders.standupsDir}/` : '';
    return { kind: 'other', code: 'bad-name-on-branch', message: `is not a standup (${dir}YYYY-MM-DD/<login>.md); ignored` };
  }
  const dirs = [folders.standupsDir, folders.updatesDir].filter(Boolean).map((d) => `${d}/`);
  return {
    kind: 'other',
    code: 'outside-shared-folders',
    message: `is outside ${dirs.join(' and ')}; ignored (only standups and weekly updates are read from the sharing branch)`,
  };
}

/** The README of a new sharing branch: what it is, and the two rules that keep it working. */
export function branchReadme(branch: string, folders: SharedFolders): string {
  const standups = folders.standupsDir ? `${folders.standupsDir}/` : '';
  return [
    `# ${branch}: the team's standups and weekly updates`,
    '',
    'This branch is written by [Async Desk](https://marketplace.visualstudio.com/items?itemName=asyncdesk.async-desk): each post',
    `is one commit that adds or updates one file. Standups are \`${standups}YYYY-MM-DD/<login>.md\`, weekly`,
    `updates \`${folders.updatesDir}/YYYY-Www-<login>.md\`.`,
    '',
    "It holds no project code and shares no history with the project's branches: do not merge it into them,",
    "and never force-push it (its history is the team's log). Async Desk reads it without checking it out.",
    '',
  ].join('\n');
}

/** "Standup: @alice, 2026-11-21"; "Weekly update: @alice, 2026-W47". */
export function commitMessage(where: BranchPath, author: string, path: string): string {
  if (where.kind === 'standup') return `Standup: @${author}, ${where.date}`;
  if (where.kind === 'update') return `Weekly update: @${author}, ${where.week}`;
  return `Post ${path} (@${author})`;
}

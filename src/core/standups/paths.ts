// Where a standup lives: `<standupsDir>/YYYY-MM-DD/<login>.md` (SPEC §2.3), dated by the author's local day.
import { dayNumber } from '../team/zone';
import { LOGIN_RE } from '../shared/login';
import { normalizeDir } from '../shared/paths';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date 'YYYY-MM-DD'. */
export function isDate(text: string): boolean {
  return DATE_RE.test(text) && dayNumber(text) !== null;
}

/** 'docs/standups/2026-11-21/alice.md' */
export function standupFile(standupsDir: string, date: string, login: string): string {
  const dir = normalizeDir(standupsDir);
  return `${dir ? `${dir}/` : ''}${date}/${login}.md`;
}

/** Date and login of a standup path under `standupsDir`, or null when the path is not one. */
export function parseStandupPath(file: string, standupsDir: string): { date: string; login: string } | null {
  const dir = normalizeDir(standupsDir);
  const path = normalizeDir(file);
  if (dir && !path.startsWith(`${dir}/`)) return null;
  const rest = dir ? path.slice(dir.length + 1) : path;
  const m = /^([^/]+)\/([^/]+)\.md$/.exec(rest);
  if (!m || !isDate(m[1]!) || !LOGIN_RE.test(m[2]!)) return null;
  return { date: m[1]!, login: m[2]! };
}

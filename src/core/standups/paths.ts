// Where a standup lives: `<standupsDir>/YYYY-MM-DD/<login>.md` (SPEC §2.3), dated by the author's local day.
import { dayNumber } from '../team/zone';

/** A GitHub login: letters, digits and single inner hyphens, at most 39 characters. */
export const LOGIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date 'YYYY-MM-DD'. */
export function isDate(text: string): boolean {
  return DATE_RE.test(text) && dayNumber(text) !== null;
}

/** Forward slashes, no './' prefix, no trailing slash; '' for the root itself. */
export function normalizeDir(dir: string): string {
  let d = dir.trim().replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  while (d.startsWith('./')) d = d.slice(2);
  d = d.replace(/\/+$/, '');
  return d === '.' ? '' : d;
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

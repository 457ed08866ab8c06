// Where each ritual's file goes (SPEC §2: under asyncDesk.recordsDir, default docs). Names sort by
// date, and files are per person or per title, so two people never write the same file:
//   weekly update      <dir>/updates/YYYY-Www-<author>.md   (ISO week; one per person per week)
//   intent brief       <dir>/briefs/YYYY-MM-DD-<title>.md
//   retrospective      <dir>/retros/YYYY-MM-DD-<title>.md
//   working agreement  the team file's `workingAgreement` path, else <dir>/working-agreement.md
import { posix } from 'node:path';
import { slugify } from '../shared/text';
import { dayNumber, weekdayOf, isoDate } from '../team/zone';
import type { RitualKind } from './kinds';

/** ISO 8601 week of a date: '2026-11-20' -> '2026-W47'; '2027-01-01' -> '2026-W53'. Null for a non-date. */
export function isoWeek(date: string): string | null {
  const day = dayNumber(date);
  if (day === null) return null;
  // The week belongs to the year of its Thursday.
  const thursday = day - weekdayOf(day) + 4;
  const year = isoDate(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)!) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A root-relative folder or file path with forward slashes and no './' or trailing '/'; null when it
 *  is absolute or leaves the workspace folder. */
export function workspacePath(path: string): string | null {
  const p = path.trim().replace(/\\/g, '/');
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p) || /^[a-z][\w+.-]*:\/\//i.test(p)) return null;
  const normal = posix.normalize(p).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return null;
  return normal === '.' ? '' : normal;
}

export interface RitualFileInput {
  /** asyncDesk.recordsDir, already checked with workspacePath. */
  recordsDir: string;
  date: string;
  author: string;
  title: string;
  /** The team file's `workingAgreement`, if it has one. */
  workingAgreement?: string;
}

export interface RitualFile {
  /** Root-relative path, forward slashes. */
  file: string;
  /** Why the team file's workingAgreement path was not used, if it was not. */
  note?: string;
}

const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

export function ritualFile(kind: RitualKind, input: RitualFileInput): RitualFile {
  const { recordsDir: dir, date } = input;
  switch (kind) {
    case 'weekly-update':
      return { file: join(dir, `updates/${isoWeek(date) ?? date}-${slugify(input.author) || 'author'}.md`) };
    case 'intent-brief':
      return { file: join(dir, `briefs/${date}-${slugify(input.title) || 'brief'}.md`) };
    case 'retrospective':
      return { file: join(dir, `retros/${date}-${slugify(input.title) || 'retrospective'}.md`) };
    case 'working-agreement': {
      const fallback = join(dir, 'working-agreement.md');
      if (input.workingAgreement === undefined || input.workingAgreement.trim() === '') return { file: fallback };
      const linked = workspacePath(input.workingAgreement);
      if (linked && /\.[^/.]+$/.test(linked)) return { file: linked };
      return {
        file: fallback,
        note:
          `The team file's workingAgreement "${input.workingAgreement}" is not a file path inside the workspace folder, ` +
          `so the agreement goes to ${fallback}.`,
      };
    }
  }
}

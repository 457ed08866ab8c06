// A new ritual file: its path, its text (a team's template or the built-in one, placeholders filled)
// and where the cursor goes. The caller writes it without overwriting anything.
import type { Problem } from '../shared/problem';
import type { Team } from '../team/types';
import { lineContent } from '../shared/text';
import { coreHoursText, responseTimesText } from './coreHours';
import { RITUAL_NAMES, type RitualKind } from './kinds';
import { isoWeek, ritualFile } from './naming';
import { fillPlaceholders } from './placeholders';
import { builtInTemplate } from './templates';

export interface RitualInput {
  kind: RitualKind;
  /** The author's local date, YYYY-MM-DD. */
  date: string;
  /** The author's zone (IANA): core hours are searched from their day's midnight. */
  zone: string;
  /** GitHub login (or user name). */
  author: string;
  /** Intent brief and retrospective: as the user typed it. The other kinds derive theirs. */
  title?: string;
  /** The team's name: the team file's `team`, else the workspace folder's name. */
  teamName: string;
  /** The parsed team file, or null when there is none. */
  team: Team | null;
  /** Root-relative paths: the team file and asyncDesk.recordsDir. */
  teamFile: string;
  recordsDir: string;
}

export interface RitualPlan {
  /** Root-relative path of the new file. */
  file: string;
  text: string;
  title: string;
  /** 0-based position of the first thing to fill in. */
  cursor: { line: number; character: number };
  /** Unknown placeholders in the template (at the template's lines), and path notes. */
  problems: Problem[];
}

/** The title a ritual's heading and {{title}} get. */
export function ritualTitle(input: Pick<RitualInput, 'kind' | 'date' | 'author' | 'title' | 'teamName'>): string {
  const typed = input.title?.replace(/\s+/g, ' ').trim();
  switch (input.kind) {
    case 'weekly-update':
      return `Weekly update ${isoWeek(input.date) ?? input.date}: ${input.author}`;
    case 'working-agreement':
      return `${input.teamName || 'Team'} working agreement`;
    case 'intent-brief':
      return typed || 'Intent brief';
    case 'retrospective':
      return typed || 'Retrospective';
  }
}

/**
 * Plans a new ritual file. `template` is the team's docs/templates/<kind>.md (text and root-relative
 * path) when there is one; otherwise the built-in template is used.
 */
export function planRitual(input: RitualInput, template?: { file: string; text: string }): RitualPlan {
  const title = ritualTitle(input);
  const { file, note } = ritualFile(input.kind, {
    recordsDir: input.recordsDir,
    date: input.date,
    author: input.author,
    title,
    workingAgreement: input.team?.workingAgreement,
  });
  const source = template ?? { file: `built-in ${RITUAL_NAMES[input.kind]} template`, text: builtInTemplate(input.kind) };
  const { text, problems } = fillPlaceholders(
    source.text,
    {
      date: input.date,
      week: isoWeek(input.date) ?? '',
      author: input.author,
      title,
      team: input.teamName,
      coreHours: () => coreHoursText({ team: input.team, teamFile: input.teamFile, date: input.date, zone: input.zone }),
      responseTimes: () => responseTimesText(input.team, input.teamFile),
    },
    source.file,
  );
  if (note) problems.push({ file: input.teamFile, line: 0, severity: 'warning', code: 'working-agreement-path', message: note });
  return { file, text, title, cursor: firstFillPosition(text), problems };
}

const EMPTY_ITEM = /^\s*(?:[-*+]|\d+[.)])(?:\s+\[[ xX]?\])?\s*$/;
const COMMENT = /^\s*<!--.*-->\s*$/;

/**
 * The first thing to fill in: in the first section (## heading) that has nothing written yet, its
 * first empty list item (cursor at the end) or blank line. Hints in HTML comments do not count as
 * written. Falls back to the line after the title, then to the start of the body.
 */
export function firstFillPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n').map(lineContent);
  let i = 0;
  if (lines[0]?.replace(/^\uFEFF/, '') === '---') {
    const close = lines.findIndex((l, n) => n > 0 && (l === '---' || l === '...'));
    if (close > 0) i = close + 1;
  }
  const bodyStart = Math.min(i, Math.max(0, lines.length - 1));
  let title: number | null = null;
  for (; i < lines.length; i++) {
    if (/^#\s/.test(lines[i]!) && title === null) title = i;
    if (!/^##\s/.test(lines[i]!)) continue;
    let slot: { line: number; character: number } | null = null;
    let written = false;
    for (let j = i + 1; j < lines.length && !/^#{1,2}\s/.test(lines[j]!); j++) {
      const line = lines[j]!;
      if (COMMENT.test(line)) continue;
      if (EMPTY_ITEM.test(line) || line.trim() === '') slot ??= { line: j, character: line.length };
      else {
        written = true;
        break;
      }
    }
    if (slot && !written) return slot;
  }
  if (title !== null && title + 1 < lines.length) return { line: title + 1, character: 0 };
  return { line: bodyStart, character: 0 };
}

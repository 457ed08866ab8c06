// Records an issue opened for a decision (SPEC §2.2 `issues`, issue 5): the number joins the
// front-matter `issues` list (native records) and a bullet joins the Follow-ups section (all formats;
// the section is added at the end when missing). Every other byte stays as it was.
import { addFrontMatterListValue, analyzeForEdit, insertBlock } from './edit';
import type { DecisionRecord } from './types';

export function linkIssueToRecord(
  text: string,
  record: Pick<DecisionRecord, 'file' | 'folder'>,
  issue: { number: number; url: string; title: string },
): string {
  const ref = `#${issue.number}`;
  let a = analyzeForEdit(text, record);
  let out = text;
  if (a.record.format === 'madr' && !a.record.issues.includes(ref)) {
    out = addFrontMatterListValue(a, 'issues', ref);
    a = analyzeForEdit(out, record);
  }
  if (out.includes(`](${issue.url})`)) return out; // already listed
  const bullet = `- [${ref}](${issue.url}) ${issue.title.replace(/\s+/g, ' ').trim()}`;
  const section = a.record.sections.find((s) => /^follow[- ]?ups?\b/i.test(s.heading));
  if (!section) return insertBlock(a, a.lines.length, ['## Follow-ups', '', bullet]);
  let last = section.line;
  for (let i = section.line + 1; i < section.endLine && i < a.lines.length; i++) if (a.lines[i]!.trim() !== '') last = i;
  // An empty section (or one holding only a placeholder comment) gets the bullet right under its heading.
  return last === section.line ? insertBlock(a, section.line + 1, [bullet]) : insertBlock(a, last + 1, [bullet], false);
}

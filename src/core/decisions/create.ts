// New records and supersede, written in the folder's format: native (MADR 4 front matter and our
// sections), adr-tools' own template, or log4brains' MADR 2 template.
import { posix } from 'node:path';
import { lineContent, pad, slugify } from '../shared/text';
import { addFrontMatterListValue, addRelationLine, analyzeForEdit, writeStatus, yamlScalar } from './edit';
import { analyze } from './parse';
import { parseFileName } from './recordFields';
import { statusWord } from './status';
import type { DecisionFolder, DecisionRecord, FileChange, NewRecordInput, RecordFormat } from './types';

/** Sections of a native record, in order. */
export const NATIVE_SECTIONS = ['Context', 'Options considered', 'Decision', 'Rationale', 'Trade-offs', 'Review trigger', 'Follow-ups'];

interface PlannedRecord {
  file: string;
  number: number | null;
  title: string;
  format: RecordFormat;
  text: string;
}

function joinDir(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

function relativeHref(fromFile: string, toFile: string): string {
  const rel = posix.relative(posix.dirname(fromFile), toFile);
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** Link text for a record in another record written in `format`: adr-tools "7. Title", log4brains the file stem. */
function linkText(target: Pick<DecisionRecord, 'file' | 'number' | 'title' | 'format'>, format: RecordFormat): string {
  if (format === 'log4brains') return parseFileName(target.file).stem;
  const title = target.title.replace(/[[\]]/g, '\\$&');
  return target.number !== null ? `${target.number}. ${title}` : title;
}

/** The next free number in a folder: max + 1. */
export function nextNumber(folderDir: string, existing: readonly DecisionRecord[]): number {
  let max = 0;
  for (const r of existing) if (r.folder === folderDir && r.number !== null && r.number > max) max = r.number;
  return max + 1;
}

function planRecord(folder: DecisionFolder, existing: readonly DecisionRecord[], input: NewRecordInput, template?: string): PlannedRecord {
  const title = input.title.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  const slug = slugify(title) || 'decision';
  const status = input.status ?? 'proposed';
  let number: number | null = null;
  let file: string;
  if (folder.format === 'log4brains') {
    const stem = `${input.date.replace(/-/g, '')}-${slug}`;
    const taken = new Set(existing.map((r) => r.file));
    file = joinDir(folder.dir, `${stem}.md`);
    for (let n = 2; taken.has(file); n++) file = joinDir(folder.dir, `${stem}-${n}.md`);
  } else {
    number = nextNumber(folder.dir, existing);
    file = joinDir(folder.dir, `${pad(number)}-${slug}.md`);
  }
  const supersedes = [...new Set(input.supersedes ?? [])];
  const deciders = input.decisionMakers?.length ? input.decisionMakers : input.owner ? [input.owner] : [];

  let text: string;
  if (template !== undefined) {
    const values: Record<string, string> = {
      title,
      date: input.date,
      owner: input.owner ?? '',
      status: statusWord(status, folder.format),
      number: number === null ? '' : String(number),
    };
    text = template.replace(/\{\{\s*(title|date|owner|status|number)\s*\}\}/g, (_m, key: string) => values[key]!);
  } else if (folder.format === 'nygard') {
    // adr-tools' template.md with NUMBER, TITLE, DATE and STATUS filled in.
    text = [
      `# ${number}. ${title}`,
      '',
      `Date: ${input.date}`,
      '',
      '## Status',
      '',
      statusWord(status, 'nygard'),
      '',
      '## Context',
      '',
      'The issue motivating this decision, and any context that influences or constrains the decision.',
      '',
      '## Decision',
      '',
      "The change that we're proposing or have agreed to implement.",
      '',
      '## Consequences',
      '',
      'What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.',
      '',
    ].join('\n');
  } else if (folder.format === 'log4brains') {
    // log4brains' MADR 2 template, metadata filled in.
    text = [
      `# ${title}`,
      '',
      `- Status: ${status}`,
      ...(deciders.length ? [`- Deciders: ${deciders.join(', ')}`] : []),
      `- Date: ${input.date}`,
      '',
      '## Context and Problem Statement',
      '',
      '[Describe the context and problem statement, e.g., in free form using two to three sentences. ' +
        'You may want to articulate the problem in form of a question.]',
      '',
      '## Decision Drivers',
      '',
      '- [driver 1, e.g., a force, facing concern, …]',
      '- …',
      '',
      '## Considered Options',
      '',
      '- [option 1]',
      '- [option 2]',
      '- …',
      '',
      '## Decision Outcome',
      '',
      'Chosen option: "[option 1]", because [justification. e.g., only option, which meets k.o. criterion decision driver | ' +
        'which resolves force force | … | comes out best (see below)].',
      '',
      '### Positive Consequences',
      '',
      '- [e.g., improvement of quality attribute satisfaction, follow-up decisions required, …]',
      '- …',
      '',
      '### Negative Consequences',
      '',
      '- [e.g., compromising quality attribute, follow-up decisions required, …]',
      '- …',
      '',
    ].join('\n');
  } else {
    const list = (xs: string[]) => `[${xs.map(yamlScalar).join(', ')}]`;
    const hrefs = supersedes.map((s) => posix.relative(posix.dirname(file), s));
    text = [
      '---',
      `status: ${status}`,
      `date: ${input.date}`,
      `decision-makers: ${list(deciders)}`,
      'consulted: []',
      'informed: []',
      input.owner ? `owner: ${yamlScalar(input.owner)}` : 'owner:',
      input.reviewBy ? `review-by: ${input.reviewBy}` : 'review-by:',
      ...(hrefs.length === 1 ? [`supersedes: ${yamlScalar(hrefs[0]!)}`] : hrefs.length > 1 ? [`supersedes: ${list(hrefs)}`] : []),
      '---',
      '',
      `# ${title}`,
      '',
      ...NATIVE_SECTIONS.flatMap((s) => [`## ${s}`, '']),
    ].join('\n');
    return { file, number, title, format: 'madr', text };
  }

  // Links to superseded records, in the format the text turned out to be (a user template may differ).
  const format = analyze(text, file, folder.dir).record.format;
  for (const target of supersedes) {
    const a = analyzeForEdit(text, { file, folder: folder.dir });
    const record = existing.find((r) => r.file === target) ?? fallbackRecord(target);
    if (format === 'madr') text = addFrontMatterListValue(a, 'supersedes', posix.relative(posix.dirname(file), target), 'status');
    else text = addRelationLine(a, format === 'nygard' ? 'Supercedes' : 'Supersedes', linkText(record, format), relativeHref(file, target));
  }
  return { file, number, title, format, text };
}

function fallbackRecord(file: string): Pick<DecisionRecord, 'file' | 'number' | 'title' | 'format'> {
  const names = parseFileName(file);
  return { file, number: names.number, title: names.stem, format: 'madr' };
}

/**
 * A new record in `folder`: the next free number (max + 1, four digits) or, for log4brains, a
 * `YYYYMMDD-slug.md` name. `template` is a user's docs/templates/decision.md with {{title}}, {{date}},
 * {{owner}}, {{status}} and {{number}} placeholders.
 */
export function createRecord(folder: DecisionFolder, existing: DecisionRecord[], input: NewRecordInput, template?: string): FileChange {
  const planned = planRecord(folder, existing, input, template);
  return { file: planned.file, text: planned.text, create: true };
}

/** 0-based line for the cursor in a new record: the first line of the Context section's body. */
export function contextLine(text: string): number {
  const a = analyze(text, 'new.md', '');
  const context = a.record.sections.find((s) => /^context\b/i.test(s.heading));
  if (!context) return a.titleLine !== null ? Math.min(a.titleLine + 1, a.lines.length - 1) : 0;
  for (let i = context.line + 1; i < context.endLine && i < a.lines.length; i++) {
    if (lineContent(a.lines[i]!).trim() !== '') return i;
  }
  return Math.min(context.line + 1, a.lines.length - 1);
}

/**
 * Supersedes oldRecord with a new record (status proposed) in `folder`, linked both ways: the new one
 * gets `supersedes` / "Supercedes [..](..)" / a Links bullet; the old one becomes superseded with a link back.
 * Returns [the new record (create), the rewritten old record].
 */
export function supersede(oldRecord: DecisionRecord, oldText: string, folder: DecisionFolder, existing: DecisionRecord[], input: NewRecordInput): FileChange[] {
  const planned = planRecord(folder, existing, {
    ...input,
    status: 'proposed',
    supersedes: [oldRecord.file, ...(input.supersedes ?? []).filter((f) => f !== oldRecord.file)],
  });
  const a = analyzeForEdit(oldText, oldRecord);
  const format = a.record.format;
  const newRef = { file: planned.file, number: planned.number, title: planned.title, format: planned.format };
  let text: string;
  if (format === 'madr') {
    text = a.record.status === 'superseded' ? oldText : writeStatus(a, statusWord('superseded', 'madr', a.record.rawStatus));
    text = addFrontMatterListValue(analyzeForEdit(text, oldRecord), 'superseded-by', posix.relative(posix.dirname(oldRecord.file), planned.file), 'status');
  } else {
    // adr-tools: the status line becomes "Superceded by [N. Title](NNNN-title.md)"; log4brains: "superseded by [stem](file.md)".
    const word = `${statusWord('superseded', format, a.record.rawStatus || null)} by`;
    text = writeStatus(a, `${word} [${linkText(newRef, format)}](${relativeHref(oldRecord.file, planned.file)})`);
  }
  return [
    { file: planned.file, text: planned.text, create: true },
    { file: oldRecord.file, text },
  ];
}

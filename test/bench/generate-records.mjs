// Writes a synthetic decision-record corpus for `npm run bench`: `count` records in the three
// formats of SPEC §2.2, spread like a large monorepo's: native MADR records in docs/decisions,
// adr-tools (Nygard) records in the category folder docs/decisions/platform, log4brains records in
// docs/decisions/web. About a fifth link to another record (supersedes / superseded-by).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STATUSES = ['proposed', 'accepted', 'accepted', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
const WORDS =
  'use adopt replace migrate split merge cache queue ledger postgres kafka grpc rest graphql redis s3 terraform helm feature flags tracing metrics logs retries idempotency keys'.split(
    ' ',
  );

const pad = (n, w = 4) => String(n).padStart(w, '0');
const pick = (arr, i) => arr[i % arr.length];
const date = (i) => {
  const d = new Date(Date.UTC(2019, 0, 1) + (i % 2500) * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const titleOf = (i) => `${pick(WORDS, i)} ${pick(WORDS, i * 7 + 3)} for ${pick(WORDS, i * 13 + 5)} ${i}`.replace(/^./, (c) => c.toUpperCase());
const slugOf = (title) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const paragraph = (i) =>
  Array.from(
    { length: 6 },
    (_, k) => `The ${pick(WORDS, i + k)} service needs ${pick(WORDS, i * 3 + k)} because ${pick(WORDS, i * 5 + k)} load grows (see #${(i + k) % 900}).`,
  ).join(' ');

function native(i, n, linkTo) {
  const status = pick(STATUSES, i);
  const title = titleOf(i);
  const lines = [
    '---',
    `status: ${status}`,
    `date: ${date(i)}`,
    `decision-makers: [${pick(PEOPLE, i)}, ${pick(PEOPLE, i + 3)}]`,
    `consulted: [${pick(PEOPLE, i + 5)}]`,
    'informed: []',
    `owner: ${pick(PEOPLE, i)}`,
    `review-by: ${date(i + 365)}`,
    'review-trigger: Load doubles or a second region',
    ...(linkTo ? [`supersedes: ["${linkTo}"]`] : []),
    `issues: ["#${i % 500}"]`,
    '---',
    `# ${title}`,
    '',
    '## Context',
    '',
    paragraph(i),
    '',
    '## Options considered',
    '',
    `### ${pick(WORDS, i)}`,
    '',
    paragraph(i + 1),
    '',
    '## Decision',
    '',
    `We ${pick(WORDS, i)} ${pick(WORDS, i + 2)}.`,
    '',
    '## Rationale',
    '',
    paragraph(i + 2),
    '',
  ];
  return { file: `${pad(n)}-${slugOf(title)}.md`, text: lines.join('\n') };
}

function nygard(i, n, linkTo) {
  const status = pick(['Accepted', 'Proposed', 'Deprecated', 'Accepted'], i);
  const title = titleOf(i);
  const lines = [
    `# ${n}. ${title}`,
    '',
    `Date: ${date(i)}`,
    '',
    '## Status',
    '',
    status,
    ...(linkTo ? ['', `Supercedes [${linkTo.replace(/\.md$/, '')}](${linkTo})`] : []),
    '',
    '## Context',
    '',
    paragraph(i),
    '',
    '## Decision',
    '',
    paragraph(i + 1),
    '',
    '## Consequences',
    '',
    paragraph(i + 2),
    '',
  ];
  return { file: `${pad(n)}-${slugOf(title)}.md`, text: lines.join('\n') };
}

function log4brains(i) {
  const title = titleOf(i);
  const d = date(i);
  const lines = [
    `# ${title}`,
    '',
    `- Status: ${pick(['accepted', 'proposed', 'rejected', 'accepted'], i)}`,
    `- Deciders: ${pick(PEOPLE, i)}, ${pick(PEOPLE, i + 1)}`,
    `- Date: ${d}`,
    `- Tags: ${pick(WORDS, i)}, ${pick(WORDS, i + 4)}`,
    '',
    '## Context and Problem Statement',
    '',
    paragraph(i),
    '',
    '## Decision Outcome',
    '',
    paragraph(i + 1),
    '',
  ];
  return { file: `${d.replace(/-/g, '')}-${slugOf(title)}.md`, text: lines.join('\n') };
}

/** Writes the corpus under root; returns { count, dirs, sample } (sample: one native record for the re-index bench). */
export function generateRecords(root, count = 10_000) {
  const dirs = { native: 'docs/decisions', nygard: 'docs/decisions/platform', log4brains: 'docs/decisions/web' };
  for (const dir of Object.values(dirs)) mkdirSync(join(root, dir), { recursive: true });
  const perFormat = { native: 0, nygard: 0, log4brains: 0 };
  const previous = { native: null, nygard: null };
  let sample;
  for (let i = 0; i < count; i++) {
    const kind = i % 3 === 0 ? 'native' : i % 3 === 1 ? 'nygard' : 'log4brains';
    const n = ++perFormat[kind];
    const linkTo = i % 5 === 0 && kind !== 'log4brains' ? previous[kind] : null;
    const record = kind === 'native' ? native(i, n, linkTo) : kind === 'nygard' ? nygard(i, n, linkTo) : log4brains(i);
    if (kind !== 'log4brains') previous[kind] = record.file;
    writeFileSync(join(root, dirs[kind], record.file), record.text);
    if (kind === 'native' && !sample && i > 100) sample = { file: `${dirs.native}/${record.file}`, folder: dirs.native, text: record.text };
  }
  writeFileSync(join(root, dirs.native, 'README.md'), '# Decisions\n\n<!-- async-desk:index -->\n<!-- async-desk:index -->\n');
  return { count, dirs, perFormat, sample };
}

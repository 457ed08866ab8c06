// SPEC §5 fuzzing bar for templates: 10,000 random and mutated inputs for each parser (issue forms,
// Markdown templates, config.yml): no throw escapes, every problem has a line inside the file. What
// survives must be usable: answers are checked and bodies rendered for some of them. Deterministic: a
// seeded PRNG names the failing input.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  buildIssueRequest,
  parseIssueForm,
  parseMarkdownTemplate,
  parseTemplateConfig,
  renderIssueBody,
  validateAnswers,
  withTitlePrefix,
  type Answers,
  type IssueTemplate,
  type Problem,
} from '../../../src/core/issues';
import { prng } from '../decisions/helpers';
import { fuzzText } from '../fuzzInputs';
import { FORM_CORPUS } from './helpers';

const PIECES = [
  'name: ',
  'description: ',
  'title: ',
  'labels: ',
  'assignees: ',
  'projects: ',
  'type: ',
  'body:',
  '\n',
  '\r\n',
  '  - ',
  '    ',
  '      ',
  ' ',
  '\t',
  '#',
  'type: input',
  'type: textarea',
  'type: dropdown',
  'type: checkboxes',
  'type: markdown',
  'type: slider',
  'id: ',
  'attributes:',
  'validations:',
  'required: true',
  'required: yes',
  'label: ',
  'value: ',
  'placeholder: ',
  'render: ',
  'options:',
  'multiple: true',
  'default: ',
  '0',
  '9',
  '-1',
  '- label: ',
  'None',
  'blank_issues_enabled: ',
  'contact_links:',
  'url: ',
  'about: ',
  'https://x.example',
  '---',
  '---\n',
  '...',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '"',
  "'",
  ':',
  '- ',
  '|',
  '>',
  '&a ',
  '*a',
  '!!str ',
  '%YAML 1.1\n---\n',
  '<<: ',
  '?',
  'null',
  '~',
  'true',
  'octo/1',
  '@alice',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '😀',
  'é',
  '\u2028',
  '\\',
  // Upload fields, title prefixes, form assignees (case variants), contact links without url.
  'type: upload',
  'description: ',
  'title: "[bug] "',
  "title: '[crash]: '",
  'assignees: [alice, Alice, "@bob"]',
  '  - name: Forum\n    about: Ask\n',
];

/** Shapes the seed files lack: an upload (required and not), a title prefix, assignees that repeat in
 *  another case; config.yml with a contact link without url. */
const EXTRA_FORMS = [
  [
    'name: Crash',
    'description: D',
    'title: "[crash] "',
    'assignees: [triage-bot, Alice, alice]',
    'body:',
    '  - type: upload',
    '    id: shots',
    '    attributes:',
    '      label: Screenshots',
    '      description: Drop them.',
    '    validations:',
    '      required: true',
    '  - type: upload',
    '    attributes: { label: Logs }',
    '  - type: dropdown',
    '    id: os',
    '    attributes: { label: OS, options: [Linux, macOS] }',
  ].join('\n'),
];
const EXTRA_CONFIGS = [
  [
    'blank_issues_enabled: false',
    'contact_links:',
    '  - name: Forum',
    '    about: Ask there',
    '  - name: Chat',
    '    url: https://chat.example',
    '    about: Ask',
    '  - { name: Empty, url: "", about: x }',
  ].join('\n'),
];

const { randomText, mutate } = fuzzText({
  pieces: PIECES,
  maxPieces: 50,
  pieceShare: 0.7,
  unicodeShare: 0.85,
  maxEdits: 5,
  maxDelete: 30,
  maxRepeat: 30,
  maxInsert: 40,
});

function seeds(ext: RegExp): string[] {
  const dirs = ['demo/.github/ISSUE_TEMPLATE', 'test/fixtures/workspace/.github/ISSUE_TEMPLATE'];
  const files = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => ext.test(f))
      .map((f) => path.join(d, f)),
  );
  if (ext.test('form.yml'))
    files.push(
      ...readdirSync(FORM_CORPUS, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => path.join(FORM_CORPUS, d.name, 'form.yml')),
    );
  return files.map((f) => readFileSync(f, 'utf8'));
}

/** A small form cut from a seed: one or two body elements, under the seed's top keys or minimal ones,
 *  now and then the whole seed. yaml's parse dominates (~0.2 ms for 700 characters, measured), so
 *  small inputs keep 10,000 of them near 2 s. */
function cut(seed: string, rand: () => number): string {
  if (rand() < 0.05) return seed;
  const lines = seed.split('\n');
  const bodyAt = lines.findIndex((l) => l.startsWith('body:'));
  const starts = lines.map((l, i) => (/^ {2}- /.test(l) ? i : -1)).filter((i) => i > bodyAt);
  if (bodyAt < 0 || starts.length === 0) return seed;
  const first = Math.floor(rand() * starts.length);
  const last = Math.min(starts.length, first + (rand() < 0.3 ? 2 : 1));
  const elements = lines.slice(starts[first], last < starts.length ? starts[last] : undefined);
  const head = rand() < 0.2 ? lines.slice(0, bodyAt + 1) : ['name: N', 'description: D', 'body:'];
  return [...head, ...elements].join('\n');
}

/** Some answers for whatever fields survived: options, garbage, and nothing. */
function answersFor(t: IssueTemplate, rand: () => number): Answers {
  const answers: Answers = {};
  for (const f of t.fields) {
    if (f.type === 'markdown' || rand() < 0.3) continue;
    if (f.type === 'dropdown') answers[f.id] = f.multiple ? f.options.filter(() => rand() < 0.5) : (f.options[0] ?? 'x');
    else if (f.type === 'checkboxes') answers[f.id] = f.options.filter(() => rand() < 0.5).map((o) => o.label);
    else answers[f.id] = rand() < 0.5 ? randomText(rand) : '';
  }
  if (rand() < 0.1) answers.unknown = ['x'];
  return answers;
}

function checkProblems(problems: Problem[], text: string, where: () => string): void {
  const lineCount = text.split('\n').length;
  for (const p of problems) {
    const ok =
      Number.isInteger(p.line) &&
      p.line >= 0 &&
      p.line < lineCount &&
      (p.column === undefined || (Number.isInteger(p.column) && p.column >= 0)) &&
      (p.endColumn === undefined || p.endColumn > p.column!) &&
      !!p.code &&
      !!p.message &&
      p.code !== 'internal-error';
    if (!ok) assert.fail(`${where()}: problem ${JSON.stringify(p)}`);
  }
}

function fuzz<T>(
  name: string,
  seedTexts: string[],
  seed: number,
  parse: (text: string) => T,
  check: (result: T, text: string, where: () => string, rand: () => number) => number,
  shrink: (text: string, rand: () => number) => string = (text) => text,
): void {
  it(`${name}: survives 10,000 random and mutated inputs with a line on every problem`, () => {
    const rand = prng(seed);
    let problems = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = rand();
      const seedText = shrink(seedTexts[Math.floor(rand() * seedTexts.length)]!, rand);
      const text = r < 0.25 ? randomText(rand) : r < 0.3 ? seedText : mutate(seedText, rand);
      const where = () => `${name} input #${i}: ${JSON.stringify(text).slice(0, 400)}`;
      let result: T;
      try {
        result = parse(text);
      } catch (error) {
        assert.fail(`${where()} threw ${(error as Error).stack}`);
      }
      problems += check(result, text, where, rand);
    }
    assert.ok(problems > 5_000, `only ${problems} problems: the inputs do not exercise the checks`);
  });
}

describe('template parsers fuzz', function () {
  this.timeout(120_000);
  let usable = 0;

  fuzz(
    'parseIssueForm',
    [...seeds(/\.ya?ml$/), ...EXTRA_FORMS],
    20261125,
    (text) => parseIssueForm(text, '.github/ISSUE_TEMPLATE/f.yml'),
    (t, text, where, rand) => {
      checkProblems(t.problems, text, where);
      const lineCount = text.split('\n').length;
      const ids = new Set<string>();
      for (const f of t.fields) {
        if (f.line < 0 || f.line >= lineCount) assert.fail(`${where()}: field line ${f.line}`);
        if (f.type === 'markdown') continue;
        if (!f.id || ids.has(f.id)) assert.fail(`${where()}: field id "${f.id}"`);
        ids.add(f.id);
      }
      if (ids.size > 0) {
        usable++;
        // What survives parsing must be answerable and renderable.
        const answers = answersFor(t, rand);
        validateAnswers(t, 'T', answers);
        const body = renderIssueBody(t, answers);
        if (!body.startsWith('### ')) assert.fail(`${where()}: body ${JSON.stringify(body).slice(0, 200)}`);
        // An upload never takes an answer nor blocks (required or not), and is "_No response_".
        const uploads = t.fields.filter((f) => f.type === 'upload');
        const blocked = validateAnswers(t, 'T', {}).filter((e) => uploads.some((u) => 'id' in u && u.id === e.field));
        if (blocked.length) assert.fail(`${where()}: an upload blocked: ${JSON.stringify(blocked)}`);
        for (const u of uploads)
          if (!renderIssueBody(t, {}).includes(`### ${u.type === 'upload' ? u.label : ''}\n\n_No response_`)) assert.fail(`${where()}: upload body`);
        // The owner first, then the form's assignees, each login once whatever its case.
        const assignees = buildIssueRequest({ template: t, title: 'T', answers: {}, owner: 'Owner' }).assignees;
        if (assignees[0] !== 'Owner' || new Set(assignees.map((a) => a.toLowerCase())).size !== assignees.length)
          assert.fail(`${where()}: assignees ${JSON.stringify(assignees)}`);
        // The title prefix is put in front once.
        const titled = withTitlePrefix(t.title, 'Zq9 title');
        if (t.title.trim() && (!titled.startsWith(t.title) || withTitlePrefix(t.title, titled) !== titled))
          assert.fail(`${where()}: title ${JSON.stringify(titled)}`);
      }
      return t.problems.length;
    },
    cut,
  );

  fuzz(
    'parseMarkdownTemplate',
    seeds(/\.md$/),
    20261126,
    (text) => parseMarkdownTemplate(text, '.github/ISSUE_TEMPLATE/t.md'),
    (t, text, where) => {
      checkProblems(t.problems, text, where);
      if (renderIssueBody(t, {}) !== t.body) assert.fail(`${where()}: body`);
      return t.problems.length;
    },
  );

  fuzz(
    'parseTemplateConfig',
    [...seeds(/^config\.ya?ml$/), ...EXTRA_CONFIGS],
    20261127,
    (text) => parseTemplateConfig(text, '.github/ISSUE_TEMPLATE/config.yml'),
    (c, text, where) => {
      checkProblems(c.problems, text, where);
      for (const l of c.contactLinks) if (!l.name || !/^https?:\/\//.test(l.url) || !l.about) assert.fail(`${where()}: link ${JSON.stringify(l)}`);
      // A broken contact link is left out with a warning, never an error (github.com still shows the chooser).
      for (const p of c.problems) if (p.code === 'bad-contact-link' && p.severity !== 'warning') assert.fail(`${where()}: ${JSON.stringify(p)}`);
      return c.problems.length;
    },
  );

  it('many fuzzed forms stay usable (the checks above ran on them)', () => {
    assert.ok(usable > 2_000, `${usable} usable forms`);
  });
});

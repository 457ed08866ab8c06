// The body github.com writes for form answers, byte for byte: every case of the corpus in
// test/fixtures/issue-forms (form.yml + answers.json -> expected.md), plus the rules one at a time.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  BUILT_IN_TEMPLATES,
  NO_DROPDOWN_CHOICE,
  NO_RESPONSE,
  parseIssueForm,
  parseMarkdownTemplate,
  renderIssueBody,
  validateAnswers,
  type Answers,
  type FormField,
} from '../../../src/core/issues';
import { FORM_CORPUS, formWith } from './helpers';

const cases = readdirSync(FORM_CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('renderIssueBody: the corpus', () => {
  it('has a case for every field type and attribute', () => {
    const fields: FormField[] = cases.flatMap((c) => parseIssueForm(readFileSync(path.join(FORM_CORPUS, c, 'form.yml'), 'utf8'), `${c}.yml`).fields);
    const seen = new Set<string>();
    for (const f of fields) {
      seen.add(f.type);
      for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)) seen.add(`${f.type}.${k}`);
      if (f.type === 'checkboxes' && f.options.some((o) => o.required)) seen.add('checkboxes.option-required');
    }
    const wanted = [
      'markdown',
      'input',
      'textarea',
      'dropdown',
      'checkboxes',
      'upload',
      'input.value',
      'input.placeholder',
      'input.description',
      'input.required',
      'textarea.value',
      'textarea.placeholder',
      'textarea.render',
      'textarea.required',
      'dropdown.multiple',
      'dropdown.default',
      'dropdown.required',
      'checkboxes.option-required',
      'checkboxes.description',
      'upload.description',
      'upload.required',
    ];
    assert.deepEqual(
      wanted.filter((w) => !seen.has(w)),
      [],
    );
    assert.ok(cases.length >= 8, cases.join(', '));
  });

  for (const name of cases) {
    it(`${name}: byte for byte`, () => {
      const dir = path.join(FORM_CORPUS, name);
      const template = parseIssueForm(readFileSync(path.join(dir, 'form.yml'), 'utf8'), `.github/ISSUE_TEMPLATE/${name}.yml`);
      assert.deepEqual(template.problems, []);
      const answers = JSON.parse(readFileSync(path.join(dir, 'answers.json'), 'utf8')) as Answers;
      // The corpus answers are complete: they would pass the form's checks.
      assert.deepEqual(validateAnswers(template, 'A title', answers), []);
      const expected = readFileSync(path.join(dir, 'expected.md'), 'utf8');
      assert.equal(renderIssueBody(template, answers), expected);
    });
  }
});

describe('renderIssueBody: rules', () => {
  const form = (...body: string[]) => parseIssueForm(formWith(...body), 'f.yml');

  it('markdown fields write nothing; sections are joined by one blank line, with no newline at the end', () => {
    const t = form(
      '  - type: markdown',
      '    attributes: { value: Intro }',
      '  - type: input',
      '    id: a',
      '    attributes: { label: A }',
      '  - type: input',
      '    id: b',
      '    attributes: { label: B }',
    );
    assert.equal(renderIssueBody(t, { a: '1', b: '2' }), '### A\n\n1\n\n### B\n\n2');
  });

  it('checkboxes are "- [x]" (lower case, as the issue asks) and "- [ ]", every option listed', () => {
    const t = form('  - type: checkboxes', '    id: c', '    attributes:', '      label: C', '      options: [{ label: One }, { label: Two }]');
    assert.equal(renderIssueBody(t, { c: ['Two'] }), '### C\n\n- [ ] One\n- [x] Two');
    assert.equal(renderIssueBody(t, {}), '### C\n\n- [ ] One\n- [ ] Two');
  });

  it('an empty rendered textarea is _No response_, not an empty fence', () => {
    const t = form('  - type: textarea', '    id: log', '    attributes: { label: Log, render: shell }');
    assert.equal(renderIssueBody(t, { log: '' }), '### Log\n\n_No response_');
    assert.equal(renderIssueBody(t, { log: 'x' }), '### Log\n\n```shell\nx\n```');
  });

  it('an unanswered dropdown is "None" (single and multiple, optional, with or without a default), not _No response_', () => {
    const t = form(
      '  - type: dropdown',
      '    id: one',
      '    attributes: { label: One, options: [A, B] }',
      '  - type: dropdown',
      '    id: many',
      '    attributes: { label: Many, multiple: true, options: [A, B] }',
      '  - type: dropdown',
      '    id: def',
      '    attributes: { label: Def, options: [A, B], default: 1 }',
      '  - type: input',
      '    id: text',
      '    attributes: { label: Text }',
    );
    assert.deepEqual(t.problems, []);
    assert.equal(renderIssueBody(t, { one: '', many: [], def: '' }), '### One\n\nNone\n\n### Many\n\nNone\n\n### Def\n\nNone\n\n### Text\n\n_No response_');
    assert.equal(NO_DROPDOWN_CHOICE, 'None');
    // Untouched: the default counts as the answer; chosen options as before.
    assert.equal(renderIssueBody(t, { one: 'B', many: ['B', 'A'] }), '### One\n\nB\n\n### Many\n\nA, B\n\n### Def\n\nB\n\n### Text\n\n_No response_');
  });

  it('an upload is _No response_ (the API takes no files), required or not, whatever else is answered', () => {
    const t = form(
      '  - type: upload',
      '    id: shot',
      '    attributes: { label: Screenshot }',
      '    validations: { required: true }',
      '  - type: input',
      '    id: a',
      '    attributes: { label: A }',
    );
    assert.deepEqual(t.problems, []);
    assert.equal(renderIssueBody(t, { a: 'x' }), '### Screenshot\n\n_No response_\n\n### A\n\nx');
    assert.equal(renderIssueBody(t, { a: 'x', shot: '' }), '### Screenshot\n\n_No response_\n\n### A\n\nx');
    assert.equal(NO_RESPONSE, '_No response_');
  });

  it('built-in templates render like any form', () => {
    const blocker = BUILT_IN_TEMPLATES.find((t) => t.key === 'blocker')!;
    assert.equal(
      renderIssueBody(blocker, { blocked: 'Release 2026.12', 'waiting-on': '@carol for staging credentials', impact: 'Blocks one person' }),
      '### What is blocked\n\nRelease 2026.12\n\n### Waiting on\n\n@carol for staging credentials\n\n### Impact\n\nBlocks one person\n\n### Tried so far\n\n_No response_',
    );
  });

  it('Markdown templates: the edited body as is, else the starting text', () => {
    const t = parseMarkdownTemplate('---\nname: N\nabout: A\n---\n\n## Why\n\n', 'x.md');
    assert.equal(renderIssueBody(t, {}), '## Why\n\n');
    assert.equal(renderIssueBody(t, { body: '## Why\r\n\r\nBecause.  ' }), '## Why\r\n\r\nBecause.  ');
  });
});

// Issue forms: every field type and attribute read into the model, and every check github.com applies
// reported at the line it is about.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseIssueForm, templateKey, type FormField } from '../../../src/core/issues';
import { brief, fieldIds, formWith } from './helpers';

const FILE = '.github/ISSUE_TEMPLATE/bug_report.yml';

describe('parseIssueForm', () => {
  it('reads the top-level keys and every field type with its attributes and lines', () => {
    const t = parseIssueForm(readFileSync('test/fixtures/issue-forms/every-type/form.yml', 'utf8'), '.github/ISSUE_TEMPLATE/payout.yml');
    assert.deepEqual(t.problems, []);
    assert.equal(t.kind, 'form');
    assert.equal(t.key, 'payout');
    assert.equal(t.builtIn, false);
    assert.equal(t.name, 'Payout problem');
    assert.equal(t.about, 'A payout was late, wrong or missing.');
    assert.equal(t.title, '[Payout]: ');
    assert.deepEqual(t.labels, ['payouts', 'bug']);
    assert.deepEqual(t.assignees, ['alice']);
    assert.deepEqual(t.projects, ['acme/12']);
    assert.equal(t.type, 'Bug');
    assert.equal(t.body, '');
    const expected: FormField[] = [
      { type: 'markdown', value: 'Use this form for one payout. For an outage, page the on-call engineer.\n', line: 8 },
      { type: 'input', id: 'payout', label: 'Payout id', description: 'From the merchant dashboard.', placeholder: 'po_01JD...', required: true, line: 12 },
      { type: 'input', id: 'merchant', label: 'Merchant', value: 'acme-shop', required: false, line: 20 },
      {
        type: 'textarea',
        id: 'what',
        label: 'What happened?',
        description: 'What did you expect, and what happened instead?',
        placeholder: 'Expected 1,250.00 EUR on Monday, got nothing.',
        required: true,
        line: 25,
      },
      { type: 'textarea', id: 'logs', label: 'Log lines', render: 'shell', required: false, line: 33 },
      { type: 'dropdown', id: 'currency', label: 'Currency', options: ['EUR', 'USD', 'GBP'], multiple: false, default: 0, required: true, line: 38 },
      { type: 'dropdown', id: 'banks', label: 'Banks involved', options: ['Deutsche Bank', 'Chase', 'Barclays'], multiple: true, required: false, line: 46 },
      {
        type: 'checkboxes',
        id: 'checks',
        label: 'Checks',
        description: 'Before you send it.',
        options: [
          { label: 'I looked up the payout in the ledger.', required: true },
          { label: 'The merchant was told.', required: false },
        ],
        required: true,
        line: 55,
      },
    ];
    assert.deepEqual(t.fields, expected);
  });

  it('labels and assignees as lists or comma-separated strings; projects OWNER/NUMBER', () => {
    const t = parseIssueForm(
      [
        'name: N',
        'description: D',
        'labels: bug, triage ,, needs info',
        'assignees: "@alice, bob"',
        'projects: octo-org/1, octo-org/44',
        'body:',
        '  - type: input',
        '    attributes: { label: L }',
      ].join('\n'),
      FILE,
    );
    assert.deepEqual(t.problems, []);
    assert.deepEqual(t.labels, ['bug', 'triage', 'needs info']);
    assert.deepEqual(t.assignees, ['alice', 'bob']);
    assert.deepEqual(t.projects, ['octo-org/1', 'octo-org/44']);
    const single = parseIssueForm(['name: N', 'description: D', 'labels: bug', 'body:', '  - type: input', '    attributes: { label: L }'].join('\n'), FILE);
    assert.deepEqual(single.labels, ['bug']);
  });

  it('generates stable ids for fields without one: field-<position in body>', () => {
    const t = parseIssueForm(readFileSync('test/fixtures/issue-forms/ids-omitted/form.yml', 'utf8'), FILE);
    assert.deepEqual(t.problems, []);
    assert.deepEqual(fieldIds(t), ['markdown', 'input:field-1', 'textarea:field-2', 'dropdown:field-3', 'checkboxes:field-4']);
    // A written id that looks generated does not collide with a generated one.
    const mixed = parseIssueForm(
      formWith('  - type: input', '    id: field-1', '    attributes: { label: A }', '  - type: input', '    attributes: { label: B }'),
      FILE,
    );
    assert.deepEqual(mixed.problems, []);
    assert.deepEqual(fieldIds(mixed), ['input:field-1', 'input:field-1-1']);
    const before = parseIssueForm(
      formWith('  - type: input', '    attributes: { label: A }', '  - type: input', '    id: field-0', '    attributes: { label: B }'),
      FILE,
    );
    assert.deepEqual(before.problems, []);
    assert.deepEqual(fieldIds(before), ['input:field-0-1', 'input:field-0']);
  });

  it('reports what github.com refuses, each at its line', () => {
    const text = [
      'name: 42', // 1: name must be a string
      'description: ""', // 2: not empty
      'labels: { bug: true }', // 3: labels of a bad type
      'assignees: [alice, 7]', // 4: an assignee that is a number
      'projects: [acme]', // 5: not OWNER/NUMBER
      'color: red', // 6: unknown top-level key
      'body:',
      '  - type: input', // 8
      '    id: same',
      '    attributes: { label: Same }',
      '  - type: textarea', // 11
      '    id: same', // duplicate id
      '    attributes: { label: same }', // duplicate label (case-insensitive)
      '  - type: slider', // 14: unknown body type
      '    attributes: { label: S }',
      '  - type: input', // 16
      '    id: "has space"', // 17: bad id
      '    attributes: { label: Other, render: sh }', // 18: render is not an input attribute
      '    validations: { required: "yes" }', // 19: not a boolean
      '  - type: dropdown', // 20
      '    attributes:',
      '      label: Pick',
      '      options: [A, A, None, yes, "no"]', // 23: duplicate, reserved, YAML 1.1 boolean
      '      default: 9', // 24: out of range
      '  - type: checkboxes', // 25
      '    attributes:',
      '      label: Ticks',
      '      options:',
      '        - label: X',
      '        - label: X', // 30: duplicate checkbox label
      '        - required: true', // 31: no label
      '  - type: markdown', // 32
      '    attributes: {}', // 33: markdown without value
      '  - just text', // 34: not a mapping
      '  - id: orphan', // 35: no type
    ].join('\n');
    const t = parseIssueForm(text, FILE);
    assert.deepEqual(brief(t.problems), [
      '1:error:bad-name',
      '2:error:bad-description',
      '3:error:bad-labels',
      '4:error:bad-assignees',
      '5:error:bad-projects',
      '6:error:unknown-key',
      '11:error:duplicate-id',
      '11:error:duplicate-label',
      '14:error:unknown-body-type',
      '17:error:bad-id',
      '18:error:unknown-key',
      '19:error:bad-boolean',
      '23:error:duplicate-option',
      '23:error:reserved-option',
      '23:error:boolean-option',
      '24:error:bad-default',
      '30:error:duplicate-option',
      '31:error:bad-option',
      '33:error:missing-value',
      '34:error:bad-field',
      '35:error:missing-type',
    ]);
    assert.match(
      t.problems.find((p) => p.code === 'unknown-body-type')!.message,
      /"slider" is not a field type\. Use one of: markdown, input, textarea, dropdown, checkboxes, upload\./,
    );
    assert.match(t.problems.find((p) => p.code === 'boolean-option')!.message, /quote it \("yes"\)/);
    // Columns point at the value.
    assert.deepEqual(
      t.problems.filter((p) => p.code === 'unknown-body-type').map((p) => [p.column, p.endColumn]),
      [[10, 16]],
    );
    // Broken fields are left out; the usable ones stay, the quoted "no" included.
    const dropdown = t.fields.find((f) => f.type === 'dropdown');
    assert.deepEqual(dropdown && dropdown.type === 'dropdown' ? dropdown.options : null, ['A', 'no']);
  });

  it('reports missing name, description and body, and a body with only markdown', () => {
    assert.deepEqual(brief(parseIssueForm('title: x\n', FILE).problems), ['1:error:missing-name', '1:error:missing-description', '1:error:missing-body']);
    assert.deepEqual(brief(parseIssueForm(formWith('  - type: markdown', '    attributes: { value: Hi }'), FILE).problems), ['3:error:no-fields']);
    assert.deepEqual(brief(parseIssueForm('name: N\ndescription: D\nbody: []\n', FILE).problems), ['3:error:missing-body']);
    assert.deepEqual(brief(parseIssueForm('', FILE).problems), ['1:error:missing-name']);
    assert.deepEqual(brief(parseIssueForm('- a list\n', FILE).problems), ['1:error:bad-template']);
    assert.deepEqual(
      brief(parseIssueForm(formWith('  - type: input', '    attributes: { label: L }').replace('body:', 'assignees: "   "\nbody:'), FILE).problems),
      ['3:error:bad-assignees'],
    );
  });

  it('reports invalid YAML with its line and still reads what it can', () => {
    const t = parseIssueForm(['name: Broken', 'description: D', 'body:', '  - type: input', '    attributes: { label: "unclosed }'].join('\n'), FILE);
    assert.ok(
      t.problems.some((p) => p.code === 'yaml-syntax' && p.line === 4),
      JSON.stringify(t.problems),
    );
    assert.equal(t.name, 'Broken');
  });

  it('warns about what GitHub ignores: an id on markdown, validations on checkboxes', () => {
    const t = parseIssueForm(
      formWith(
        '  - type: markdown',
        '    id: intro',
        '    attributes: { value: Hi }',
        '  - type: checkboxes',
        '    attributes:',
        '      label: T',
        '      options: [{ label: A }]',
        '    validations: { required: true }',
      ),
      FILE,
    );
    assert.deepEqual(brief(t.problems), ['5:warning:ignored-id', '11:warning:ignored-validation']);
  });

  it('follows YAML aliases and reads numbers in options as written', () => {
    const t = parseIssueForm(
      formWith(
        '  - type: dropdown',
        '    attributes:',
        '      label: &l Version',
        '      options: [1.10, 2.0, "3"]',
        '  - type: input',
        '    attributes: { label: *l }',
      ),
      FILE,
    );
    assert.deepEqual(brief(t.problems), ['8:error:duplicate-label']);
    const first = t.fields[0]!;
    assert.deepEqual(first.type === 'dropdown' ? first.options : null, ['1.10', '2.0', '3']);
  });

  it("reads `type: upload` (file attachments, GitHub's form schema): label, description, required; no problem", () => {
    const t = parseIssueForm(
      formWith(
        '  - type: upload', // 4
        '    id: screenshots',
        '    attributes:',
        '      label: Screenshots',
        '      description: Drop them here.',
        '    validations:',
        '      required: true',
        '  - type: upload', // 11: no id, not required
        '    attributes: { label: Logs }',
      ),
      FILE,
    );
    assert.deepEqual(t.problems, []);
    assert.deepEqual(t.fields, [
      { type: 'upload', id: 'screenshots', label: 'Screenshots', description: 'Drop them here.', required: true, line: 3 },
      { type: 'upload', id: 'field-1', label: 'Logs', required: false, line: 10 },
    ]);
    assert.deepEqual(fieldIds(t), ['upload:screenshots', 'upload:field-1']);
  });

  it('an upload is checked like the other fields: label needed, unknown attributes and keys reported', () => {
    const t = parseIssueForm(
      formWith(
        '  - type: upload', // 4
        '    attributes: { description: D, placeholder: P }', // 5: no label; placeholder is not an upload attribute
        '  - type: upload', // 6
        '    attributes: { label: L }',
        '    validations: { required: maybe }', // 8
      ),
      FILE,
    );
    assert.deepEqual(brief(t.problems), ['5:error:missing-label', '5:error:unknown-key', '8:error:bad-boolean']);
  });

  it('templateKey is the file name without extension', () => {
    assert.equal(templateKey('.github/ISSUE_TEMPLATE/bug_report.yml'), 'bug_report');
    assert.equal(templateKey('docs/ISSUE_TEMPLATE/feature.request.yaml'), 'feature.request');
    assert.equal(templateKey('x/.hidden'), '.hidden');
  });
});

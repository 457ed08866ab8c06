// {{placeholders}} in ritual templates: filling, YAML-safe values in front matter, unknown ones left
// as they are and reported at their line, and (SPEC §5) 10,000 random templates without a throw.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { fillPlaceholders, PLACEHOLDERS, yamlValue, type PlaceholderValues } from '../../../src/core/rituals';
import { prng } from '../decisions/helpers';

const values: PlaceholderValues = {
  date: '2026-11-20',
  week: '2026-W47',
  author: 'alice',
  title: 'Faster payouts',
  team: 'Payments',
  coreHours: 'line 1\nline 2',
  responseTimes: 'fast',
};
const fill = (template: string, v: PlaceholderValues = values) => fillPlaceholders(template, v, 'docs/templates/weekly-update.md');

describe('fillPlaceholders', () => {
  it('fills every known placeholder, with or without spaces inside the braces', () => {
    const { text, problems } = fill('{{date}} {{ week }} {{author}} {{title}} {{team}}\n{{coreHours}}\n{{responseTimes}}');
    assert.equal(text, '2026-11-20 2026-W47 alice Faster payouts Payments\nline 1\nline 2\nfast');
    assert.deepEqual(problems, []);
  });

  it('leaves an unknown placeholder as it is and reports it at its 0-based line and column', () => {
    const { text, problems } = fill('# {{title}}\n\nBy {{author}} for {{sprint}}.\n{{ Week }}\n');
    assert.equal(text, '# Faster payouts\n\nBy alice for {{sprint}}.\n{{ Week }}\n');
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.column, p.endColumn, p.severity, p.code]),
      [
        ['docs/templates/weekly-update.md', 2, 18, 28, 'warning', 'unknown-placeholder'],
        ['docs/templates/weekly-update.md', 3, 0, 10, 'warning', 'unknown-placeholder'],
      ],
    );
    assert.match(problems[0]!.message, /^Unknown placeholder \{\{sprint\}\}, left as it is\. Known placeholders: \{\{date\}\}, \{\{week\}\}/);
    assert.match(problems[1]!.message, /did you mean \{\{week\}\}\?/);
  });

  it('computes a value only when the template uses it', () => {
    let calls = 0;
    const lazy = { ...values, coreHours: () => `computed ${++calls}` };
    assert.equal(fill('{{date}}', lazy).text, '2026-11-20');
    assert.equal(calls, 0);
    assert.equal(fill('{{coreHours}} / {{coreHours}}', lazy).text, 'computed 1 / computed 1');
    assert.equal(calls, 1);
  });

  it('a whole front matter value is written as a YAML scalar; elsewhere values go in as they are', () => {
    const title = 'Fix: retries # "quoted"';
    const template = '---\ntitle: {{title}}\nnote: by {{author}}\nteam: {{ team }}\n---\n# {{title}}\n';
    const { text } = fill(template, { ...values, title, team: 'yes' });
    const yaml = parseDocument(text.split('---\n')[1]!);
    assert.deepEqual(yaml.errors, []);
    assert.deepEqual(yaml.toJS(), { title, note: 'by alice', team: 'yes' });
    assert.ok(text.endsWith(`# ${title}\n`));
  });

  it('keeps CRLF templates CRLF, also inside multi-line values', () => {
    const { text } = fill('---\r\nkind: x\r\n---\r\n{{coreHours}}\r\n');
    assert.equal(text, '---\r\nkind: x\r\n---\r\nline 1\r\nline 2\r\n');
  });

  it('braces that are not a placeholder pair are left alone and not reported', () => {
    const { text, problems } = fill('{ {date} } {{{title}}} {{\n}}');
    assert.equal(text, '{ {date} } {Faster payouts} {{\n}}');
    assert.deepEqual(problems, []);
  });
});

describe('yamlValue', () => {
  it('plain when YAML reads the same string back, else quoted', () => {
    for (const value of ['alice', '2026-W47', 'docs/x.md', 'Payments team', '@alice', 'yes', 'null', '12', '1e3', '', ' x', 'a: b', '- x', 'é', '#1', "it's"]) {
      const doc = parseDocument(`k: ${yamlValue(value)}\n`);
      assert.deepEqual(doc.errors, [], value);
      assert.equal(doc.toJS().k, value, value);
    }
    assert.equal(yamlValue('alice'), 'alice');
    assert.equal(yamlValue('2026-11-20'), '2026-11-20');
  });
});

describe('fillPlaceholders fuzz', function () {
  this.timeout(60_000);
  const PIECES = [
    '{{',
    '}}',
    '{',
    '}',
    ' ',
    '\n',
    '\r\n',
    '---',
    '---\n',
    'key: ',
    ...PLACEHOLDERS,
    'unknown',
    'Date',
    '\uFEFF',
    '\uD800',
    '😀',
    '<!--',
    '- ',
    '## ',
  ];

  it('survives 10,000 random templates; every problem is at a line of the template', () => {
    const rand = prng(20261120);
    for (let i = 0; i < 10_000; i++) {
      let template = '';
      const n = Math.floor(rand() * 40);
      for (let k = 0; k < n; k++) template += rand() < 0.8 ? PIECES[Math.floor(rand() * PIECES.length)] : String.fromCharCode(Math.floor(rand() * 0x10000));
      let result;
      try {
        result = fill(template);
      } catch (error) {
        assert.fail(`input ${i} threw: ${JSON.stringify(template)}: ${(error as Error).message}`);
      }
      const lineCount = template.split('\n').length;
      for (const p of result.problems) {
        assert.ok(p.line >= 0 && p.line < lineCount, `input ${i}: line ${p.line} of ${lineCount}: ${JSON.stringify(template)}`);
        assert.ok(template.split('\n')[p.line]!.slice(p.column, p.endColumn).startsWith('{{'), `input ${i}: column`);
      }
    }
  });
});

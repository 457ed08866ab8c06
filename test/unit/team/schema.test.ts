// schemas/team.schema.json (draft-07, for VS Code's yamlValidation via the Red Hat YAML extension):
// the shipped team files pass, and it rejects the shapes the parser reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseTeamFile } from '../../../src/core/team';
import { readTeamFixture } from './helpers';

const schema = JSON.parse(readFileSync('schemas/team.schema.json', 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const check = (text: string) => ({ valid: validate(parse(text)) as boolean, errors: validate.errors });

describe('team.schema.json', () => {
  it('is draft-07', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  for (const file of ['demo/.github/team.yml', 'test/fixtures/workspace/.github/team.yml', 'test/fixtures/team/world/.github/team.yml']) {
    it(`accepts ${file}`, () => {
      const { valid, errors } = check(readFileSync(file, 'utf8'));
      assert.ok(valid, JSON.stringify(errors, null, 2));
    });
  }

  it('rejects the broken fixture', () => {
    assert.equal(check(readTeamFixture('broken')).valid, false);
  });

  it('describes every property (the YAML extension shows descriptions on hover)', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [key, value] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (typeof value.description !== 'string') {
            const ref =
              typeof value.$ref === 'string' ? (schema.definitions as Record<string, Record<string, unknown>>)[value.$ref.split('/').pop()!] : undefined;
            if (typeof ref?.description !== 'string') missing.push(`${path}.${key}`);
          }
          walk(value, `${path}.${key}`);
        }
      }
      for (const key of ['items', 'additionalProperties', 'anyOf', 'definitions']) {
        const child = n[key];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${path}.${key}[${i}]`));
        else if (key === 'definitions' && child) for (const [k, v] of Object.entries(child)) walk(v, `#${k}`);
        else walk(child, `${path}.${key}`);
      }
    };
    walk(schema, '');
    assert.deepEqual(missing, []);
  });

  // Member entries: the schema and the parser agree on what is malformed. (What a schema cannot know,
  // such as unknown zones, duplicate logins and undefined calendars, is left to the parser.)
  const member = (...lines: string[]) =>
    ['holidays: { DE: [2026-12-24] }', 'members:', '  - github: a', '    timezone: UTC', ...lines.map((l) => `    ${l}`)].join('\n');
  const cases: [string, string, string | null][] = [
    ['valid hours', member('hours: "08:30-17:00"'), null],
    ['hours across midnight', member('hours: "22:00-06:00"'), null],
    ['hours to 24:00', member('hours: "16:00-24:00"'), null],
    ['hours in 12-hour style', member('hours: 9am-5pm'), 'bad-hours'],
    ['hours past 24:00', member('hours: "09:00-24:30"'), 'bad-hours'],
    ['a day name', member('days: [Mon, Tues]'), 'bad-days'],
    ['days as text', member('days: Mon-Fri'), 'bad-days'],
    ['Friday-Saturday weekend', member('days: [Sun, Mon, Tue, Wed, Thu]'), null],
    ['a focus block', member('focus: ["Tue 09:00-12:00"]'), null],
    ['a focus block without a day', member('focus: ["09:00-12:00"]'), 'bad-focus'],
    ['focus as text', member('focus: "Tue 09:00-12:00"'), 'bad-focus'],
    ['an away range', member('away: [{ from: 2026-12-20, to: 2027-01-03, note: Holiday }]'), null],
    ['a one-day away range', member('away: [{ from: 2026-12-20 }]'), null],
    ['an away range without from', member('away: [{ to: 2027-01-03 }]'), 'bad-away'],
    ['an away date in another format', member('away: [{ from: 20.12.2026 }]'), 'bad-away'],
    ['an away range with an unknown key', member('away: [{ from: 2026-12-20, until: 2027-01-03 }]'), 'unknown-key'],
    ['one holiday calendar', member('holidays: DE'), null],
    ['a list of holiday calendars', member('holidays: [DE]'), null],
    ['a login with @', member().replace('github: a', 'github: "@a"'), 'bad-github'],
    ['no timezone', member().replace('    timezone: UTC', '    name: A'), 'missing-timezone'],
    ['no login', member().replace('  - github: a\n    timezone: UTC', '  - timezone: UTC'), 'missing-github'],
    ['an unknown member key', member('timzone: UTC'), 'unknown-key'],
    ['a response time', 'responseTimes: { urgent: 15m, standard: 1h30m }\nmembers:', null],
    ['a response time without a unit', 'responseTimes: { urgent: 15 }\nmembers:', 'bad-response-time'],
    ['a due rule', 'issues: { defaultDue: "+1 workday", templates: { bug: { due: "+7 days", labels: triage } } }\nmembers:', null],
    ['a due rule in weeks', 'issues: { defaultDue: "+2 weeks" }\nmembers:', 'bad-due'],
    ['a holiday date in another format', 'holidays: { DE: [24.12.2026] }\nmembers:', 'bad-holiday-date'],
    ['no members key', 'team: X', 'missing-members'],
  ];
  for (const [name, text, code] of cases) {
    it(`${code ? 'rejects' : 'accepts'} ${name}${code ? ` (parser: ${code})` : ''}`, () => {
      const { problems } = parseTeamFile(text, 'team.yml');
      assert.deepEqual(
        problems.map((p) => p.code),
        code ? [code] : [],
        JSON.stringify(problems),
      );
      const { valid, errors } = check(text);
      assert.equal(valid, code === null, JSON.stringify(errors));
    });
  }
});

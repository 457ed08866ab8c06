// The team file's `sharing.branch` (SPEC §2.1, §2.4): read by the parser with problems at their
// line, and described by the JSON Schema the YAML extension validates with; both agree on what a
// branch name git accepts is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { branchNameError, parseTeamFile } from '../../../src/core/team';

const team = (...lines: string[]) =>
  parseTeamFile(['team: T', 'members:', '  - github: a', '    timezone: UTC', ...lines].join('\n') + '\n', '.github/team.yml');
const schema = JSON.parse(readFileSync('schemas/team.schema.json', 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('team file: sharing.branch', () => {
  it('reads the branch; absent means the default (undefined here), "" turns sharing off', () => {
    assert.equal(team().team.sharing, undefined);
    assert.deepEqual(team('sharing:', '  branch: team/standups').team.sharing, { branch: 'team/standups' });
    assert.deepEqual(team('sharing: { branch: "" }').team.sharing, { branch: '' });
    assert.deepEqual(team('sharing: { branch: "" }').problems, []);
  });

  it('reports a branch git would refuse, an unknown key and a wrong shape, with their lines', () => {
    const bad = team('sharing:', '  branch: "my branch"', '  brnch: x');
    assert.equal(bad.team.sharing, undefined);
    assert.deepEqual(
      bad.problems.map((p) => [p.line, p.code, p.severity]),
      [
        [5, 'bad-sharing-branch', 'error'],
        [6, 'unknown-key', 'warning'],
      ],
    );
    assert.match(bad.problems[0]!.message, /"my branch" is not a branch name git accepts/);
    assert.deepEqual(
      team('sharing: async-desk').problems.map((p) => p.code),
      ['bad-sharing'],
    );
    assert.deepEqual(
      team('sharing:', '  branch:').problems.map((p) => p.code),
      ['bad-sharing-branch'],
    );
  });

  it('the schema and the parser agree on branch names', () => {
    const names = [
      '',
      'async-desk',
      'team/standups',
      'v1.2',
      '-x',
      'a..b',
      'a b',
      'a/.x',
      'x.lock',
      'a/',
      '/a',
      '@',
      'a@{b',
      'a\\b',
      'a~1',
      'a:b',
      'a//b',
      'end.',
    ];
    for (const name of names) {
      const doc = parse(`members: []\nsharing:\n  branch: ${JSON.stringify(name)}\n`) as unknown;
      const schemaOk = validate(doc);
      assert.equal(schemaOk, branchNameError(name) === null, `${JSON.stringify(name)}: schema ${schemaOk}, parser ${branchNameError(name)}`);
    }
  });
});

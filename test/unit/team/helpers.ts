// Shared helpers for the team-time unit tests. Fixtures are read from the source tree (tests run from
// the repository root).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseTeamFile, type Member, type Team } from '../../../src/core/team';

export const TEAM_FIXTURES = path.resolve(process.cwd(), 'test/fixtures/team');

export function readTeamFixture(name: 'broken' | 'world'): string {
  return readFileSync(path.join(TEAM_FIXTURES, name, '.github/team.yml'), 'utf8');
}

/** A team from YAML lines; fails the test on any problem (use parseTeamFile directly to test problems). */
export function teamOf(...lines: string[]): Team {
  const { team, problems } = parseTeamFile(`${lines.join('\n')}\n`, 'team.yml');
  assert.deepEqual(problems, []);
  return team;
}

/** A one-member team: `fields` are the member's YAML lines after `github: <login>` (indent-free). */
export function soloTeam(fields: string[], top: string[] = []): { team: Team; member: Member } {
  const team = teamOf(...top, 'members:', '  - github: m', ...fields.map((f) => `    ${f}`));
  return { team, member: team.members[0]! };
}

export const at = (iso: string): Date => {
  const d = new Date(iso);
  assert.ok(!Number.isNaN(d.getTime()), iso);
  return d;
};

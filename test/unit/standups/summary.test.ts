// "Standup Summary for Week": golden output for the integration workspace's week, plus standups from
// outside the week, from someone not in the team file and one without front matter.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseStandup, weeklySummary, type Standup } from '../../../src/core/standups';
import { parseTeamFile } from '../../../src/core/team';
import { lines, standup } from './helpers';

const ROOT = 'test/fixtures/workspace';
const team = parseTeamFile(readFileSync(path.join(ROOT, '.github/team.yml'), 'utf8'), '.github/team.yml').team;

function fixtureStandups(): Standup[] {
  const out: Standup[] = [];
  for (const day of readdirSync(path.join(ROOT, 'docs/standups'))) {
    for (const name of readdirSync(path.join(ROOT, 'docs/standups', day))) {
      const file = `docs/standups/${day}/${name}`;
      out.push(parseStandup(readFileSync(path.join(ROOT, file), 'utf8'), file));
    }
  }
  return out;
}

const GOLDEN = lines(
  '# Standups, week of Mon 2026-11-16 to Sun 2026-11-22',
  '',
  '## Shipped',
  '',
  '### @ghost',
  '',
  '- Sat 2026-11-21',
  '  - Weekend hotfix',
  '',
  '### Alice Ng (@alice)',
  '',
  '- Thu 2026-11-19',
  '  - Idempotency keys for ledger postings (#412)',
  '- Fri 2026-11-20',
  "  - Reviewed @bob's migration PR: two comments on the down migration",
  '  - Draft decision record for event sourcing, in review (#417)',
  '',
  '### Bob Alvarez (@bob)',
  '',
  '- Thu 2026-11-19',
  '  - Ledger migration PR ready for review (#415)',
  '- Fri 2026-11-20',
  '  - Load test at 3x peak: p99 38 ms, no errors',
  "  - Fixed the down migration after @alice's review",
  '',
  '### Carol Shrestha (@carol)',
  '',
  '- Mon 2026-11-16',
  '  - Found in the path',
  '- Wed 2026-11-18',
  '  - Backup restore drill for the ledger database: 14 min to a consistent snapshot',
  '- Thu 2026-11-19',
  '  - Read replica module planned: two AZs, 15 min lag alarm',
  '- Fri 2026-11-20',
  '  - Terraform module for the staging read replica, behind a flag',
  '',
  '## Open blockers',
  '',
  '### @ghost',
  '',
  '- Sleep (open since Sat 2026-11-21)',
  '',
  '### Bob Alvarez (@bob)',
  '',
  '- Second review of the migration PR from @carol (open since Fri 2026-11-20)',
  '',
  '### Carol Shrestha (@carol)',
  '',
  '- Staging credentials for the replica from @bob (open since Wed 2026-11-18)',
  '',
  '## Posted',
  '',
  '| Person | Days posted | Working days |',
  '| --- | ---: | ---: |',
  '| @ghost | 1 | – |',
  '| Alice Ng (@alice) | 2 | 5 |',
  '| Bob Alvarez (@bob) | 2 | 5 |',
  '| Carol Shrestha (@carol) | 4 | 5 |',
);

describe('weeklySummary', () => {
  const extra = [
    standup('ghost', '2026-11-21', { done: ['Weekend hotfix'], blockers: ['- [ ] Sleep'] }),
    standup('alice', '2026-11-23', { done: ['Next week: not in this summary'] }),
    // No front matter: author and date from the path.
    parseStandup(lines('## Done', '- Found in the path', '## Next', '## Blockers'), 'docs/standups/2026-11-16/carol.md'),
  ];

  it('golden: shipped by person and day, open blockers with since, days posted', () => {
    const standups = [...fixtureStandups(), ...extra];
    assert.equal(weeklySummary('2026-11-19', standups, team), GOLDEN);
    // Any day of the week, any order of the input: the same text.
    assert.equal(weeklySummary('2026-11-22', standups.reverse(), team), GOLDEN);
  });

  it('an empty week, and away days are not working days', () => {
    const away = parseTeamFile(lines('members:', '  - github: m', '    timezone: UTC', '    away: [{ from: 2026-11-30, to: 2026-12-01 }]'), 't').team;
    assert.equal(
      weeklySummary('2026-12-02', [], away),
      lines(
        '# Standups, week of Mon 2026-11-30 to Sun 2026-12-06',
        '',
        '## Shipped',
        '',
        'Nothing listed under Done this week.',
        '',
        '## Open blockers',
        '',
        'No open blockers.',
        '',
        '## Posted',
        '',
        '| Person | Days posted | Working days |',
        '| --- | ---: | ---: |',
        '| @m | 0 | 3 |',
      ),
    );
    assert.equal(weeklySummary('not a date', []), '');
  });
});

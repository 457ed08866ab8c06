import assert from 'node:assert/strict';
import { appendMember, newTeamFile } from '../../../src/core/team/addMember';
import { parseTeamFile } from '../../../src/core/team';

const erin = { github: 'erin', name: 'Erin Sá', timezone: 'America/Sao_Paulo', hours: '08:00-16:00' };

describe('appendMember', () => {
  it('appends after the last member, keeping comments and other text byte for byte', () => {
    const text =
      '# our team\nteam: Payments\nmembers:\n  - github: alice # lead\n    timezone: Europe/Berlin\n\n  - github: bob\n    timezone: America/New_York\nissues:\n  defaultDue: "+3 workdays"\n';
    const result = appendMember(text, erin);
    assert.ok('text' in result);
    assert.ok(result.text.startsWith(text.slice(0, text.indexOf('issues:'))));
    assert.ok(result.text.endsWith('issues:\n  defaultDue: "+3 workdays"\n'));
    const { team, problems } = parseTeamFile(result.text, '.github/team.yml');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      team.members.map((m) => m.github),
      ['alice', 'bob', 'erin'],
    );
    assert.equal(team.members[2]!.name, 'Erin Sá');
    assert.equal(team.members[2]!.hours.start, 8 * 60);
  });

  it('works with unindented list items and CRLF', () => {
    const text = 'team: X\r\nmembers:\r\n- github: alice\r\n  timezone: Europe/Berlin\r\n';
    const result = appendMember(text, erin);
    assert.ok('text' in result);
    assert.ok(!/[^\r]\n/.test(result.text), 'keeps CRLF');
    assert.deepEqual(
      parseTeamFile(result.text, 't.yml').team.members.map((m) => m.github),
      ['alice', 'erin'],
    );
  });

  it('adds a members list when there is none, and refuses duplicates, flow lists and broken YAML', () => {
    const added = appendMember('team: X\n', erin);
    assert.ok('text' in added);
    assert.deepEqual(
      parseTeamFile(added.text, 't.yml').team.members.map((m) => m.github),
      ['erin'],
    );
    assert.match((appendMember('members:\n  - github: Erin\n    timezone: UTC\n', erin) as { error: string }).error, /already/);
    assert.match((appendMember('members: [{github: a, timezone: UTC}]\n', erin) as { error: string }).error, /flow/);
    assert.match((appendMember('members: [\n', erin) as { error: string }).error, /YAML errors/);
  });

  it('fills an empty `members:` (the entry goes right below it), and refuses a members mapping instead of adding a second `members` key', () => {
    for (const [text, expected] of [
      ['team: X\nmembers:\nissues:\n  defaultDue: "+3 workdays"\n', 'team: X\nmembers:\n  - github: erin\n'],
      ['team: X\nmembers: # nobody yet\n\nholidays: {}\n', 'team: X\nmembers: # nobody yet\n  - github: erin\n'],
      ['members: ~\nteam: X', 'members:\n  - github: erin\n'],
      ['team: X\r\nmembers:\r\n', 'team: X\r\nmembers:\r\n  - github: erin\r\n'],
    ] as const) {
      const result = appendMember(text, erin);
      assert.ok('text' in result, `${JSON.stringify(text)}: ${JSON.stringify(result)}`);
      assert.ok(result.text.startsWith(expected), JSON.stringify(result.text));
      const { team, problems } = parseTeamFile(result.text, 't.yml');
      assert.deepEqual(problems, [], JSON.stringify(result.text));
      assert.deepEqual(
        team.members.map((m) => m.github),
        ['erin'],
      );
      assert.equal(team.name, 'X');
    }
    assert.match((appendMember('team: X\nmembers:\n  alice: { timezone: UTC }\n', erin) as { error: string }).error, /not a list/);
    assert.match((appendMember('members: alice\n', erin) as { error: string }).error, /not a list/);
    assert.match((appendMember('{ team: X }\n', erin) as { error: string }).error, /flow/);
  });

  it('writes a new valid team file', () => {
    const { team, problems } = parseTeamFile(newTeamFile('Payments', erin), '.github/team.yml');
    assert.deepEqual(problems, []);
    assert.equal(team.name, 'Payments');
    assert.equal(team.members[0]!.timezone, 'America/Sao_Paulo');
  });
});

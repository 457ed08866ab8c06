// parseTeamFile: the model, and every problem at its exact 0-based line and column.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDueRule, parseDuration, parseFocus, parseSpan, parseTeamFile, readTeamMembers } from '../../../src/core/team';
import type { Problem } from '../../../src/core/shared/problem';
import { readTeamFixture } from './helpers';

/** [line, column, endColumn, code] of each problem: what the editor underlines. */
const where = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.endColumn ?? null, p.code]);
const parse = (...lines: string[]) => parseTeamFile(`${lines.join('\n')}\n`, 'team.yml');

describe('parseTeamFile', () => {
  it('reads the demo team file completely, with no problems', () => {
    const { team, problems } = parseTeamFile(readFileSync('demo/.github/team.yml', 'utf8'), '.github/team.yml');
    assert.deepEqual(problems, []);
    assert.equal(team.name, 'Payments');
    assert.equal(team.workingAgreement, 'docs/working-agreement.md');
    assert.deepEqual(team.responseTimes, { urgent: 15, standard: 1440 });
    assert.deepEqual(Object.keys(team.holidays), ['DE', 'US', 'NP', 'AU-SA', 'BR', 'CA-ON']);
    assert.deepEqual(team.holidays.DE, ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01']);
    assert.deepEqual(
      team.members.map((m) => [m.github, m.timezone, m.line]),
      [
        ['alice', 'Europe/Berlin', 13],
        ['bob', 'America/Los_Angeles', 22],
        ['carol', 'Asia/Kathmandu', 31],
        ['dave', 'Australia/Adelaide', 39],
        ['erin', 'America/Sao_Paulo', 48],
        ['farah', 'America/Toronto', 55],
      ],
    );
    assert.deepEqual(team.members[0], {
      github: 'alice',
      name: 'Alice Ng',
      timezone: 'Europe/Berlin',
      hours: { start: 540, end: 1050 },
      days: [1, 2, 3, 4, 5],
      focus: [
        { day: 2, start: 540, end: 720 },
        { day: 4, start: 540, end: 720 },
      ],
      holidays: ['DE'],
      away: [{ from: '2026-12-21', to: '2027-01-04', note: 'Winter holiday' }],
      role: 'tech lead',
      line: 13,
    });
    assert.deepEqual(team.members[4]!.days, [1, 2, 3, 4]);
    assert.deepEqual(team.issues, {
      defaultDue: { text: '+3 workdays', amount: 3, unit: 'workdays' },
      templates: {
        bug_report: { due: { text: '+1 workday', amount: 1, unit: 'workdays' }, labels: ['triage'] },
        decision_review: { due: { text: '+5 workdays', amount: 5, unit: 'workdays' }, labels: ['decision'] },
      },
    });
  });

  it('reads the integration-test workspace team file with no problems', () => {
    const { team, problems } = parseTeamFile(readFileSync('test/fixtures/workspace/.github/team.yml', 'utf8'), '.github/team.yml');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      team.members.map((m) => m.github),
      ['alice', 'bob', 'carol'],
    );
  });

  it('applies defaults: hours 09:00-17:00, Monday to Friday, no focus, holidays or away', () => {
    const { team, problems } = parse('members:', '  - github: a', '    timezone: UTC');
    assert.deepEqual(problems, []);
    assert.deepEqual(team.members[0], {
      github: 'a',
      timezone: 'UTC',
      hours: { start: 540, end: 1020 },
      days: [1, 2, 3, 4, 5],
      focus: [],
      holidays: [],
      away: [],
      line: 1,
    });
    assert.equal(team.name, '');
  });

  it('reports every problem kind of the broken fixture at its line and column, and keeps the valid members', () => {
    const { team, problems } = parseTeamFile(readTeamFixture('broken'), '.github/team.yml');
    assert.deepEqual(
      team.members.map((m) => [m.github, m.line]),
      [
        ['ok', 6],
        ['typo', 33], // a warning (unknown key) keeps the member
      ],
    );
    assert.ok(problems.every((p) => p.file === '.github/team.yml'));
    assert.deepEqual(where(problems), [
      [2, 25, 35, 'bad-response-time'], //          urgent: 15 minutes
      [4, 19, 29, 'bad-holiday-date'], //           2026-02-30
      [10, 14, 31, 'unknown-zone'], //              Mars/Olympus_Mons
      [13, 11, 20, 'bad-hours'], //                 "9am-5pm"
      [16, 16, 20, 'bad-days'], //                  Tues
      [19, 31, 52, 'bad-focus'], //                 "Someday 10:00-11:00"
      [22, 35, 45, 'away-end-before-start'], //     to: 2026-12-01
      [23, 12, 14, 'duplicate-login'], //           OK (ok is on line 7)
      [27, 19, 21, 'unknown-holiday-calendar'], //  XX
      [28, 4, null, 'missing-github'], //           the entry of "No Login"
      [30, 4, null, 'missing-timezone'], //         the entry of nozone
      [31, 12, 17, 'bad-github'], //                "@at"
      [35, 4, 11, 'unknown-key'], //                timzone
      [37, 14, 25, 'bad-due'], //                   "in 3 days"
      [38, 81, 91, 'bad-due'], //                   "+2 weeks"
    ]);
    const byCode = new Map(problems.map((p) => [p.code, p]));
    assert.equal(byCode.get('unknown-zone')!.message, 'Unknown time zone "Mars/Olympus_Mons". Use an IANA zone such as Europe/Berlin or America/New_York.');
    assert.equal(byCode.get('duplicate-login')!.message, 'Duplicate member @OK: already listed on line 7.');
    assert.equal(byCode.get('unknown-holiday-calendar')!.message, 'Unknown holiday calendar "XX". Calendars in this file: DE.');
    assert.equal(byCode.get('away-end-before-start')!.message, 'Away range ends (2026-12-01) before it starts (2026-12-20).');
    assert.equal(
      byCode.get('unknown-key')!.message,
      'Unknown key "timzone" in a member. Known keys: github, name, timezone, hours, days, focus, holidays, away, role.',
    );
    assert.equal(byCode.get('unknown-key')!.severity, 'warning');
    assert.ok(problems.filter((p) => p.code !== 'unknown-key').every((p) => p.severity === 'error'));
    // Bad top-level values are dropped, the good ones kept.
    assert.deepEqual(team.responseTimes, { standard: 1440 });
    assert.deepEqual(team.holidays, { DE: ['2026-12-24'] });
    assert.deepEqual(team.issues.templates.bug_report, { due: { text: '+1 workday', amount: 1, unit: 'workdays' }, labels: ['triage'] });
    assert.equal(team.issues.defaultDue, undefined);
  });

  it('YAML syntax errors: at the offending token, and the members before it still come through', () => {
    const { team, problems } = parse('members:', '  - github: a', '    timezone: UTC', '  - github: b', '    timezone: [UTC', '    name: B');
    const syntax = problems.filter((p) => p.code === 'yaml-syntax');
    assert.ok(syntax.length > 0, JSON.stringify(problems));
    assert.deepEqual(where(syntax), [[5, 4, 5, 'yaml-syntax']]); // where yaml expected the closing "]"
    assert.match(syntax[0]!.message, /^Not valid YAML: /);
    assert.deepEqual(
      team.members.map((m) => m.github),
      ['a'],
    );
  });

  it('a tab indentation error points at its line', () => {
    const { problems } = parse('members:', '  - github: a', '\ttimezone: UTC');
    assert.deepEqual(where(problems.filter((p) => p.code === 'yaml-syntax')), [[2, 0, 1, 'yaml-syntax']]);
    assert.equal(problems.find((p) => p.code === 'yaml-syntax')!.message, 'Not valid YAML: Tabs are not allowed as indentation');
  });

  it('an empty file, a file that is not a mapping, and a missing members list', () => {
    assert.deepEqual(where(parseTeamFile('', 't.yml').problems), [[0, 0, null, 'missing-members']]);
    assert.deepEqual(where(parseTeamFile('# just a comment\n', 't.yml').problems), [[0, 0, null, 'missing-members']]);
    assert.deepEqual(where(parse('- a', '- b').problems), [[0, 0, 3, 'bad-team-file']]);
    assert.deepEqual(where(parse('team: X').problems), [[0, 0, null, 'missing-members']]);
    assert.deepEqual(where(parse('team: X', 'members: alice').problems), [[1, 9, 14, 'bad-members']]);
    assert.deepEqual(parse('team: X', 'members:').problems, []); // a new file, nobody yet
    assert.deepEqual(where(parse('members:', '  - alice').problems), [[1, 4, 9, 'bad-member']]);
  });

  it('duplicate keys and unknown top-level keys', () => {
    const { team, problems } = parse('team: A', 'team: B', 'teem: C', 'members:', '  - github: a', '    timezone: UTC', '    timezone: Asia/Tokyo');
    assert.deepEqual(where(problems), [
      [1, 0, 4, 'duplicate-key'],
      [2, 0, 4, 'unknown-key'],
      [6, 4, 12, 'duplicate-key'],
    ]);
    assert.equal(team.name, 'A');
    assert.equal(
      problems[1]!.message,
      'Unknown key "teem" in the team file. Known keys: team, workingAgreement, responseTimes, holidays, members, issues, sharing.',
    );
    assert.equal(team.members.length, 0); // a member with an error is left out
  });

  it('duplicate logins are case-insensitive: the first entry wins', () => {
    const { team, problems } = parse('members:', '  - github: Alice', '    timezone: UTC', '  - github: alice', '    timezone: Asia/Tokyo');
    assert.deepEqual(where(problems), [[3, 12, 17, 'duplicate-login']]);
    assert.deepEqual(
      team.members.map((m) => [m.github, m.timezone]),
      [['Alice', 'UTC']],
    );
  });

  it('time zones: UTC offsets are not zones; case and aliases that the runtime knows are accepted', () => {
    const { team, problems } = parse(
      'members:',
      '  - github: a',
      '    timezone: "+05:30"',
      '  - github: b',
      '    timezone: UTC',
      '  - github: c',
      '    timezone: Asia/Calcutta',
    );
    assert.deepEqual(where(problems), [[2, 14, 22, 'unknown-zone']]);
    assert.match(problems[0]!.message, /rather than a UTC offset/);
    assert.deepEqual(
      team.members.map((m) => m.github),
      ['b', 'c'],
    );
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone:').problems), [[2, 13, null, 'missing-timezone']]);
  });

  it('hours: formats, midnight crossing, 24:00, and malformed values', () => {
    assert.deepEqual(parseSpan('09:00-17:30'), { start: 540, end: 1050 });
    assert.deepEqual(parseSpan('9:00 - 17:00'), { start: 540, end: 1020 });
    assert.deepEqual(parseSpan('22:00-06:00'), { start: 1320, end: 1800 });
    assert.deepEqual(parseSpan('00:00-24:00'), { start: 0, end: 1440 });
    for (const bad of ['09:00', '9-17', '09:00-24:30', '25:00-26:00', '09:60-10:00', '9am-5pm', '']) assert.ok('error' in parseSpan(bad), bad);
    assert.deepEqual(parseSpan('10:00-10:00'), { error: 'empty' });
    const { problems } = parse('members:', '  - github: a', '    timezone: UTC', '    hours: 10:00-10:00');
    assert.deepEqual(where(problems), [[3, 11, 22, 'bad-hours']]);
    assert.match(problems[0]!.message, /start and end are the same/);
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone: UTC', '    hours: 9').problems), [[3, 11, 12, 'bad-hours']]);
  });

  it('days: a list of Mon..Sun; anything else is reported at the item', () => {
    const { team } = parse('members:', '  - github: a', '    timezone: UTC', '    days: [Sun, Thu, Mon, Tue, Wed, Mon]');
    assert.deepEqual(team.members[0]!.days, [1, 2, 3, 4, 7]);
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone: UTC', '    days: Mon-Fri').problems), [[3, 10, 17, 'bad-days']]);
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone: UTC', '    days:', '      - Mon', '      - monday').problems), [
      [5, 8, 14, 'bad-days'],
    ]);
  });

  it('focus: "Day HH:MM-HH:MM" blocks, also across midnight', () => {
    assert.deepEqual(parseFocus('Tue 09:00-12:00'), { day: 2, start: 540, end: 720 });
    assert.deepEqual(parseFocus('Fri 23:00-01:00'), { day: 5, start: 1380, end: 1500 });
    for (const bad of ['Tue', '09:00-12:00', 'tue 09:00-12:00', 'Tue 12:00-12:00', 'Tue09:00-12:00']) assert.ok('error' in parseFocus(bad), bad);
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone: UTC', '    focus: "Tue 09:00-12:00"').problems), [[3, 11, 28, 'bad-focus']]);
  });

  it('away: dates, one-day ranges, notes, and malformed ranges', () => {
    const { team, problems } = parse(
      'members:',
      '  - github: a',
      '    timezone: UTC',
      '    away:',
      '      - { from: 2026-12-24 }',
      '      - from: 2027-01-02',
      '        to: 2027-01-05',
      '        note: Trip',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(team.members[0]!.away, [
      { from: '2026-12-24', to: '2026-12-24' },
      { from: '2027-01-02', to: '2027-01-05', note: 'Trip' },
    ]);
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone: UTC', '    away: [{ from: 2026-13-01, to: 2027-01-01 }]').problems), [
      [3, 19, 29, 'bad-away'],
    ]);
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone: UTC', '    away: [{ to: 2027-01-01 }]').problems), [[3, 11, 29, 'bad-away']]);
    assert.deepEqual(where(parse('members:', '  - github: a', '    timezone: UTC', '    away: [2027-01-01]').problems), [[3, 11, 21, 'bad-away']]);
    assert.deepEqual(
      where(parse('members:', '  - github: a', '    timezone: UTC', '    away:', '      - from: 2027-01-05', '        to: 2027-01-04').problems),
      [[5, 12, 22, 'away-end-before-start']],
    );
  });

  it('holidays: one calendar name or a list; unknown names at the name', () => {
    const top = ['holidays:', '  DE: [2026-12-24]', '  BY: [2026-01-06]', 'members:'];
    assert.deepEqual(parse(...top, '  - github: a', '    timezone: UTC', '    holidays: DE').team.members[0]!.holidays, ['DE']);
    assert.deepEqual(parse(...top, '  - github: a', '    timezone: UTC', '    holidays: [DE, BY]').team.members[0]!.holidays, ['DE', 'BY']);
    const { problems } = parse('members:', '  - github: a', '    timezone: UTC', '    holidays: FR');
    assert.deepEqual(where(problems), [[3, 14, 16, 'unknown-holiday-calendar']]);
    assert.equal(problems[0]!.message, 'Unknown holiday calendar "FR". Define it under `holidays:` at the top of the file.');
    // Calendars may be defined after the members.
    assert.deepEqual(parse('members:', '  - github: a', '    timezone: UTC', '    holidays: DE', 'holidays: { DE: [2026-12-24] }').problems, []);
  });

  it('response times and due rules', () => {
    assert.deepEqual(
      [parseDuration('15m'), parseDuration('24h'), parseDuration('1h30m'), parseDuration('2d'), parseDuration('15'), parseDuration('m'), parseDuration('')],
      [15, 1440, 90, 2880, null, null, null],
    );
    assert.deepEqual(parseDueRule('+3 workdays'), { text: '+3 workdays', amount: 3, unit: 'workdays' });
    assert.deepEqual(parseDueRule('+1 workday'), { text: '+1 workday', amount: 1, unit: 'workdays' });
    assert.deepEqual(parseDueRule('+7 days'), { text: '+7 days', amount: 7, unit: 'days' });
    for (const bad of ['3 workdays', '+3', '+3 weeks', 'tomorrow', '-1 workday']) assert.equal(parseDueRule(bad), null, bad);
    const { problems } = parse('responseTimes: { urgent: 0m, standard: 24h, slow: 1d }', 'members:');
    assert.deepEqual(where(problems), [
      [0, 25, 27, 'bad-response-time'],
      [0, 44, 48, 'unknown-key'],
    ]);
    assert.deepEqual(where(parse('issues:', '  defaultDue: 3', 'members:').problems), [[1, 14, 15, 'bad-due']]);
  });

  it('lines and columns in a CRLF file match the LF file', () => {
    const lf = readTeamFixture('broken').replace(/\r\n/g, '\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(where(parseTeamFile(crlf, 'x').problems), where(parseTeamFile(lf, 'x').problems));
    assert.deepEqual(
      parseTeamFile(crlf, 'x').team.members.map((m) => m.line),
      [6, 33],
    );
  });

  it('follows YAML anchors and aliases', () => {
    const { team, problems } = parse('x-hours: &h "08:00-16:00"', 'members:', '  - github: a', '    timezone: UTC', '    hours: *h');
    assert.deepEqual(where(problems), [[0, 0, 7, 'unknown-key']]);
    assert.deepEqual(team.members[0]!.hours, { start: 480, end: 960 });
  });

  it('reads numeric logins as written', () => {
    assert.equal(parse('members:', '  - github: 007', '    timezone: UTC').team.members[0]!.github, '007');
  });
});

describe('readTeamMembers (lenient, for owner suggestions)', () => {
  it('still lists logins of members the strict parser rejects', () => {
    assert.deepEqual(
      readTeamMembers(readTeamFixture('broken')).map((m) => m.github),
      ['ok', 'zed', 'hours', 'days', 'focus', 'away', 'cal', 'nozone', '@at', 'typo'],
    );
    assert.deepEqual(readTeamMembers('members: [1'), []);
  });
});

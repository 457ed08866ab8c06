// SPEC §5 fuzzing bar for the team file: 10,000 random and mutated inputs, no throw escapes, every
// problem has a line inside the file. The members that survive must be usable: states and the team
// clock are computed for some of them too. Deterministic: a seeded PRNG names the failing input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeStates, dayTimeline, isValidZone, parseTeamFile } from '../../../src/core/team';
import { prng } from '../decisions/helpers';
import { readTeamFixture } from './helpers';
import { fuzzText } from '../fuzzInputs';

const PIECES = [
  'team: ',
  'members:',
  '\n',
  '\r\n',
  '  - ',
  '    ',
  ' ',
  '\t',
  '#',
  'github: ',
  'timezone: ',
  'hours: ',
  'days: ',
  'focus: ',
  'holidays: ',
  'away: ',
  'from: ',
  'to: ',
  'note: ',
  'responseTimes: ',
  'issues: ',
  'defaultDue: ',
  'templates: ',
  'labels: ',
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
  '---',
  '...',
  '<<: ',
  '?',
  'Mon',
  'Sun',
  'Tues',
  '09:00-17:00',
  '22:00-06:00',
  '24:00',
  '"Tue 09:00-12:00"',
  'Europe/Berlin',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Mars/Base',
  '+05:30',
  'UTC',
  '2026-12-24',
  '2026-02-30',
  '2027-01-03',
  '15m',
  '24h',
  '+3 workdays',
  'alice',
  'ALICE',
  '@bob',
  '007',
  'null',
  '~',
  'true',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '😀',
  'é',
  '\u2028',
  '\\',
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

/** A small team file cut from a seed: one or two member entries, with or without the seed's top
 *  part (holiday calendars, response times), now and then the whole seed. yaml reads about 1 KB per
 *  millisecond, so small inputs (about 200 characters on average) keep 10,000 of them near 2 s. */
function cut(seed: string, rand: () => number): string {
  if (rand() < 0.03) return seed;
  const lines = seed.split('\n');
  const membersAt = lines.findIndex((l) => l.startsWith('members:'));
  const starts = lines.map((l, i) => (/^ {2}- /.test(l) ? i : -1)).filter((i) => i > membersAt);
  if (membersAt < 0 || starts.length === 0) return seed;
  const first = Math.floor(rand() * starts.length);
  const last = Math.min(starts.length, first + (rand() < 0.2 ? 2 : 1));
  const end = last < starts.length ? starts[last]! : lines.findIndex((l, i) => i > starts[first]! && /^\S/.test(l));
  const entries = lines.slice(starts[first], end === -1 ? undefined : end);
  const head = rand() < 0.15 ? lines.slice(0, membersAt + 1) : ['members:'];
  return [...head, ...entries].join('\n');
}

describe('parseTeamFile fuzz', function () {
  this.timeout(120_000);

  it('survives 10,000 random and mutated inputs with a line on every problem', () => {
    const seeds = [
      readFileSync('demo/.github/team.yml', 'utf8'),
      readFileSync('test/fixtures/workspace/.github/team.yml', 'utf8'),
      readTeamFixture('broken'),
      readTeamFixture('world'),
    ];
    const rand = prng(20261124);
    let members = 0;
    let problems = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = rand();
      const text =
        r < 0.25
          ? randomText(rand)
          : r < 0.35
            ? cut(seeds[Math.floor(rand() * seeds.length)]!, rand)
            : mutate(cut(seeds[Math.floor(rand() * seeds.length)]!, rand), rand);
      const where = () => `input #${i}: ${JSON.stringify(text).slice(0, 400)}`;
      let result;
      try {
        result = parseTeamFile(text, '.github/team.yml');
      } catch (error) {
        assert.fail(`${where()} threw ${(error as Error).stack}`);
      }
      const lineCount = text.split('\n').length;
      for (const p of result.problems) {
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
      problems += result.problems.length;
      const logins = new Set<string>();
      for (const m of result.team.members) {
        const ok =
          isValidZone(m.timezone) &&
          !!m.github &&
          !logins.has(m.github.toLowerCase()) &&
          m.hours.end > m.hours.start &&
          m.hours.end - m.hours.start <= 1440 &&
          m.line >= 0 &&
          m.line < lineCount;
        if (!ok) assert.fail(`${where()}: member ${JSON.stringify(m)}`);
        logins.add(m.github.toLowerCase());
      }
      members += result.team.members.length;
      if (i % 10 === 0 && result.team.members.length > 0) {
        // What survives parsing must be computable, at any instant.
        const when = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 730) * 86_400_000 + Math.floor(rand() * 1440) * 60_000);
        for (const s of computeStates(result.team, when)) {
          if (s.until !== null && !(Date.parse(s.until) > when.getTime())) assert.fail(`${where()}: ${JSON.stringify(s)} at ${when.toISOString()}`);
        }
        assert.ok(dayTimeline(result.team.members[0]!, result.team, when.toISOString().slice(0, 10), 'Australia/Lord_Howe').length > 0, where());
      }
    }
    // The inputs must exercise both sides: plenty of problems, and plenty of members that survive.
    assert.ok(members > 1000 && problems > 10_000, `${members} members, ${problems} problems`);
  });
});

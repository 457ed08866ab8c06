// The team parser's parts on their own (values.ts, yamlNodes.ts, readMember.ts), as parse.ts uses them;
// parse.test.ts covers them through parseTeamFile.
import assert from 'node:assert/strict';
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { readYaml, type YamlCtx } from '../../../src/core/shared/yamlReader';
import { readMember } from '../../../src/core/team/readMember';
import type { Team } from '../../../src/core/team/types';
import { DEFAULT_DAYS, DEFAULT_HOURS, dueRuleError, isTeamLogin, parseDueRule, parseDuration, parseFocus, parseSpan } from '../../../src/core/team/values';
import { dateOf, scalarList, unknownKey } from '../../../src/core/team/yamlNodes';

/** The `members:` list of a team file read with readYaml. */
function membersOf(text: string): { ctx: YamlCtx; items: YAMLSeq['items'] } {
  const ctx = readYaml(text, 'team.yml');
  const members = (ctx.doc.contents as YAMLMap).get('members', true);
  assert.ok(isSeq(members));
  return { ctx, items: members.items };
}

describe('team parser parts', () => {
  it('values.ts: hours, focus blocks, durations, due rules and logins from text', () => {
    assert.deepEqual(parseSpan('22:00-06:00'), { start: 1320, end: 1800 });
    assert.deepEqual(parseSpan('09:00-09:00'), { error: 'empty' });
    assert.deepEqual(parseFocus('Tue 09:00-12:00'), { day: 2, start: 540, end: 720 });
    assert.deepEqual(parseFocus('Tues 09:00-12:00'), { error: 'day "Tues"' });
    assert.equal(parseDuration('1h30m'), 90);
    assert.equal(parseDuration('soon'), null);
    assert.deepEqual(parseDueRule('+1 workday'), { text: '+1 workday', amount: 1, unit: 'workdays' });
    assert.equal(parseDueRule('+367 days'), null);
    assert.match(dueRuleError('+367 days')!, /too far ahead/);
    assert.equal(isTeamLogin('octo-cat'), true);
    assert.equal(isTeamLogin('-octo'), false);
    assert.deepEqual([DEFAULT_HOURS, DEFAULT_DAYS], [{ start: 540, end: 1020 }, [1, 2, 3, 4, 5]]);
  });

  it('yamlNodes.ts: dates, scalar lists (one scalar is a list of one) and unknown-key warnings', () => {
    const ctx = readYaml('a: 2026-02-30\nb: 2026-02-28\nc: [x, 2]\nd: solo\ne: { k: v }\nHolidays: x\n', 'team.yml');
    const map = ctx.doc.contents as YAMLMap;
    const value = (key: string) => map.get(key, true);
    assert.deepEqual([dateOf(value('a')), dateOf(value('b'))], [undefined, '2026-02-28']);
    assert.deepEqual(
      scalarList(ctx, value('c'))?.map((i) => i.text),
      ['x', '2'],
    );
    assert.deepEqual(
      scalarList(ctx, value('d'))?.map((i) => i.text),
      ['solo'],
    );
    assert.equal(scalarList(ctx, value('e')), null);
    const key = map.items[5]!.key as { range: [number, number, number] };
    unknownKey(ctx, key, 0, 'Holidays', 'the team file', ['holidays', 'members']);
    assert.deepEqual(
      ctx.problems.map((p) => [p.line, p.column, p.endColumn, p.severity, p.code]),
      [[5, 0, 8, 'warning', 'unknown-key']],
    );
    assert.match(ctx.problems[0]!.message, /did you mean "holidays"\?/);
  });

  it('readMember.ts: one entry to a Member; an entry with an error is reported and left out', () => {
    const { ctx, items } = membersOf('members:\n  - github: ann\n    timezone: Asia/Tokyo\n  - github: ANN\n    timezone: UTC\n  - just text\n');
    const team: Team = { name: '', responseTimes: {}, holidays: {}, members: [], issues: { templates: {} } };
    const logins = new Map<string, number>();
    const read = (i: number) => readMember(ctx, team, items[i], (items[i] as { range: [number, number, number] }).range[0], logins);
    assert.ok(isMap(items[0]));
    assert.deepEqual(read(0), { github: 'ann', timezone: 'Asia/Tokyo', hours: DEFAULT_HOURS, days: DEFAULT_DAYS, focus: [], holidays: [], away: [], line: 1 });
    assert.equal(read(1), null);
    assert.equal(read(2), null);
    assert.deepEqual(
      ctx.problems.map((p) => [p.line, p.code]),
      [
        [3, 'duplicate-login'],
        [5, 'bad-member'],
      ],
    );
    assert.deepEqual([...logins], [['ann', 1]]);
  });
});

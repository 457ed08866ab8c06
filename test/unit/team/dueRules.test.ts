// Due rules in the team file are capped (MAX_DUE_AMOUNT): a rule counting further ahead is a problem
// at its line, not a rule that would later take minutes to resolve ("+999999 workdays").
import assert from 'node:assert/strict';
import { parseDueRule, parseTeamFile } from '../../../src/core/team';
import type { Problem } from '../../../src/core/shared/problem';
import { dueRuleError, MAX_DUE_AMOUNT } from '../../../src/core/team/parse';

const parse = (...lines: string[]) => parseTeamFile(`${lines.join('\n')}\n`, 'team.yml');
const where = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.endColumn ?? null, p.code]);

describe('due rules: the limit', () => {
  it('is 366 workdays or days; one more is no rule, and says why', () => {
    assert.equal(MAX_DUE_AMOUNT, 366);
    assert.deepEqual(parseDueRule('+366 workdays'), { text: '+366 workdays', amount: 366, unit: 'workdays' });
    assert.deepEqual(parseDueRule('+366 days'), { text: '+366 days', amount: 366, unit: 'days' });
    for (const far of ['+367 workdays', '+367 days', '+999999 workdays', `+${'9'.repeat(400)} days`, '+00000367 days']) {
      assert.equal(parseDueRule(far), null, far);
      assert.match(dueRuleError(far) ?? '', /is too far ahead: a due rule counts at most 366 workdays or days\./, far);
    }
    for (const fine of ['+366 workdays', '+0 days', '+3 weeks', 'tomorrow']) assert.equal(dueRuleError(fine), null, fine);
  });

  it('a team file asking for more is a bad-due problem at the rule, and the rule is dropped', () => {
    const { team, problems } = parse(
      'issues:',
      '  defaultDue: "+999999 workdays"',
      '  templates:',
      '    bug: { due: "+367 days", labels: [bug] }',
      '    chore: { due: "+366 days" }',
      'members:',
    );
    assert.deepEqual(where(problems), [
      [1, 14, 32, 'bad-due'],
      [3, 16, 27, 'bad-due'],
    ]);
    assert.equal(problems[0]!.message, '`defaultDue`: "+999999 workdays" is too far ahead: a due rule counts at most 366 workdays or days.');
    assert.equal(problems[1]!.message, 'Due date of template "bug": "+367 days" is too far ahead: a due rule counts at most 366 workdays or days.');
    assert.equal(team.issues.defaultDue, undefined);
    assert.deepEqual(team.issues.templates.bug, { labels: ['bug'] });
    assert.deepEqual(team.issues.templates.chore, { due: { text: '+366 days', amount: 366, unit: 'days' } });
  });
});

// The built-in ritual templates: the sections the issue lists, front matter, a title, where the cursor
// goes, and the file each ritual is written to.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { builtInTemplate, firstFillPosition, planRitual, RITUAL_KINDS, RITUAL_SECTIONS, type RitualInput, type RitualKind } from '../../../src/core/rituals';
import { teamOf } from '../team/helpers';

/** The level-2 headings of a Markdown text, in order. */
const headings = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('## '))
    .map((l) => l.slice(3).trim());

function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(m, 'starts with front matter');
  const doc = parseDocument(m[1]!);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
  );
  return doc.toJS() as Record<string, unknown>;
}

// As issue 4 lists them (retrospective: as the rituals brief lists them).
const EXPECTED: Record<RitualKind, string[]> = {
  'weekly-update': ['Outcomes shipped', 'Metrics impact', 'What slipped and why', 'Top three risks', 'Decisions needed', "Next week's priorities"],
  'intent-brief': ['Problem', 'Why now', 'Success metrics', 'Scope', 'Non-goals', 'Constraints', 'Risks', 'Owner', 'Stakeholders', 'First milestone'],
  'working-agreement': ['Core hours', 'Response times', 'Channels', 'Meeting rules', 'Definition of urgent', 'Escalation', 'How we disagree'],
  retrospective: ['Went well', "Didn't go well", 'Try next', 'Action items'],
};

const team = teamOf(
  'team: "Payments: EU"',
  'responseTimes: { urgent: 15m, standard: 24h }',
  'members:',
  '  - github: alice',
  '    timezone: Europe/Berlin',
  '  - github: bob',
  '    timezone: America/New_York',
);

const input = (kind: RitualKind, extra: Partial<RitualInput> = {}): RitualInput => ({
  kind,
  date: '2026-11-20',
  zone: 'Europe/Berlin',
  author: 'alice',
  teamName: team.name,
  team,
  teamFile: '.github/team.yml',
  recordsDir: 'docs',
  ...extra,
});

describe('Built-in ritual templates', () => {
  for (const kind of RITUAL_KINDS) {
    it(`${kind}: the ritual's sections in order, front matter with kind, date and author, a title`, () => {
      assert.deepEqual(
        RITUAL_SECTIONS[kind].map((s) => s.heading),
        EXPECTED[kind],
      );
      assert.deepEqual(headings(builtInTemplate(kind)), EXPECTED[kind]);
      const plan = planRitual(input(kind, { title: 'Faster payouts' }));
      assert.deepEqual(plan.problems, [], 'the built-in template uses known placeholders only');
      assert.doesNotMatch(plan.text, /\{\{/);
      assert.deepEqual(headings(plan.text), EXPECTED[kind]);
      const fm = frontMatter(plan.text);
      assert.equal(fm.kind, kind);
      assert.equal(fm.date, '2026-11-20');
      assert.equal(fm.author ?? fm.owner, 'alice');
      assert.ok(plan.text.includes(`\n# ${plan.title}\n`), 'the title is the heading');
      assert.ok(plan.text.endsWith('\n'));
    });
  }

  it('the weekly update carries its ISO week; the working agreement its team, quoted for YAML', () => {
    assert.equal(frontMatter(planRitual(input('weekly-update')).text).week, '2026-W47');
    const agreement = planRitual(input('working-agreement'));
    assert.match(agreement.text, /^team: "Payments: EU"$/m);
    assert.equal(frontMatter(agreement.text).team, 'Payments: EU');
    assert.equal(agreement.title, 'Payments: EU working agreement');
  });

  it('the working agreement fills in core hours and response times from the team file', () => {
    const { text } = planRitual(input('working-agreement'));
    assert.match(text, /## Core hours\n<!--.*-->\nAll 2 members work at the same time for 2 h a day:/);
    assert.match(text, /\| UTC \| {2}\| Fri 14:00-16:00 \|/);
    assert.match(text, /\| urgent \| 15 minutes \| \|/);
  });

  it('titles: typed for briefs and retrospectives (white space collapsed), derived for the others', () => {
    assert.equal(planRitual(input('intent-brief', { title: '  Faster\n payouts ' })).title, 'Faster payouts');
    assert.equal(planRitual(input('intent-brief', { title: ' ' })).title, 'Intent brief');
    assert.equal(planRitual(input('retrospective')).title, 'Retrospective');
    assert.equal(planRitual(input('weekly-update')).title, 'Weekly update 2026-W47: alice');
    assert.equal(planRitual(input('working-agreement', { teamName: '' })).title, 'Team working agreement');
  });

  it('the cursor goes to the first thing to fill in', () => {
    const at = (kind: RitualKind) => {
      const plan = planRitual(input(kind, { title: 'X' }));
      const lines = plan.text.split('\n');
      // The section the cursor is in: the nearest heading above it.
      const heading = lines
        .slice(0, plan.cursor.line)
        .reverse()
        .find((l) => l.startsWith('## '));
      return { heading, line: lines[plan.cursor.line], character: plan.cursor.character };
    };
    assert.deepEqual(at('weekly-update'), { heading: '## Outcomes shipped', line: '- ', character: 2 });
    assert.deepEqual(at('intent-brief'), { heading: '## Problem', line: '', character: 0 });
    assert.deepEqual(at('working-agreement'), { heading: '## Channels', line: '- ', character: 2 }, 'computed sections are skipped');
    assert.deepEqual(at('retrospective'), { heading: '## Went well', line: '- ', character: 2 });
  });
});

describe('firstFillPosition (team templates)', () => {
  it('skips hints and sections that already have text; finds "1." and "- [ ]" items', () => {
    assert.deepEqual(firstFillPosition('# T\n\n## A\nWritten.\n\n## B\n<!-- hint -->\n1.\n'), { line: 7, character: 2 });
    assert.deepEqual(firstFillPosition('## A\n- [ ] \n'), { line: 1, character: 6 });
  });

  it('without sections: the line after the title, else the start of the body', () => {
    assert.deepEqual(firstFillPosition('---\nkind: x\n---\n# Title\nText\n'), { line: 4, character: 0 });
    assert.deepEqual(firstFillPosition('---\nkind: x\n---\nJust text'), { line: 3, character: 0 });
    assert.deepEqual(firstFillPosition(''), { line: 0, character: 0 });
  });

  it('CRLF lines: the position is in characters of the line without its \\r', () => {
    assert.deepEqual(firstFillPosition('## A\r\n<!-- h -->\r\n- \r\n'), { line: 2, character: 2 });
  });
});

// Hostile repositories (SPEC §5): what a template, a team file or a `--due` can make the issue code do
// is bounded. Due rules are capped; options, answers and aliases are looked up in Sets and Maps, not
// searched per item; a file keeps at most MAX_PROBLEMS problems. The time bounds are generous guards
// against quadratic or unbounded work (measured times are in the comments), not benchmarks.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import {
  discoverTemplates,
  MAX_DUE_AMOUNT,
  parseIssueForm,
  parseMarkdownTemplate,
  parseTemplateConfig,
  renderIssueBody,
  resolveDue,
  validateAnswers,
  type FormField,
  type ResolvedDue,
} from '../../../src/core/issues';
import { MAX_PROBLEMS } from '../../../src/core/shared/yamlReader';
import { teamOf } from '../team/helpers';
import { brief, formWith, repoWith } from './helpers';

const NOW = new Date('2026-11-24T10:00:00Z'); // a Tuesday

const team = teamOf(
  'holidays:',
  '  DE: [2026-12-24, 2026-12-25, 2026-12-26, 2027-01-01]',
  'members:',
  '  - github: alice',
  '    timezone: Europe/Berlin',
  '    hours: "09:00-17:30"',
  '    holidays: DE',
  '    away: [{ from: 2026-12-28, to: 2027-01-01 }, { from: 2027-03-01, to: 2027-03-31 }]',
  '  - github: once',
  '    timezone: Asia/Tokyo',
  '    days: [Wed]',
  '  - github: night',
  '    timezone: America/Chicago',
  '    hours: "22:00-06:00"',
);
const member = (login: string) => team.members.find((m) => m.github === login)!;

/** Milliseconds `f` takes, and its result. */
function timed<T>(f: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = f();
  return { ms: performance.now() - start, result };
}

/** The oracle: the `n`th Monday-to-Friday after `from` that is no holiday and in no away range. */
function workdaysAfter(from: string, n: number, holidays: string[] = [], away: [string, string][] = []): string {
  const day = new Date(`${from}T00:00:00Z`);
  for (let found = 0; found < n;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !holidays.includes(iso) && !away.some(([a, b]) => a <= iso && iso <= b)) found++;
  }
  return day.toISOString().slice(0, 10);
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('limits: due rules', () => {
  it(`count at most ${MAX_DUE_AMOUNT} workdays or days; more is an error naming the limit, at once`, () => {
    assert.equal(MAX_DUE_AMOUNT, 366);
    for (const spec of ['+999999 workdays', '+99999 workdays', '+367 workdays', '+367 days', `+${'9'.repeat(50)} days`]) {
      const { ms, result } = timed(() => resolveDue(spec, NOW, member('alice'), team, 'UTC'));
      assert.ok('error' in result, `${spec}: ${JSON.stringify(result)}`);
      assert.equal(result.error, `"${spec}" is too far ahead: a due rule counts at most 366 workdays or days.`);
      assert.ok(ms < 100, `${spec}: ${ms} ms`); // ~0.1 ms; "+999999 workdays" counted for minutes before
    }
  });

  it('+366 workdays resolves in well under 100 ms, for every kind of schedule', () => {
    const cases: [string | undefined, string][] = [
      [
        'alice',
        workdaysAfter(
          '2026-11-24',
          366,
          ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
          [
            ['2026-12-28', '2027-01-01'],
            ['2027-03-01', '2027-03-31'],
          ],
        ),
      ],
      // 04:00 on Tuesday in Chicago, in Monday's shift: 366 shifts after it, ending at 06:00 the day after.
      ['night', dayAfter(workdaysAfter('2026-11-23', 366))],
      [undefined, workdaysAfter('2026-11-24', 366)], // no owner: the fallback zone, Monday to Friday
    ];
    for (const [login, date] of cases) {
      resolveDue('end-of-day', NOW, login ? member(login) : undefined, team, 'UTC'); // the zone's first use (Intl) is not what is measured
      const { ms, result } = timed(() => resolveDue('+366 workdays', NOW, login ? member(login) : undefined, team, 'UTC'));
      assert.ok(!('error' in result), `${login}: ${JSON.stringify(result)}`);
      assert.equal((result as ResolvedDue).date, date, String(login));
      assert.ok(ms < 100, `${login}: ${ms} ms`); // 0.2-0.5 ms measured (and 25-50 ms for a zone's first use)
    }
    const days = resolveDue('+366 days', NOW, member('alice'), team, 'UTC');
    assert.equal((days as ResolvedDue).date, '2027-11-25');
  });

  it('counting workdays searches SEARCH_DAYS days in all, not per working day', () => {
    // One working day a week: 366 of them are seven years away, past the 1000-day horizon.
    const { ms, result } = timed(() => resolveDue('+366 workdays', NOW, member('once'), team, 'UTC'));
    assert.deepEqual(result, { error: '@once has only 143 working days in the next 1000 days, fewer than "+366 workdays" counts.' });
    assert.ok(ms < 100, `${ms} ms`);
    assert.equal((resolveDue('+143 workdays', NOW, member('once'), team, 'UTC') as ResolvedDue).date, '2029-08-15');
    // Away for the whole horizon: the message for no working day at all is kept.
    const away = { ...member('alice'), away: [{ from: '2026-01-01', to: '2030-12-31' }] };
    assert.match((resolveDue('+366 workdays', NOW, away, team, 'UTC') as { error: string }).error, /@alice has no working day in the next 1000 days/);
  });
});

/** A form with a dropdown of `options` options (multiple) and checkboxes with `boxes` options (every
 *  other one required). */
function bigForm(options: number, boxes: number): string {
  const lines = ['  - type: dropdown', '    id: pick', '    attributes:', '      label: Pick', '      multiple: true', '      options:'];
  for (let i = 0; i < options; i++) lines.push(`        - option ${i}`);
  lines.push('  - type: checkboxes', '    id: ticks', '    attributes:', '      label: Ticks', '      options:');
  for (let i = 0; i < boxes; i++) lines.push(`        - label: box ${i}`, `          required: ${i % 2 === 0}`);
  return formWith(...lines);
}

describe('limits: big forms', () => {
  it('a dropdown with 100,000 options and 10,000 checkboxes: parsed, answers checked and rendered in linear time', function () {
    this.timeout(20_000);
    const N = 100_000;
    const M = 10_000;
    // Duplicates at the end, where a search through the list so far is longest.
    const text = bigForm(N, M).replace(/\n {2}- type: checkboxes/, '\n        - option 5\n  - type: checkboxes') + '        - label: box 7\n';
    const parsed = timed(() => parseIssueForm(text, 'big.yml'));
    const form = parsed.result;
    assert.deepEqual(brief(form.problems), [`${N + 10}:error:duplicate-option`, `${N + 10 + 6 + 2 * M}:error:duplicate-option`]);
    const [pick, ticks] = form.fields as [Extract<FormField, { type: 'dropdown' }>, Extract<FormField, { type: 'checkboxes' }>];
    assert.equal(pick.options.length, N);
    assert.equal(ticks.options.length, M);

    // Every option chosen (in reverse order) and every box ticked; then one unknown option, two boxes
    // missing and 10,000 answers to fields the form does not have.
    const answers = { pick: pick.options.slice().reverse(), ticks: ticks.options.map((o) => o.label) };
    const strangers = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`nope-${i}`, 'x']));
    const wrong = { ...strangers, pick: [...answers.pick, 'option x'], ticks: answers.ticks.filter((l) => l !== 'box 0' && l !== 'box 9998') };
    const checked = timed(() => [validateAnswers(form, 'T', answers), validateAnswers(form, 'T', wrong)]);
    const [right, errors] = checked.result;
    assert.deepEqual(right, []);
    assert.equal(errors!.length, 10_002);
    assert.equal(errors![0]!.message, '"nope-0" is not a field of Test. Its fields: pick, ticks.');
    assert.match(errors![10_000]!.message, /^"option x" is not an option of "Pick"\. Options: option 0, option 1, .*, option 49 and 99950 more\.$/);
    assert.deepEqual(errors![10_001], { field: 'ticks', message: '"Ticks" needs these ticked: "box 0", "box 9998"' });
    const rendered = timed(() => renderIssueBody(form, answers));
    assert.ok(rendered.result.startsWith('### Pick\n\noption 0, option 1, '));
    assert.ok(rendered.result.endsWith('- [x] box 9999'));

    const total = parsed.ms + checked.ms + rendered.ms;
    // Measured: parse 1.0-1.4 s (0.85 s of it yaml's own parse of these 2 MB), checks ~0.1 s, render
    // ~30 ms. Quadratic, the parse alone took 21 s.
    assert.ok(total < 4000, `parse ${parsed.ms} ms, checks ${checked.ms} ms, render ${rendered.ms} ms`);
  });

  it('20,000 aliases to one option are resolved from one map, not by walking the document for each', () => {
    const text = formWith(
      '  - type: dropdown',
      '    attributes:',
      '      label: L',
      '      options:',
      '        - &a opt',
      ...Array.from({ length: 20_000 }, () => '        - *a'),
    );
    const { ms, result } = timed(() => parseIssueForm(text, 'aliases.yml'));
    // Every alias is the option again: a duplicate (kept: MAX_PROBLEMS of them, and one saying so). Each
    // is reported where the option is written, at the anchor.
    assert.equal(result.problems.length, MAX_PROBLEMS + 1);
    assert.deepEqual(new Set(brief(result.problems.slice(0, -1))), new Set(['8:error:duplicate-option']));
    assert.equal(brief(result.problems.slice(-1))[0], '8:warning:too-many-problems');
    assert.ok(ms < 1500, `${ms} ms`); // ~150 ms; each alias walked the whole document before: 24 s
    // Aliases still mean the node they name: the last one with that anchor before them.
    const form = parseIssueForm(formWith('  - type: dropdown', '    attributes:', '      label: &l Lab', '      options: [&o a, &o b, *o, *l]'), 'x.yml');
    assert.deepEqual(form.fields[0], { type: 'dropdown', id: 'field-0', label: 'Lab', required: false, line: 3, options: ['a', 'b', 'Lab'], multiple: false });
    assert.deepEqual(brief(form.problems), ['7:error:duplicate-option']);
  });
});

describe('limits: problems per file', () => {
  it(`a file keeps ${MAX_PROBLEMS} problems and says how many more there are, in every template parser`, () => {
    const many = 5000;
    const form = parseIssueForm(
      formWith('  - type: dropdown', '    attributes:', '      label: L', '      options:', ...Array.from({ length: many }, () => '        - yes')),
      'f.yml',
    );
    const config = parseTemplateConfig(`contact_links:\n${'  - x\n'.repeat(many)}`, 'config.yml');
    const markdown = parseMarkdownTemplate(`---\nname: n\nabout: a\nlabels:\n${'  - 1\n'.repeat(many)}---\nbody\n`, 'm.md');
    for (const [problems, first] of [
      [form.problems, 7],
      [config.problems, 1],
      [markdown.problems, 4],
    ] as const) {
      assert.equal(problems.length, MAX_PROBLEMS + 1);
      const last = problems.find((p) => p.code === 'too-many-problems')!;
      assert.deepEqual(last, {
        file: last.file,
        line: first + MAX_PROBLEMS,
        severity: 'warning',
        code: 'too-many-problems',
        message: `${many - MAX_PROBLEMS} more problems from here on are not listed: only the first ${MAX_PROBLEMS} are.`,
      });
    }
  });

  it('a config.yml with 130,000 bad contact links cannot stop discovery: the other templates are listed', async function () {
    this.timeout(20_000);
    // Just under the 256 KB a config.yml may have. 130,000 problems spread into one call's arguments
    // (discover.ts: `set.problems.push(...config.problems)`) overflowed the stack.
    const root = repoWith({
      '.github/ISSUE_TEMPLATE/config.yml': `contact_links:\n${'-\n'.repeat(130_000)}`,
      '.github/ISSUE_TEMPLATE/bug.yml': formWith('  - type: input', '    attributes:', '      label: What'),
    });
    try {
      const { ms, result } = await (async () => {
        const start = performance.now();
        const set = await discoverTemplates(root);
        return { ms: performance.now() - start, result: set };
      })();
      assert.deepEqual(
        result.templates.map((t) => t.file),
        ['.github/ISSUE_TEMPLATE/bug.yml'],
      );
      assert.equal(result.problems.length, MAX_PROBLEMS + 1);
      assert.ok(ms < 3000, `${ms} ms`); // ~0.4 s
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

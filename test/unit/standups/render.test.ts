// Writing standups: a new file, and updates that rewrite only what changed, byte for byte elsewhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { draftFromStandup, parseStandup, renderStandup, updateStandupText, type StandupDraft } from '../../../src/core/standups';
import { lines } from './helpers';

const FILE = 'docs/standups/2026-11-21/alice.md';
const draft = (d: Partial<StandupDraft>): StandupDraft => ({ done: [], next: [], blockers: [], notes: '', ...d });
const roundTrip = (text: string) => updateStandupText(text, draftFromStandup(parseStandup(text, FILE)));

/** A file written by hand: BOM, extra front matter, a title, blank-line style, comments, prose, wrapped and
 *  loose items, an unknown section, CRLF, no final newline. */
const HANDWRITTEN = [
  '\uFEFF---',
  'author: alice',
  'date: 2026-11-21',
  'mood: "busy"',
  '---',
  '# Saturday catch-up',
  '',
  '## Done',
  '',
  '<!-- what shipped -->',
  '- Ledger export (#412),',
  '  with CSV and JSON',
  '',
  '- Second, loose item',
  '',
  '## Links',
  '',
  '- https://example.com/board',
  '',
  '## Next',
  '* Review the migration',
  '',
  '## Blockers',
  '- [ ] Credentials from @carol',
  '- [x] Access to the board',
  '## Notes',
  'Out on Monday.',
].join('\r\n');

describe('renderStandup', () => {
  it('writes the SPEC §2.3 format; Notes only when there are notes', () => {
    assert.equal(
      renderStandup(
        'alice',
        '2026-11-21',
        draft({
          done: ['Shipped ledger export (#412)'],
          next: ["Review @bob's migration PR"],
          blockers: [{ text: 'Waiting for staging credentials from @carol', checked: false }],
        }),
      ),
      lines(
        '---',
        'author: alice',
        'date: 2026-11-21',
        '---',
        '## Done',
        '- Shipped ledger export (#412)',
        '## Next',
        "- Review @bob's migration PR",
        '## Blockers',
        '- [ ] Waiting for staging credentials from @carol',
      ),
    );
    assert.equal(
      renderStandup('bob', '2026-11-22', draft({ blockers: [{ text: 'Done now', checked: true }], notes: '\n  Line one\r\nLine two\n\n' }), '\r\n'),
      ['---', 'author: bob', 'date: 2026-11-22', '---', '## Done', '## Next', '## Blockers', '- [x] Done now', '## Notes', 'Line one', 'Line two', ''].join(
        '\r\n',
      ),
    );
  });

  it('one line per item, empty items dropped; notes cannot open a section or leave a code block open', () => {
    const text = renderStandup(
      'alice',
      '2026-11-21',
      draft({ done: ['  two\nlines  ', '', '   '], next: ['[ ] literal brackets'], notes: '# Title\n## Done\n```\n## in code\n' }),
    );
    assert.equal(
      text,
      lines(
        '---',
        'author: alice',
        'date: 2026-11-21',
        '---',
        '## Done',
        '- two lines',
        '## Next',
        '- [ ] literal brackets',
        '## Blockers',
        '## Notes',
        '\\# Title',
        '\\## Done',
        '```',
        '## in code',
        '```',
      ),
    );
    const s = parseStandup(text, FILE);
    assert.deepEqual(s.problems, []);
    assert.deepEqual([s.done.map((b) => b.text), s.next.map((b) => b.text)], [['two lines'], ['[ ] literal brackets']]);
  });

  it('quotes a front matter value that is not a plain login or date', () => {
    const s = parseStandup(renderStandup('a b', 'soon', draft({})), FILE);
    assert.deepEqual([s.author, s.problems.map((p) => p.code)], ['a b', ['bad-author', 'bad-date']]);
  });

  it('render, parse, draft: the same draft back', () => {
    const d = draft({
      done: ['One', 'Two (#1)'],
      next: ['Three @bob'],
      blockers: [
        { text: 'Four', checked: false },
        { text: '[x] five', checked: true },
      ],
      notes: 'Six\n\n- seven',
    });
    assert.deepEqual(draftFromStandup(parseStandup(renderStandup('alice', '2026-11-21', d), FILE)), d);
  });
});

describe('updateStandupText', () => {
  it('is byte-identical for an unchanged draft: rendered, hand-written, demo and fixture files', () => {
    const samples = [
      renderStandup('alice', '2026-11-21', draft({ done: ['a'], notes: 'n' })),
      HANDWRITTEN,
      `${HANDWRITTEN}\r\n`,
      HANDWRITTEN.replace(/\r\n/g, '\n'),
      'no front matter\n## Done\n## Next\n## Blockers',
    ];
    for (const root of ['demo/docs/standups', 'test/fixtures/workspace/docs/standups']) {
      for (const day of readdirSync(root)) for (const f of readdirSync(path.join(root, day))) samples.push(readFileSync(path.join(root, day, f), 'utf8'));
    }
    assert.ok(samples.length > 20);
    for (const text of samples) assert.equal(roundTrip(text), text, JSON.stringify(text));
  });

  it('rewrites only the section that changed; comments, prose, other sections and CRLF stay', () => {
    const d = draftFromStandup(parseStandup(HANDWRITTEN, FILE));
    d.done.push('Third');
    d.blockers[0]!.checked = true;
    const updated = updateStandupText(HANDWRITTEN, d);
    assert.equal(
      updated,
      [
        '\uFEFF---',
        'author: alice',
        'date: 2026-11-21',
        'mood: "busy"',
        '---',
        '# Saturday catch-up',
        '',
        '## Done',
        '',
        '<!-- what shipped -->',
        '- Ledger export (#412), with CSV and JSON',
        '- Second, loose item',
        '- Third',
        '',
        '## Links',
        '',
        '- https://example.com/board',
        '',
        '## Next',
        '* Review the migration',
        '',
        '## Blockers',
        '- [x] Credentials from @carol',
        '- [x] Access to the board',
        '## Notes',
        'Out on Monday.',
      ].join('\r\n'),
    );
    assert.equal(roundTrip(updated), updated);
  });

  it('keeps prose written inside a list section when the items change', () => {
    const text = lines('---', 'author: a', 'date: 2026-11-21', '---', '## Done', 'Nothing yet.', '', '## Next', '- a', '', 'Then lunch.', '## Blockers');
    const updated = updateStandupText(text, draft({ done: ['x'], next: ['b', 'c'] }));
    assert.equal(
      updated,
      lines('---', 'author: a', 'date: 2026-11-21', '---', '## Done', 'Nothing yet.', '- x', '', '## Next', '- b', '- c', '', 'Then lunch.', '## Blockers'),
    );
  });

  it('adds missing sections in Done, Next, Blockers, Notes order, next to the ones present', () => {
    const text = lines('---', 'author: a', 'date: 2026-11-21', '---', '# Title', '', '## Blockers', '', '## Links', '- x');
    const updated = updateStandupText(text, draft({ done: ['d'], next: ['n'], notes: 'Notes.' }));
    assert.equal(
      updated,
      lines(
        '---',
        'author: a',
        'date: 2026-11-21',
        '---',
        '# Title',
        '',
        '## Done',
        '- d',
        '## Next',
        '- n',
        '## Blockers',
        '',
        '## Notes',
        'Notes.',
        '',
        '## Links',
        '- x',
      ),
    );
    assert.equal(roundTrip(updated), updated);
    // No known section at all: appended at the end, in order; a file without a final newline keeps that.
    assert.equal(
      updateStandupText('---\nauthor: a\ndate: 2026-11-21\n---', draft({ next: ['n'] })),
      '---\nauthor: a\ndate: 2026-11-21\n---\n## Done\n## Next\n- n\n## Blockers',
    );
  });

  it('CRLF without a final newline: new lines get CRLF, the end stays without one', () => {
    const text = ['---', 'author: a', 'date: 2026-11-21', '---', '## Done', '## Next', '## Blockers'].join('\r\n');
    assert.equal(
      updateStandupText(text, draft({ blockers: [{ text: 'b', checked: false }], notes: 'x' })),
      ['---', 'author: a', 'date: 2026-11-21', '---', '## Done', '## Next', '## Blockers', '- [ ] b', '## Notes', 'x'].join('\r\n'),
    );
  });

  it('notes: replaced between the blank lines around them; cleared notes leave the heading', () => {
    const text = lines('---', 'author: a', 'date: 2026-11-21', '---', '## Done', '## Next', '## Blockers', '## Notes', '', 'old', 'notes', '', '## Links');
    assert.equal(
      updateStandupText(text, draft({ notes: 'new' })),
      lines('---', 'author: a', 'date: 2026-11-21', '---', '## Done', '## Next', '## Blockers', '## Notes', '', 'new', '', '## Links'),
    );
    assert.equal(
      updateStandupText(text, draft({})),
      lines('---', 'author: a', 'date: 2026-11-21', '---', '## Done', '## Next', '## Blockers', '## Notes', '', '## Links'),
    );
  });

  it('a second section of the same name is left alone', () => {
    const text = lines('---', 'author: a', 'date: 2026-11-21', '---', '## Done', '- one', '## Next', '## Blockers', '## Done', '- two');
    assert.equal(
      updateStandupText(text, draft({ done: ['uno'] })),
      lines('---', 'author: a', 'date: 2026-11-21', '---', '## Done', '- uno', '## Next', '## Blockers', '## Done', '- two'),
    );
  });
});

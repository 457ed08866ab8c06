// Reading standups: sections, items, wrapped lines, line endings, and every problem with its line.
import assert from 'node:assert/strict';
import { checkStandup, parseStandup } from '../../../src/core/standups';
import { lines, standupText } from './helpers';

const FILE = 'docs/standups/2026-11-21/alice.md';
const codes = (text: string) => parseStandup(text, FILE).problems.map((p) => [p.line, p.severity, p.code]);

describe('parseStandup', () => {
  it('reads the SPEC §2.3 example with 0-based lines', () => {
    const text = standupText(
      'alice',
      '2026-11-21',
      '## Done',
      '- Shipped ledger export (#412)',
      '## Next',
      "- Review @bob's migration PR",
      '## Blockers',
      '- [ ] Waiting for staging credentials from @carol',
    );
    assert.deepEqual(parseStandup(text, FILE), {
      file: FILE,
      author: 'alice',
      date: '2026-11-21',
      done: [{ text: 'Shipped ledger export (#412)', checked: false, line: 5 }],
      next: [{ text: "Review @bob's migration PR", checked: false, line: 7 }],
      blockers: [{ text: 'Waiting for staging credentials from @carol', checked: false, line: 9 }],
      notes: '',
      problems: [],
    });
  });

  it('all sections, in any order, with a title, notes and unknown sections', () => {
    const s = parseStandup(
      standupText(
        'alice',
        '2026-11-21',
        '# Friday',
        'Preamble text.',
        '',
        '## Blockers',
        '- [x] Resolved one',
        '- [X] Resolved two',
        '- [ ] Open one',
        '- Plain bullet is open',
        '## Links',
        '- not a section we read',
        '## Notes',
        '',
        'First paragraph.',
        '',
        '### A sub-heading stays in the notes',
        '```',
        '## Done',
        '- inside a code block',
        '```',
        '',
        '## next',
        '* star bullet',
        '+ plus bullet',
        '## DONE',
        '- [x] a tick in Done is just text',
      ),
      FILE,
    );
    assert.deepEqual(s.problems, []);
    assert.deepEqual(
      s.blockers.map((b) => [b.text, b.checked, b.line]),
      [
        ['Resolved one', true, 8],
        ['Resolved two', true, 9],
        ['Open one', false, 10],
        ['Plain bullet is open', false, 11],
      ],
    );
    assert.equal(s.notes, 'First paragraph.\n\n### A sub-heading stays in the notes\n```\n## Done\n- inside a code block\n```');
    assert.deepEqual(
      s.next.map((b) => b.text),
      ['star bullet', 'plus bullet'],
    );
    assert.deepEqual(
      s.done.map((b) => [b.text, b.checked]),
      [['[x] a tick in Done is just text', false]],
    );
  });

  it('wrapped items: indented and lazy continuation lines, a blank line then an indented one, nested bullets', () => {
    const s = parseStandup(
      standupText(
        'alice',
        '2026-11-21',
        '## Done',
        '- Shipped the ledger',
        '  export (#412)',
        '- Lazy continuation',
        'on the next line',
        '- Loose item',
        '',
        '    with a second paragraph',
        '- Parent',
        '  - nested child',
        '',
        '- Last',
        '## Next',
        '## Blockers',
      ),
      FILE,
    );
    assert.deepEqual(s.problems, []);
    assert.deepEqual(
      s.done.map((b) => [b.text, b.line]),
      [
        ['Shipped the ledger export (#412)', 5],
        ['Lazy continuation on the next line', 7],
        ['Loose item with a second paragraph', 9],
        ['Parent - nested child', 12],
        ['Last', 15],
      ],
    );
  });

  it('CRLF and a BOM read the same as LF', () => {
    const lf = standupText(
      'alice',
      '2026-11-21',
      '## Done',
      '- One',
      '  wrapped',
      '## Next',
      '- Two',
      '## Blockers',
      '- [x] Three',
      '## Notes',
      'Line one',
      'Line two',
    );
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const a = parseStandup(lf, FILE);
    const b = parseStandup(crlf, FILE);
    assert.deepEqual(b, a);
    assert.equal(b.notes, 'Line one\nLine two');
    assert.deepEqual(
      b.done.map((x) => x.text),
      ['One wrapped'],
    );
  });

  it('missing front matter: a problem on line 1, the sections are still read', () => {
    const s = parseStandup(lines('## Done', '- One', '## Next', '## Blockers'), FILE);
    assert.deepEqual(
      s.problems.map((p) => [p.line, p.code]),
      [[0, 'missing-front-matter']],
    );
    assert.deepEqual(
      s.done.map((b) => b.text),
      ['One'],
    );
    assert.equal(s.author, '');
    assert.equal(s.date, '');
  });

  it('malformed front matter: each problem at its line', () => {
    const sections = ['## Done', '## Next', '## Blockers'];
    // yaml reports an unclosed flow list where the front matter ends; the value is no date either.
    assert.deepEqual(codes(lines('---', 'author: alice', 'date: [2026-11-21', '---', ...sections)), [
      [2, 'error', 'bad-date'],
      [3, 'error', 'bad-front-matter'],
    ]);
    assert.deepEqual(codes(lines('---', 'title: x', '---', ...sections)), [
      [0, 'error', 'missing-author'],
      [0, 'error', 'missing-date'],
    ]);
    assert.deepEqual(codes(lines('---', 'date: 2026-11-31', 'author: [alice, bob]', '---', ...sections)), [
      [1, 'error', 'bad-date'],
      [2, 'error', 'bad-author'],
    ]);
    assert.deepEqual(codes(lines('---', 'author:', 'date: tomorrow', '---', ...sections)), [
      [1, 'error', 'missing-author'],
      [2, 'error', 'bad-date'],
    ]);
    assert.deepEqual(codes(lines('---', 'author: "@alice"', 'date: 2026-11-21', '---', ...sections)), [[1, 'error', 'bad-author']]);
    assert.match(parseStandup(lines('---', 'author: "@alice"', 'date: 2026-11-21', '---', ...sections), FILE).problems[0]!.message, /without "@"/);
    assert.deepEqual(codes(lines('---', 'author: alice', 'author: bob', 'date: 2026-11-21', '---', ...sections)), [[2, 'error', 'bad-front-matter']]);
    assert.deepEqual(codes(lines('---', 'just text', '---', ...sections)), [[1, 'error', 'bad-front-matter']]);
  });

  it('reads values as written: a numeric login, a quoted date, other keys', () => {
    const s = parseStandup(lines('---', 'author: 007', "date: '2026-11-21'", 'mood: good', 'tags: [a, b]', '---', '## Done', '## Next', '## Blockers'), FILE);
    assert.deepEqual([s.author, s.date, s.problems], ['007', '2026-11-21', []]);
  });

  it('an unclosed front matter, a missing section and odd items: problems with lines, never a throw', () => {
    assert.deepEqual(codes(lines('---', 'author: alice', '## Done')), [
      [0, 'error', 'bad-front-matter'],
      [0, 'error', 'missing-section'],
      [0, 'error', 'missing-section'],
    ]);
    const text = standupText(
      'alice',
      '2026-11-21',
      '## Done',
      'Just a sentence.',
      '<!-- a comment is fine -->',
      '-',
      '- [ ]',
      '## Next',
      '## Blockers',
      '- [] Which one?',
      '- [ ]',
      '## Done',
      '- second Done',
    );
    assert.deepEqual(codes(text), [
      [5, 'warning', 'not-a-bullet'],
      [7, 'warning', 'empty-bullet'],
      [11, 'warning', 'bad-checkbox'],
      [12, 'warning', 'empty-bullet'],
      [13, 'warning', 'duplicate-section'],
    ]);
    const s = parseStandup(text, FILE);
    assert.deepEqual(
      s.done.map((b) => b.text),
      ['[ ]'],
    );
    assert.deepEqual(
      s.blockers.map((b) => [b.text, b.checked]),
      [['[] Which one?', false]],
    );
  });
});

describe('checkStandup', () => {
  const good = standupText('alice', '2026-11-21', '## Done', '## Next', '## Blockers');

  it('a good file has no problems; the author matches the file name in any case', () => {
    assert.deepEqual(checkStandup(good, FILE, 'docs/standups'), []);
    assert.deepEqual(checkStandup(good, 'docs/standups/2026-11-21/Alice.md', './docs/standups/'), []);
  });

  it('date and folder, author and file name', () => {
    const problems = checkStandup(good, 'docs/standups/2026-11-20/bob.md', 'docs/standups');
    assert.deepEqual(
      problems.map((p) => [p.line, p.code, p.message]),
      [
        [1, 'author-mismatch', 'author "alice" does not match the file name "bob.md".'],
        [2, 'date-mismatch', 'date 2026-11-21 does not match the folder 2026-11-20.'],
      ],
    );
  });

  it('a file that is not a standup path', () => {
    assert.deepEqual(
      checkStandup(good, 'docs/standups/alice.md', 'docs/standups').map((p) => [p.line, p.code, p.message]),
      [[0, 'not-a-standup-path', 'A standup is docs/standups/YYYY-MM-DD/<github-login>.md.']],
    );
  });

  it('includes the parse problems, by line', () => {
    const text = lines('---', 'author: alice', 'date: 2026-11-21', '---', '## Done', 'prose', '## Next');
    assert.deepEqual(
      checkStandup(text, FILE, 'docs/standups').map((p) => [p.line, p.code]),
      [
        [3, 'missing-section'],
        [5, 'not-a-bullet'],
      ],
    );
  });
});

// The standup composer's rules (src/core/standups/composerModel.ts): the Today panel's fields become a
// standup and back without losing an item, revisions tell a changed file apart, and stored drafts are
// kept or dropped by age. Property checks draw from a seeded PRNG, so a failure names its input.
import assert from 'node:assert/strict';
import type { ComposerFields } from '../../../src/protocol/today';
import {
  changedSince,
  composerState,
  draftFromFields,
  draftKey,
  DRAFT_KEEP_DAYS,
  fieldsFromDraft,
  fieldsFromFile,
  isEmptyDraft,
  revisionOf,
  sameContent,
  standupText,
  updateDrafts,
  type StoredDrafts,
} from '../../../src/core/standups/composerModel';
import { prng } from '../decisions/helpers';
import { standupText as standupFile } from './helpers';

const FILE = 'docs/standups/2026-11-21/alice.md';
const fields = (over: Partial<ComposerFields> = {}): ComposerFields => ({ done: '', next: '', blockerRows: [], newBlockers: '', notes: '', ...over });

// ---- random fields: what someone might type, markers and blank lines included ----
const WORDS = ['ship', 'ledger', 'export', '#412', '@carol', 'review', 'PR', 'café', 'v2.1', '(draft)', 'a/b', 'x_y', '"quoted"', '50%', '😀'];
const MARKERS = ['', '', '', '- ', '* ', '+ ', '[ ] ', '- [x] ', '  - ', '\t'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function item(rand: () => number): string {
  return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(rand, WORDS)).join(' ');
}

/** Lines of items, each perhaps with a bullet typed out of habit, blank lines and CRLF between. */
function typed(rand: () => number): string {
  const out: string[] = [];
  for (let i = Math.floor(rand() * 5); i > 0; i--) out.push(rand() < 0.15 ? '   ' : `${pick(rand, MARKERS)}${item(rand)}${rand() < 0.2 ? '  ' : ''}`);
  return out.join(rand() < 0.3 ? '\r\n' : '\n');
}

function randomFields(rand: () => number): ComposerFields {
  return {
    done: typed(rand),
    next: typed(rand),
    blockerRows: Array.from({ length: Math.floor(rand() * 3) }, () => ({ text: rand() < 0.1 ? ' ' : item(rand), checked: rand() < 0.4 })),
    newBlockers: typed(rand),
    notes: rand() < 0.5 ? '' : `${item(rand)}\n\n${item(rand)} `,
  };
}

describe('Composer model: fields and drafts', () => {
  it('reads one item per non-empty line, dropping a typed bullet or checkbox and surrounding spaces', () => {
    const typedIn = fields({ done: '- Shipped #412\r\n\n  * Reviewed @bob\n[ ] Wrote docs  ', next: '+ [x] Pair with @carol', notes: '  later  ' });
    const draft = draftFromFields(typedIn);
    assert.deepEqual(draft, { done: ['Shipped #412', 'Reviewed @bob', 'Wrote docs'], next: ['Pair with @carol'], blockers: [], notes: 'later' });
  });

  it('drops only one bullet per line: "- - x" is the item "- x"', () => {
    assert.deepEqual(draftFromFields(fields({ done: '- - x' })).done, ['- x']);
  });

  it('puts carried blocker rows (blank ones dropped, text trimmed) before new blockers, which start open', () => {
    const draft = draftFromFields(
      fields({
        blockerRows: [
          { text: ' Credentials from @carol ', checked: true },
          { text: '  ', checked: false },
        ],
        newBlockers: '- Need a decision\n\nStaging down',
      }),
    );
    assert.deepEqual(draft.blockers, [
      { text: 'Credentials from @carol', checked: true },
      { text: 'Need a decision', checked: false },
      { text: 'Staging down', checked: false },
    ]);
  });

  it('shows a draft with every blocker as a row and nothing under new blockers', () => {
    const shown = fieldsFromDraft({ done: ['a', 'b'], next: ['c'], blockers: [{ text: 'd', checked: true }], notes: 'n' });
    assert.deepEqual(shown, { done: 'a\nb', next: 'c', blockerRows: [{ text: 'd', checked: true }], newBlockers: '', notes: 'n' });
  });

  it('compares what would be written, not how the fields lay it out', () => {
    const rows = fields({ done: 'a\nb', blockerRows: [{ text: 'x', checked: false }] });
    assert.ok(sameContent(rows, fields({ done: '- a\n\n* b \n', newBlockers: 'x' })));
    assert.ok(!sameContent(rows, fields({ done: 'b\na', blockerRows: [{ text: 'x', checked: false }] })), 'order counts');
    assert.ok(!sameContent(rows, fields({ done: 'a\nb', blockerRows: [{ text: 'x', checked: true }] })), 'a ticked box counts');
    assert.ok(!sameContent(fields({ notes: 'a' }), fields({ notes: 'b' })));
  });

  it('calls a draft empty only when every section is', () => {
    assert.ok(isEmptyDraft(draftFromFields(fields({ done: '\n - \n', blockerRows: [{ text: ' ', checked: true }], notes: '  ' }))));
    for (const over of [{ done: 'a' }, { next: 'a' }, { newBlockers: 'a' }, { notes: 'a' }, { blockerRows: [{ text: 'a', checked: true }] }]) {
      assert.ok(!isEmptyDraft(draftFromFields(fields(over))), JSON.stringify(over));
    }
  });

  it('property: showing what the fields would write shows the same content (500 random fields)', () => {
    const rand = prng(20261121);
    for (let i = 0; i < 500; i++) {
      const f = randomFields(rand);
      const shown = fieldsFromDraft(draftFromFields(f));
      assert.ok(sameContent(f, shown), `case ${i}: ${JSON.stringify(f)}`);
      assert.deepEqual(fieldsFromDraft(draftFromFields(shown)), shown, `case ${i}: showing settles`);
    }
  });

  it('property: fields → file text → fields keeps every item, new file or update (500 random fields)', () => {
    const rand = prng(412);
    const handwritten = standupFile('alice', '2026-11-21', '# Catch-up', '## Done', '- old', '## Links', '- https://example.com', '## Next', '## Blockers');
    for (let i = 0; i < 500; i++) {
      const f = randomFields(rand);
      const draft = draftFromFields(f);
      for (const current of [null, handwritten]) {
        const text = standupText(current, 'alice', '2026-11-21', draft);
        const back = fieldsFromFile(text, FILE);
        assert.deepEqual(back.problems, [], `case ${i}: ${text}`);
        assert.ok(sameContent(back.saved, f), `case ${i}: ${JSON.stringify(f)} wrote\n${text}`);
        if (current) assert.ok(text.includes('## Links\n- https://example.com\n'), `case ${i}: the hand-written section is kept`);
      }
    }
  });
});

describe('Composer model: revisions and the file', () => {
  it('has a fixed revision per text (drafts in storage carry one across reloads and updates)', () => {
    assert.equal(revisionOf(null), 'none');
    assert.equal(revisionOf(''), `0-${(0x811c9dc5).toString(36)}`);
    assert.equal(revisionOf('abc'), '3-7aigaz');
    assert.equal(revisionOf('## Done\n- a\n'), revisionOf('## Done\n- a\n'));
    assert.notEqual(revisionOf('## Done\n- a\n'), revisionOf('## Done\n- b\n'));
    assert.notEqual(revisionOf('a\n'), revisionOf('a\r\n'), 'line endings count: the file changed');
  });

  it('tells when the file changed since the edits began', () => {
    const text = standupFile('alice', '2026-11-21', '## Done', '- a');
    assert.equal(changedSince(undefined, text), false, 'no base: nothing to check');
    assert.equal(changedSince(revisionOf(text), text), false);
    assert.equal(changedSince('none', null), false, 'still no file');
    assert.equal(changedSince('none', text), true, 'created elsewhere meanwhile');
    assert.equal(changedSince(revisionOf(text), `${text}- b\n`), true);
    assert.equal(changedSince(revisionOf(text), null), true, 'deleted meanwhile');
  });

  it('writes a new file in the SPEC format, or replaces only the sections of an existing one', () => {
    const draft = draftFromFields(fields({ done: 'Shipped', newBlockers: 'Waiting for @carol' }));
    const created = standupText(null, 'alice', '2026-11-21', draft);
    assert.equal(created, standupFile('alice', '2026-11-21', '## Done', '- Shipped', '## Next', '## Blockers', '- [ ] Waiting for @carol'));
    const existing = standupFile('alice', '2026-11-21', 'mood: fine', '## Done', '- old', '## Next', '## Blockers');
    const updated = standupText(existing, 'alice', '2026-11-21', draft);
    assert.ok(updated.includes('mood: fine\n## Done\n- Shipped\n'), updated);
    assert.ok(updated.endsWith('## Blockers\n- [ ] Waiting for @carol\n'), updated);
  });

  it('reads a file as fields, with its errors (not warnings) as "Line N: …"', () => {
    const text = ['---', 'author: alice', 'date: 2026-13-45', '---', '## Done', '- a', '## Next', 'prose', '## Blockers', '- [x] b'].join('\n');
    const { saved, problems } = fieldsFromFile(text, FILE);
    assert.deepEqual(saved, fields({ done: 'a', blockerRows: [{ text: 'b', checked: true }] }));
    assert.deepEqual(problems, ['Line 3: date must be a day like 2026-11-21, not "2026-13-45".']);
  });
});

describe('Composer model: the state sent to the panel', () => {
  const existing = standupFile('alice', '2026-11-21', '## Done', '- a', '## Next', '- b', '## Blockers', '- [ ] c');

  it('shows an existing file, its revision and no pre-fill', () => {
    const prefill = { draft: { done: ['x'], next: [], blockers: [], notes: '' }, from: '2026-11-20' };
    const state = composerState({ date: '2026-11-21', login: 'alice', file: FILE, text: existing, prefill });
    assert.deepEqual(state, {
      date: '2026-11-21',
      dateLabel: 'Sat 21 Nov 2026',
      login: 'alice',
      file: FILE,
      exists: true,
      saved: fields({ done: 'a', next: 'b', blockerRows: [{ text: 'c', checked: false }] }),
      prefilledFrom: null,
      revision: revisionOf(existing),
      problems: [],
    });
  });

  it('without a file, shows the pre-fill and where it came from', () => {
    const prefill = { draft: { done: ['from yesterday'], next: [], blockers: [{ text: 'still open', checked: false }], notes: '' }, from: '2026-11-20' };
    const state = composerState({ date: '2026-11-21', login: 'alice', file: FILE, text: null, prefill });
    assert.equal(state.exists, false);
    assert.equal(state.revision, 'none');
    assert.equal(state.prefilledFrom, '2026-11-20');
    assert.deepEqual(state.saved, fields({ done: 'from yesterday', blockerRows: [{ text: 'still open', checked: false }] }));
    assert.equal(composerState({ date: '2026-11-21', login: 'alice', file: FILE, text: null }).prefilledFrom, null);
  });

  it('offers a stored draft only when it would write something else than the file', () => {
    const base = revisionOf(existing);
    const same = { fields: fields({ done: '- a', next: 'b', newBlockers: 'c' }), base: 'older' };
    assert.equal(composerState({ date: '2026-11-21', login: 'alice', file: FILE, text: existing, stored: same }).draft, undefined);
    const other = { fields: fields({ done: 'a\nmore' }), base };
    assert.deepEqual(composerState({ date: '2026-11-21', login: 'alice', file: FILE, text: existing, stored: other }).draft, other);
  });
});

describe('Composer model: drafts in storage', () => {
  const draft = { fields: fields({ done: 'typing' }), base: 'none' };
  const now = new Date('2026-11-21T09:30:00Z');

  it('keys a draft by folder, login in any case, and day', () => {
    assert.equal(draftKey('file:///repo', 'Alice', '2026-11-21'), 'file:///repo|alice|2026-11-21');
    assert.equal(draftKey('', 'alice', '2026-11-21'), draftKey('', 'ALICE', '2026-11-21'));
  });

  it('keeps a draft with the time of the change, and forgets it on undefined, without touching the input', () => {
    const before: StoredDrafts = {};
    const kept = updateDrafts(before, 'k', draft, now, '2026-11-21');
    assert.deepEqual(kept, { k: { ...draft, updated: '2026-11-21T09:30:00.000Z' } });
    assert.deepEqual(before, {});
    assert.deepEqual(updateDrafts(kept, 'k', undefined, now, '2026-11-21'), {});
    assert.ok(kept.k, 'the input is untouched');
  });

  it(`drops drafts last changed more than ${DRAFT_KEEP_DAYS} days before today`, () => {
    const at = (updated: string) => ({ ...draft, updated });
    const stored: StoredDrafts = { edge: at('2026-11-07T23:59:00.000Z'), old: at('2026-11-06T23:59:59.000Z'), other: at('2026-11-20T10:00:00.000Z') };
    assert.deepEqual(Object.keys(updateDrafts(stored, 'new', draft, now, '2026-11-21')).sort(), ['edge', 'new', 'other']);
    assert.deepEqual(Object.keys(updateDrafts(stored, 'other', undefined, now, '2026-11-21')), ['edge']);
  });
});

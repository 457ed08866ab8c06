// The Today webview's composer model (webview-ui/today/model.ts) in plain Node: where the text starts
// from, what a save sends, and what a new host state does to what you typed. The property test plays
// random sessions (typing, saves, replies, files changed elsewhere, reloads) against a small fake host.
import assert from 'node:assert/strict';
import type { ComposerFields, ComposerState } from '../../../src/protocol/today';
import { keyOf, sameFields, TodayModel, type Persisted } from '../../../webview-ui/today/model';
import { prng } from '../decisions/helpers';

const DATE = '2026-11-26';
const fields = (over: Partial<ComposerFields> = {}): ComposerFields => ({ done: '', next: '', blockerRows: [], newBlockers: '', notes: '', ...over });

function composer(over: Partial<ComposerState> = {}): ComposerState {
  return {
    date: DATE,
    dateLabel: 'Thu 26 Nov 2026',
    login: 'alice',
    file: `docs/standups/${DATE}/alice.md`,
    exists: true,
    saved: fields({ done: 'Shipped' }),
    prefilledFrom: null,
    revision: 'r1',
    problems: [],
    ...over,
  };
}

/** A model showing `state`, as after the host's first message. */
function showing(state = composer(), persisted?: Persisted): TodayModel {
  const model = new TodayModel();
  assert.deepEqual(model.receive(state, persisted), { kind: 'build' });
  return model;
}

describe('Today model: where the text starts', () => {
  it('starts from the file, clean', () => {
    const model = showing();
    assert.deepEqual(model.fields, fields({ done: 'Shipped' }));
    assert.equal(model.base, 'r1');
    assert.equal(model.dirty(), false);
    assert.equal(model.fileChangedWhileDirty, false);
  });

  it('prefers what was being typed (webview state) over the stored draft, and the draft over the file', () => {
    const draft = { fields: fields({ done: 'from storage' }), base: 'r1' };
    const typed: Persisted = { key: 'alice|2026-11-26', fields: fields({ done: 'typing' }), base: 'r1' };
    assert.equal(showing(composer({ draft }), typed).fields.done, 'typing');
    assert.equal(showing(composer({ draft }), { ...typed, key: 'bob|2026-11-26' }).fields.done, 'from storage');
    assert.equal(showing(composer({ draft })).dirty(), true);
  });

  it('says at once when the draft is based on an older file (unless it equals the file)', () => {
    assert.equal(showing(composer({ draft: { fields: fields({ done: 'mine' }), base: 'r0' } })).fileChangedWhileDirty, true);
    assert.equal(showing(composer({ draft: { fields: fields({ done: 'Shipped' }), base: 'r0' } })).fileChangedWhileDirty, false);
  });

  it('without a composer shows none, and starts over when one comes', () => {
    const model = showing();
    model.editText('done', 'typed');
    assert.deepEqual(model.receive(null, undefined), { kind: 'none' });
    assert.equal(model.composer, undefined);
    assert.equal(model.dirty(), false);
    assert.equal(model.takeDraft(), undefined, 'no draft without a composer');
    assert.deepEqual(model.receive(composer(), model.persisted()), { kind: 'build' });
  });

  it('keeps the composer in webview state so a re-opened view shows it before the host answers', () => {
    const model = showing();
    model.editText('next', 'Review');
    const kept = model.persisted();
    assert.deepEqual(kept, { key: 'alice|2026-11-26', fields: fields({ done: 'Shipped', next: 'Review' }), base: 'r1', composer: composer() });
    assert.deepEqual(TodayModel.restorable(kept), composer());
    assert.equal(TodayModel.restorable({ ...kept, key: 'alice|2026-11-25' }), undefined);
    assert.equal(TodayModel.restorable(undefined), undefined);
    assert.deepEqual(new TodayModel().persisted(), { key: '', fields: fields(), base: 'none' });
    assert.equal(keyOf(composer()), kept.key);
  });

  it('a trust change rebuilds the composer and keeps what was typed', () => {
    const model = showing();
    model.editText('done', 'typed');
    const kept = model.persisted(); // main.ts keeps webview state after every edit
    model.setTrusted(false);
    assert.equal(model.key, '');
    assert.deepEqual(model.receive(composer(), kept), { kind: 'build' });
    assert.equal(model.fields.done, 'typed');
    assert.equal(model.statusText(false), 'Restricted Mode: standups are read-only.');
    model.setTrusted(false);
    assert.equal(model.key, 'alice|2026-11-26', 'no change, no rebuild');
  });
});

describe('Today model: edits, drafts and saves', () => {
  it('an edit leaves a draft to send; sending it once clears that', () => {
    const model = showing(composer({ saved: fields({ blockerRows: [{ text: 'creds', checked: false }] }) }));
    model.editText('notes', 'n');
    model.tickBlocker(0, true);
    assert.equal(model.draftUnsent, true);
    assert.equal(model.dirty(), true);
    const expected = fields({ notes: 'n', blockerRows: [{ text: 'creds', checked: true }] });
    assert.deepEqual(model.takeDraft(), { type: 'draftChanged', date: DATE, fields: expected, base: 'r1' });
    assert.equal(model.draftUnsent, false);
  });

  it('typing back what the file says is clean again', () => {
    const model = showing();
    model.editText('done', 'Shipped!');
    model.editText('done', 'Shipped');
    assert.equal(model.dirty(), false);
    assert.equal(model.statusText(true), 'Saved');
    assert.equal(showing(composer({ exists: false })).statusText(true), 'Not saved yet');
  });

  it('a save sends the draft, then the save; no second save while one is in flight', () => {
    const model = showing();
    model.editText('next', 'Pair');
    const sent = fields({ done: 'Shipped', next: 'Pair' });
    assert.deepEqual(model.save(), [
      { type: 'draftChanged', date: DATE, fields: sent, base: 'r1' },
      { type: 'save', date: DATE, fields: sent, base: 'r1' },
    ]);
    assert.equal(model.saving, true);
    assert.equal(model.draftUnsent, false);
    assert.equal(model.statusText(false), 'Saving…');
    assert.deepEqual(model.save(), []);
  });

  it('no save without a composer or in Restricted Mode', () => {
    assert.deepEqual(new TodayModel().save(), []);
    const model = showing();
    model.setTrusted(false);
    assert.deepEqual(model.save(), []);
    assert.equal(model.saving, false);
  });

  it('the saved file coming back replaces the fields (new blockers became rows)', () => {
    const model = showing();
    model.editText('newBlockers', 'Need creds');
    model.save();
    model.saveFinished(true);
    const saved = fields({ done: 'Shipped', blockerRows: [{ text: 'Need creds', checked: false }] });
    assert.deepEqual(model.receive(composer({ saved, revision: 'r2' }), model.persisted()), { kind: 'update', fieldsReplaced: true, rebuild: false });
    assert.deepEqual(model.fields, saved);
    assert.equal(model.base, 'r2');
    assert.equal(model.dirty(), false);
  });

  it('text typed while saving stays, based on the saved file', () => {
    const model = showing();
    model.editText('done', 'Shipped\nMore');
    model.save();
    model.editText('notes', 'typed meanwhile');
    model.saveFinished(true);
    const update = model.receive(composer({ saved: fields({ done: 'Shipped\nMore' }), revision: 'r2' }), model.persisted());
    assert.deepEqual(update, { kind: 'update', fieldsReplaced: false, rebuild: false });
    assert.equal(model.fields.notes, 'typed meanwhile');
    assert.equal(model.base, 'r2', 'the next save replaces the file without asking');
    assert.equal(model.fileChangedWhileDirty, false);
  });

  it('a state that arrives before the save reply raises no banner', () => {
    const model = showing();
    model.editText('done', 'Mine');
    model.save();
    model.receive(composer({ saved: fields({ done: 'Mine, normalised' }), revision: 'r2' }), model.persisted());
    assert.equal(model.fileChangedWhileDirty, false);
    assert.equal(model.fields.done, 'Mine');
  });

  it("a failed save keeps the text; a later change on disk is then someone else's", () => {
    const model = showing();
    model.editText('done', 'Mine');
    model.save();
    model.saveFinished(false);
    assert.equal(model.saving, false);
    assert.deepEqual(model.receive(composer({ saved: fields({ done: 'Theirs' }), revision: 'r2' }), model.persisted()).kind, 'update');
    assert.equal(model.fields.done, 'Mine');
    assert.equal(model.fileChangedWhileDirty, true);
  });
});

describe('Today model: the file changes behind the panel', () => {
  const theirs = composer({ saved: fields({ done: 'Edited in the file' }), revision: 'r2' });

  it('without unsaved edits, the panel shows the new file', () => {
    const model = showing();
    assert.deepEqual(model.receive(theirs, model.persisted()), { kind: 'update', fieldsReplaced: true, rebuild: false });
    assert.deepEqual(model.fields, theirs.saved);
    assert.equal(model.base, 'r2');
  });

  it('with unsaved edits, your text stays and loading the file is offered', () => {
    const model = showing();
    model.editText('done', 'Mine');
    assert.deepEqual(model.receive(theirs, model.persisted()), { kind: 'update', fieldsReplaced: false, rebuild: false });
    assert.equal(model.fields.done, 'Mine');
    assert.equal(model.fileChangedWhileDirty, true);
    model.loadFile();
    assert.deepEqual(model.fields, theirs.saved);
    assert.equal(model.base, 'r2');
    assert.equal(model.fileChangedWhileDirty, false);
    assert.equal(model.draftUnsent, true, 'the stored draft is replaced too');
  });

  it('"Keep my text" hides the offer; the edits stay based on the old file', () => {
    const model = showing();
    model.editText('done', 'Mine');
    model.receive(theirs, model.persisted());
    model.keepMyText();
    assert.equal(model.fileChangedWhileDirty, false);
    assert.equal(model.base, 'r1');
    assert.equal(model.statusText(true), 'Unsaved changes (kept as a draft) · ⌘+Enter saves');
    model.saveFinished(true);
    assert.equal(model.fileChangedWhileDirty, false);
  });

  it('unsaved edits that equal the new file are simply adopted', () => {
    const model = showing();
    model.editText('done', 'Edited in the file');
    assert.equal(model.receive(theirs, model.persisted()).kind, 'update');
    assert.equal(model.base, 'r2');
    assert.equal(model.dirty(), false);
  });

  it('rebuilds when the file appears or its problems change; the same revision changes nothing', () => {
    const model = showing(composer({ exists: false, revision: 'none' }));
    const again = model.receive(composer({ exists: false, revision: 'none' }), model.persisted());
    assert.deepEqual(again, { kind: 'update', fieldsReplaced: false, rebuild: false });
    assert.deepEqual(model.receive(composer(), model.persisted()), { kind: 'update', fieldsReplaced: true, rebuild: true });
    const broken = composer({ revision: 'r3', problems: ['Line 3: date must be a day'] });
    assert.deepEqual(model.receive(broken, model.persisted()), { kind: 'update', fieldsReplaced: true, rebuild: true });
  });
});

// ---- random sessions against a fake host ----

const WORDS = ['Shipped', 'Review', '@carol', '#412', 'Pair', 'docs', ''];

/** What the host writes for saved fields: new blockers become rows (no bullets are typed here). */
function normalised(f: ComposerFields): ComposerFields {
  const typedBlockers = f.newBlockers
    .split('\n')
    .filter(Boolean)
    .map((text) => ({ text, checked: false }));
  return { ...f, blockerRows: [...f.blockerRows, ...typedBlockers], newBlockers: '' };
}

describe('Today model: random sessions', () => {
  it('property: typed text is never replaced unless saved or unchanged, and a reload loses nothing (300 sessions)', () => {
    const rand = prng(20261126);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    for (let session = 0; session < 300; session++) {
      let revision = 1;
      let file = composer();
      let inFlight: ComposerFields | undefined; // what the host is saving
      let lastSent: ComposerFields | undefined; // the last save the webview sent (test's own bookkeeping)
      const model = showing(file);
      const log: string[] = [];
      const receive = () => {
        const before = model.fields;
        const wasDirty = model.dirty();
        const update = model.receive(file, model.persisted());
        const where = `session ${session}: ${log.join(', ')}`;
        if (update.kind === 'update' && update.fieldsReplaced && !sameFields(before, file.saved)) {
          assert.ok(!wasDirty || (lastSent && sameFields(before, lastSent)), `${where}: unsaved text replaced`);
        }
      };
      for (let step = 0; step < 25; step++) {
        const op = pick(['type', 'type', 'tick', 'save', 'hostWrites', 'reply', 'state', 'external', 'load', 'keep', 'trust']);
        log.push(op);
        if (op === 'type') model.editText(pick(['done', 'next', 'newBlockers', 'notes'] as const), pick(WORDS));
        else if (op === 'tick' && model.fields.blockerRows.length) model.tickBlocker(0, rand() < 0.5);
        else if (op === 'save') {
          const sent = model.save().find((m) => m.type === 'save');
          if (sent?.type === 'save') inFlight = lastSent = sent.fields;
        } else if (op === 'hostWrites' && inFlight) {
          file = composer({ saved: normalised(inFlight), revision: `r${++revision}` });
          inFlight = undefined;
        } else if (op === 'reply' && model.saving) {
          const ok = rand() < 0.7;
          if (ok && inFlight) file = composer({ saved: normalised(inFlight), revision: `r${++revision}` });
          inFlight = undefined;
          model.saveFinished(ok);
          if (!ok) lastSent = undefined;
          receive();
        } else if (op === 'state') receive();
        else if (op === 'external') {
          file = composer({ saved: fields({ done: pick(WORDS), next: pick(WORDS) }), revision: `r${++revision}` });
          receive();
        } else if (op === 'load') model.loadFile();
        else if (op === 'keep') model.keepMyText();
        else if (op === 'trust') {
          const kept = model.persisted();
          model.setTrusted(!model.trusted);
          assert.equal(model.receive(file, kept).kind, 'build');
          assert.deepEqual(model.fields, kept.fields, `session ${session}: a trust change keeps the text`);
        }
        if (model.fileChangedWhileDirty) assert.ok(model.dirty(), `session ${session}: ${log.join(', ')}: the offer only with unsaved text`);
        // Reloading the page now: the same text and base come back from webview state.
        const reloaded = new TodayModel();
        reloaded.receive(TodayModel.restorable(model.persisted()) ?? file, model.persisted());
        assert.deepEqual([reloaded.fields, reloaded.base], [model.fields, model.base], `session ${session}: ${log.join(', ')}: reload`);
      }
    }
  });
});

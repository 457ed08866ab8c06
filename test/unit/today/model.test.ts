// The Today webview's composer model (webview-ui/today/model.ts) in plain Node: where the text starts
// from, what a save sends, and what a new host state does to what you typed. The property test plays
// generated sessions (typing, saves, replies, files changed elsewhere, reloads) against a small fake
// host, as fast-check commands: a failure is shrunk to a short session and printed step by step.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { composerState, draftFromFields, standupText } from '../../../src/core/standups/composerModel';
import type { ComposerFields, ComposerState } from '../../../src/protocol/today';
import { keyOf, sameFields, TodayModel, type Persisted, type TextField } from '../../../webview-ui/today/model';
import { runs } from '../propertyRuns';
import { standupText as standupFile } from '../standups/helpers';

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
    assert.equal(model.saveFinished(true, 'r2'), false, 'the saved file has not come yet');
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
    model.saveFinished(true, 'r2');
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

// ---- generated sessions against a fake host ----
// The host is the real composer core (src/core/standups/composerModel.ts) over an in-memory file: a save
// writes the file the way the extension does, so the state coming back is normalised (bullets dropped,
// new blockers turned into rows) and its revision is the text's hash: writing the same text again, or
// deleting the file, brings an earlier revision back. Like the extension, the host writes a save without
// asking when its base is the file's revision.

const FILE = `docs/standups/${DATE}/alice.md`;

/** The fake host and the test's own bookkeeping. */
interface Host {
  /** The file's text (null: not created yet, or deleted). */
  text: string | null;
  /** What the host sends for it. */
  state: ComposerState;
  /** Fields of a save the host has not written yet. */
  inFlight: ComposerFields | undefined;
  /** A save was sent and not yet answered (the model's `saving`). */
  awaitingReply: boolean;
  /** The host wrote the save that awaits its reply. */
  wroteUnanswered: boolean;
  /** The last save the webview sent (cleared when it fails). */
  lastSent: ComposerFields | undefined;
  /** Revisions the file has had; those our own saves wrote; those the panel showed (its text equal to the file's). */
  revisions: Set<string>;
  ours: Set<string>;
  shown: Set<string>;
  /** The file changed other than by a save that succeeded (someone else wrote it, or a failed save had
   *  written it): only then may the panel offer to load it. */
  changedElsewhere: boolean;
  /** The revision the last save wrote (what the host's 'saved' reply names). */
  wrote: string | undefined;
}

function hostWith(text: string | null): Host {
  const state = composerState({ date: DATE, login: 'alice', file: FILE, text });
  return {
    text,
    state,
    inFlight: undefined,
    awaitingReply: false,
    wroteUnanswered: false,
    lastSent: undefined,
    revisions: new Set([state.revision]),
    ours: new Set(),
    shown: new Set([state.revision]),
    changedElsewhere: false,
    wrote: undefined,
  };
}

/** Writes `fields` into the file as the host does (null deletes it): for our save, or someone else's edit. */
function write(host: Host, fields: ComposerFields | null, ours: boolean): void {
  host.text = fields && standupText(host.text, 'alice', DATE, draftFromFields(fields));
  const state = composerState({ date: DATE, login: 'alice', file: FILE, text: host.text });
  host.revisions.add(state.revision);
  if (ours) {
    host.ours.add(state.revision);
    host.wrote = state.revision;
  } else host.changedElsewhere = true;
  host.state = state;
}

/** The host sends its state; the panel must not replace unsaved text unless that text was just saved. */
function receive(host: Host, model: TodayModel): void {
  const before = model.fields;
  const wasDirty = model.dirty();
  const update = model.receive(host.state, model.persisted());
  if (update.kind === 'update' && update.fieldsReplaced && !sameFields(before, host.state.saved)) {
    assert.ok(!wasDirty || (host.lastSent && sameFields(before, host.lastSent)), `unsaved text replaced: ${JSON.stringify(before)}`);
  }
}

/** Holds after every step. */
function invariants(host: Host, model: TodayModel): void {
  if (model.fileChangedWhileDirty) assert.ok(model.dirty(), 'the offer to load the file only with unsaved text');
  if (model.fileChangedWhileDirty) assert.ok(host.changedElsewhere, 'no offer to load the file after only our own saves');
  assert.equal(model.saving, host.awaitingReply, 'saving until the reply');
  if (model.composer && sameFields(model.fields, host.state.saved) && model.base === host.state.revision) host.shown.add(model.base);
  // Reloading the page now: the same text and base come back from webview state.
  const reloaded = new TodayModel();
  reloaded.receive(TodayModel.restorable(model.persisted()) ?? host.state, model.persisted());
  assert.deepEqual([reloaded.fields, reloaded.base], [model.fields, model.base], 'a reload keeps the text and its base');
}

type Step = fc.Command<Host, TodayModel>;

/** A step of a session; `can` says when it makes sense (a reply only to a save, say). */
function step(name: string, run: (host: Host, model: TodayModel) => void, can: (host: Readonly<Host>) => boolean = () => true): Step {
  return {
    check: can,
    run(host, model) {
      run(host, model);
      invariants(host, model);
    },
    toString: () => name,
  };
}

/** What someone types into a field: a few words, perhaps after a bullet, over one or more lines. */
const typedLine = fc.tuple(fc.constantFrom('', '', '- ', '[ ] ', '  '), fc.constantFrom('Shipped', 'Review', '@carol', '#412', 'Pair', 'docs', ''));
const typedText = fc
  .tuple(fc.array(typedLine, { maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\n\n'))
  .map(([lines, eol]) => lines.map(([marker, word]) => marker + word).join(eol));

/** Fields someone else writes into the file. */
const theirFields: fc.Arbitrary<ComposerFields> = fc.record({
  done: typedText,
  next: typedText,
  blockerRows: fc.array(fc.record({ text: fc.constantFrom('creds', 'staging'), checked: fc.boolean() }), { maxLength: 2 }),
  newBlockers: typedText,
  notes: fc.constantFrom('', 'a note'),
});

const FIELDS: readonly TextField[] = ['done', 'next', 'newBlockers', 'notes'];
const typing = fc
  .tuple(fc.constantFrom(...FIELDS), typedText)
  .map(([field, text]) => step(`type ${field} ${JSON.stringify(text)}`, (_, model) => model.editText(field, text)));

/** The steps of a session (typing twice: it is what happens most). */
const steps: fc.Arbitrary<Step>[] = [
  typing,
  typing,
  fc.tuple(fc.nat(2), fc.boolean()).map(([row, checked]) =>
    step(`tick row ${row} ${checked}`, (_, model) => {
      if (row < model.fields.blockerRows.length) model.tickBlocker(row, checked);
    }),
  ),
  fc.constant(step('send draft', (_, model) => void model.takeDraft())),
  fc.constant(
    step('save', (host, model) => {
      const sent = model.save().find((m) => m.type === 'save');
      if (sent?.type !== 'save') return;
      if (sent.base === host.state.revision) {
        // The host will not ask: the panel must have shown this file (or written it).
        assert.ok(host.ours.has(sent.base) || host.shown.has(sent.base), 'a save would replace a change made elsewhere without asking');
      }
      host.inFlight = host.lastSent = sent.fields;
      host.wrote = undefined;
      host.awaitingReply = true;
    }),
  ),
  fc.constant(
    step(
      'host writes the save',
      (host) => {
        write(host, host.inFlight!, true);
        host.inFlight = undefined;
        host.wroteUnanswered = true;
      },
      (host) => host.inFlight !== undefined,
    ),
  ),
  fc.boolean().map((ok) =>
    step(
      `save reply ${ok ? 'ok' : 'failed'}`,
      (host, model) => {
        if (ok && host.inFlight) write(host, host.inFlight, true);
        if (!ok && host.wroteUnanswered) host.changedElsewhere = true; // the panel cannot know that file is its own
        host.inFlight = undefined;
        host.awaitingReply = host.wroteUnanswered = false;
        // Like the extension, an ok reply names the revision the save wrote.
        model.saveFinished(ok, ok ? host.wrote : undefined);
        if (!ok) host.lastSent = undefined;
        receive(host, model);
      },
      (host) => host.awaitingReply,
    ),
  ),
  fc.constant(step('state', (host, model) => receive(host, model))),
  fc.oneof({ weight: 9, arbitrary: theirFields }, { weight: 1, arbitrary: fc.constant(null) }).map((theirs) =>
    step(theirs ? `file edited elsewhere ${JSON.stringify(theirs)}` : 'file deleted elsewhere', (host, model) => {
      write(host, theirs, false);
      receive(host, model);
    }),
  ),
  fc.constant(step('load the file', (_, model) => model.loadFile())),
  fc.constant(step('keep my text', (_, model) => model.keepMyText())),
  fc.constant(
    step('trust change', (host, model) => {
      const kept = model.persisted();
      model.setTrusted(!model.trusted);
      assert.equal(model.receive(host.state, kept).kind, 'build');
      assert.deepEqual(model.fields, kept.fields, 'a trust change keeps the text');
    }),
  ),
];

describe('Today model: generated sessions', () => {
  it('property: typed text stays unless saved or unchanged, no save replaces an unseen change, a reload loses nothing (500 sessions, ≤ 50 steps)', () => {
    const existing = standupFile('alice', DATE, '## Done', '- Shipped', '## Next', '## Blockers', '- [ ] creds');
    fc.assert(
      fc.property(fc.boolean(), fc.commands(steps, { maxCommands: 50, size: 'max' }), (fileExists, session) => {
        fc.modelRun(() => {
          const host = hostWith(fileExists ? existing : null);
          return { model: host, real: showing(host.state) };
        }, session);
      }),
      runs(500, 20261126),
    );
  });
});

// ---- found by the generated sessions ----
// Found once the host wrote real files (revisions are hashes, so they can come back) and states could
// arrive before a save's reply; fixed by the host naming the revision a save wrote in its 'saved' reply
// (the panel takes that revision, and no other, for its own save) and by judging a rebuild's new
// revision like an update's.
describe('Today model: sessions the generated tests found', () => {
  it('a save that leaves the file as it was does not take the next change elsewhere for itself', () => {
    const model = showing();
    model.save(); // nothing changed: the host writes the same text, and the revision stays r1
    model.saveFinished(true, 'r1');
    model.receive(composer(), model.persisted());
    model.editText('next', 'more');
    model.receive(composer({ saved: fields({ done: 'Theirs' }), revision: 'r2' }), model.persisted()); // edited elsewhere
    assert.equal(model.fileChangedWhileDirty, true, 'their change is offered');
    assert.equal(model.base, 'r1', 'the next save asks before replacing their change');
  });

  it('the saved file arriving before the save reply still counts as the save; a later change elsewhere is offered, not overwritten', () => {
    const model = showing();
    model.editText('done', '- Mine');
    model.save();
    const written = composer({ saved: fields({ done: 'Mine' }), revision: 'r2' });
    model.receive(written, model.persisted()); // the file watcher's state is faster than the reply
    assert.equal(model.saveFinished(true, 'r2'), true, 'the saved file replaces the fields at the reply');
    model.receive(written, model.persisted());
    model.editText('next', 'more');
    model.receive(composer({ saved: fields({ done: 'Theirs' }), revision: 'r3' }), model.persisted()); // edited elsewhere
    assert.equal(model.fileChangedWhileDirty, true, 'their change is offered');
    assert.notEqual(model.save().find((m) => m.type === 'save')?.base, 'r3', 'the save asks before replacing their change');
  });

  it('a trust change during a save does not take the saved file for a change elsewhere', () => {
    const model = showing();
    model.editText('done', '- Mine');
    model.save();
    const kept = model.persisted();
    model.setTrusted(false);
    model.receive(composer({ saved: fields({ done: 'Mine' }), revision: 'r2' }), kept); // our save, already written
    assert.equal(model.fileChangedWhileDirty, false);
  });

  it('the offer goes when the file is back to the text the edits are based on and they are undone', () => {
    const model = showing();
    model.editText('done', 'Mine');
    model.receive(composer({ saved: fields({ done: 'Theirs' }), revision: 'r2' }), model.persisted());
    assert.equal(model.fileChangedWhileDirty, true);
    model.receive(composer(), model.persisted()); // reverted elsewhere: r1 again
    model.editText('done', 'Shipped'); // and typed back to it
    assert.equal(model.dirty(), false);
    assert.equal(model.fileChangedWhileDirty, false, 'no offer without unsaved text');
  });
});

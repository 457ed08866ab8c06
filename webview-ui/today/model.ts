// The Today webview's composer state and its decisions, without the DOM: what you typed, which file
// revision it is based on, whether a save is in flight, and what to do when the host sends a new state
// (adopt the file, keep your text, or offer to load the file). main.ts renders this and moves messages;
// test/unit/today/model.test.ts runs it in plain Node. Only types come from the host side.
import type { BlockerRow, ComposerFields, ComposerState, TodayToHostMessage } from '../../src/protocol/today';

/** What the webview keeps across a reload of the page (VS Code's webview state). */
export interface Persisted {
  /** keyOf() of the composer these fields belong to. */
  key: string;
  fields: ComposerFields;
  /** Revision of the file these edits started from. */
  base: string;
  /** The last composer the host sent: re-opening the view shows it at once, before the host answers. */
  composer?: ComposerState;
}

export type TextField = 'done' | 'next' | 'newBlockers' | 'notes';

/** What main.ts redraws after a host state: the no-composer notice, the whole composer, or parts of it. */
export type ComposerUpdate =
  | { kind: 'none' }
  | { kind: 'build' }
  | { kind: 'update'; /** The fields now show another text: refresh the inputs. */ fieldsReplaced: boolean; rebuild: boolean };

export const emptyFields = (): ComposerFields => ({ done: '', next: '', blockerRows: [], newBlockers: '', notes: '' });

/** Exactly the same fields, layout included (unlike the host's sameContent, which compares what would be written). */
export const sameFields = (a: ComposerFields, b: ComposerFields): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One composer per login and day: another key starts over from the webview state, the stored draft or the file. */
export const keyOf = (state: Pick<ComposerState, 'login' | 'date'>): string => `${state.login}|${state.date}`;

export class TodayModel {
  /** The last composer the host sent (undefined: none to show). */
  composer: ComposerState | undefined;
  /** keyOf(composer), or '' to rebuild on the next state. */
  key = '';
  fields: ComposerFields = emptyFields();
  /** Revision of the file `fields` are based on: saving with an older base asks before replacing. */
  base = 'none';
  trusted = true;
  saving = false;
  /** The file changed while you had unsaved edits: offer to load it. */
  fileChangedWhileDirty = false;
  /** Edits not yet sent to the host as a draft (main.ts sends them a moment later, or on leaving). */
  draftUnsent = false;
  /**
   * The last save, from when it starts until the panel has the file it wrote: what it sent (when the
   * saved file comes back it replaces these fields), the revision the panel showed when it began, and,
   * once the host answered, the revision it wrote. Only a state with exactly that revision is taken for
   * the save; any other new revision is a change made elsewhere (ADR-0010).
   */
  private ownSave: { sent: ComposerFields; from: string; wrote?: string } | undefined;

  /** Unsaved: the fields differ from the file, or are based on an older revision of it. */
  dirty(): boolean {
    return !!this.composer && (!sameFields(this.fields, this.composer.saved) || this.base !== this.composer.revision);
  }

  persisted(): Persisted {
    return { key: this.key, fields: this.fields, base: this.base, ...(this.composer ? { composer: this.composer } : {}) };
  }

  /** The composer kept in webview state, when it can be shown before the host answers. */
  static restorable(kept: Persisted | undefined): ComposerState | undefined {
    return kept?.composer && kept.key === keyOf(kept.composer) ? kept.composer : undefined;
  }

  // ---- your edits ----

  editText(id: TextField, value: string): void {
    this.fields = { ...this.fields, [id]: value };
    this.draftUnsent = true;
    this.settle();
  }

  tickBlocker(index: number, checked: boolean): void {
    const blockerRows = this.fields.blockerRows.map((r: BlockerRow, j) => (j === index ? { ...r, checked } : r));
    this.fields = { ...this.fields, blockerRows };
    this.draftUnsent = true;
    this.settle();
  }

  /** "Load the file": drop your text for the file's. Counts as an edit (the stored draft goes too). */
  loadFile(): void {
    if (!this.composer) return;
    this.adopt(this.composer.saved, this.composer.revision);
    this.draftUnsent = true;
  }

  /** "Keep my text": hide the offer; the next save asks before replacing the changed file. */
  keepMyText(): void {
    this.fileChangedWhileDirty = false;
  }

  /** The draft message for the host now (nothing without a composer); the edits count as sent. */
  takeDraft(): TodayToHostMessage | undefined {
    this.draftUnsent = false;
    return this.composer ? { type: 'draftChanged', date: this.composer.date, fields: this.fields, base: this.base } : undefined;
  }

  // ---- saving ----

  /** Starts a save: the draft goes first, then the save. Empty when a save cannot start now. */
  save(): TodayToHostMessage[] {
    if (!this.composer || this.saving || !this.trusted) return [];
    const draft = this.takeDraft();
    this.saving = true;
    this.ownSave = { sent: this.fields, from: this.composer.revision };
    return [...(draft ? [draft] : []), { type: 'save', date: this.composer.date, fields: this.fields, base: this.base }];
  }

  /**
   * The host's answer to a save: `wrote` is the revision of the file the save wrote (ok only). When the
   * panel already has that file (it came before the answer, or the save changed nothing), the save is
   * settled now; otherwise the next new revision settles it. A failed save keeps your text as it is
   * (and as a draft). True when the fields now show another text (the saved file replaced them).
   */
  saveFinished(ok: boolean, wrote?: string): boolean {
    this.saving = false;
    const own = this.ownSave;
    this.ownSave = undefined;
    if (!own || !this.composer) return false;
    if (ok && wrote !== undefined && this.composer.revision === wrote) return this.ownSaveCameBack(own.sent, this.composer, true);
    // A revision that came during the save and is not the saved file: a change made elsewhere, held
    // back until now (it could have been the save). Your base stays, so the next save asks.
    if (this.composer.revision !== own.from && this.base !== this.composer.revision && this.dirty()) this.fileChangedWhileDirty = true;
    if (ok && wrote !== undefined) this.ownSave = { ...own, wrote };
    return false;
  }

  // ---- host states ----

  /** Trust changed: the composer is rebuilt read-only or editable on the next state. */
  setTrusted(trusted: boolean): void {
    if (this.trusted !== trusted) this.key = '';
    this.trusted = trusted;
  }

  /**
   * Takes a composer state from the host. For a new login or day, starts from what was being typed
   * (`persisted`, the webview state), else the stored draft, else the file. For the same one, a changed
   * file replaces the fields only when that loses nothing: your own save coming back, or no unsaved
   * edits; otherwise your text stays and the change is offered. A rebuild of the same composer (trust
   * changed) keeps the text as typed and judges a new revision the same way.
   */
  receive(state: ComposerState | null, persisted: Persisted | undefined): ComposerUpdate {
    if (!state) {
      this.composer = undefined;
      this.key = '';
      return { kind: 'none' };
    }
    const key = keyOf(state);
    const previous = this.composer;
    if (key !== this.key) {
      this.composer = state;
      this.key = key;
      const start = persisted?.key === key ? persisted : state.draft;
      this.fields = start ? start.fields : state.saved;
      this.base = start ? start.base : state.revision;
      if (previous && keyOf(previous) === key) {
        // The same composer rebuilt (trust changed): a save in flight or settling stays ours.
        this.judge(previous, state, this.dirtyAgainst(previous), false);
        this.settle();
        return { kind: 'build' };
      }
      this.ownSave = undefined;
      // A draft from before the file last changed (another window, git pull): say so at once.
      this.fileChangedWhileDirty = this.base !== state.revision && !sameFields(this.fields, state.saved);
      return { kind: 'build' };
    }
    const wasDirty = this.dirty();
    this.composer = state;
    const fieldsReplaced = this.judge(previous!, state, wasDirty, true);
    this.settle();
    const rebuild = state.revision !== previous!.revision && (state.exists !== previous!.exists || state.problems.join() !== previous!.problems.join());
    return { kind: 'update', fieldsReplaced, rebuild };
  }

  /**
   * What a new revision of the file does to the fields (`mayReplace`: the text may be replaced by the
   * file's). True when it replaced them.
   */
  private judge(previous: ComposerState, state: ComposerState, wasDirty: boolean, mayReplace: boolean): boolean {
    if (state.revision === previous.revision) return false;
    const own = this.ownSave;
    if (own?.wrote !== undefined) {
      // The first new revision after the answer is the save's file, or else a change made elsewhere.
      this.ownSave = undefined;
      if (state.revision === own.wrote) return this.ownSaveCameBack(own.sent, state, mayReplace);
    }
    if (mayReplace && (!wasDirty || sameFields(this.fields, state.saved))) {
      this.adopt(state.saved, state.revision);
      return true;
    }
    // While saving, the answer decides whether this revision is the save's. Back at your base: nothing to offer.
    if (!this.saving) this.fileChangedWhileDirty = this.base !== state.revision;
    return false;
  }

  /** Your save's file came back (normalised: new blockers became rows). Keeps anything typed since. */
  private ownSaveCameBack(sent: ComposerFields, state: ComposerState, mayReplace: boolean): boolean {
    if (mayReplace && sameFields(this.fields, sent)) {
      this.adopt(state.saved, state.revision);
      return true;
    }
    this.base = state.revision;
    this.fileChangedWhileDirty = false;
    return false;
  }

  /** Unsaved against `composer`: as dirty(), for the composer shown before the current one. */
  private dirtyAgainst(composer: ComposerState): boolean {
    return !sameFields(this.fields, composer.saved) || this.base !== composer.revision;
  }

  /** The offer to load the file goes with the last unsaved edit, or once the file is your base again. */
  private settle(): void {
    if (this.fileChangedWhileDirty && (!this.dirty() || this.base === this.composer?.revision)) this.fileChangedWhileDirty = false;
  }

  /** Adopts the file's content (after a save, a change on disk, or "Load the file"). */
  private adopt(fields: ComposerFields, revision: string): void {
    this.fields = fields;
    this.base = revision;
    this.fileChangedWhileDirty = false;
  }

  // ---- what the status line says ----

  statusText(isMac: boolean): string {
    if (!this.trusted) return 'Restricted Mode: standups are read-only.';
    if (this.saving) return 'Saving…';
    if (this.dirty()) return `Unsaved changes (kept as a draft) · ${isMac ? '⌘' : 'Ctrl'}+Enter saves`;
    return this.composer?.exists ? 'Saved' : 'Not saved yet';
  }
}

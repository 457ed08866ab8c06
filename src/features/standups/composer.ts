// The standup composer's host side: what the panel shows for your standup of today (the file, or a
// pre-fill from your previous one), the unsaved draft kept in extension storage, and saving without
// ever overwriting changes made in the file behind the panel's back. The rules themselves (fields ⇄
// standup, revisions, which drafts storage keeps) are pure: src/core/standups/composerModel.ts.
// When the folder shares standups over git (issue 13), "the file" is your post (waiting in the queue,
// else on the sharing branch, else a file in the working tree) and saving posts it to the branch; a
// post from your other machine is never overwritten without asking.
import * as vscode from 'vscode';
import { ui } from '../shared/ui';
import { prefillDraft, standupFile } from '../../core/standups';
import {
  changedSince,
  composerState,
  draftFromFields,
  draftKey,
  isEmptyDraft,
  revisionOf,
  standupText,
  updateDrafts,
  type StoredDrafts,
} from '../../core/standups/composerModel';
import { addDays, isoDateInZone } from '../../core/shared/dates';
import type { Member, Team } from '../../core/team';
import type { ComposerFields, ComposerState, SharingLineView } from '../../protocol/today';
import { composerSharingLine } from '../../core/sharing/statusLines';
import type { PostOutcome, SharingApi } from '../sharing/api';
import { applyChanges, readCurrentText } from '../shared/files';
import { Cancelled, UserError } from '../shared/errors';
import { log } from '../shared/log';
import type { TeamStore } from '../team/teamStore';
import { systemZone } from '../team/viewer';
import type { StandupStore } from './standupStore';
import { askLogin, knownLogin, type LoginSource } from './me';
import * as clock from '../shared/clock';

const DRAFTS_KEY = 'asyncDesk.standupDrafts';

export interface Me {
  login: string;
  source: LoginSource;
  member?: Member;
  team?: Team;
  zone: string;
}

/** Asks before replacing a standup file that changed since the edits began. */
function confirmReplace(file: string): Promise<boolean> {
  return ui.confirm(`${file} changed since you started editing your standup in the Today panel.`, {
    detail:
      'Replace its Done, Next, Blockers and Notes with what the panel shows? Other content of the file is kept. ' +
      'Cancel keeps both: your panel text stays as a draft and the file is not touched.',
    action: 'Replace Its Sections',
  });
}

/** Asks before replacing your post that was changed from another machine (the branch has another revision). */
function confirmReplaceShared(file: string, branch: string): Promise<boolean> {
  return ui.confirm(`Your standup ${file} on the ${branch} branch was changed from another machine since you started editing it.`, {
    detail:
      'Replace it with what the panel shows? Cancel keeps both: your text stays in the panel as a draft, and the other revision stays on the branch ' +
      '(the panel then offers to load it).',
    action: 'Replace With Mine',
  });
}

/** Where a save went. */
export type SaveOutcome = { kind: 'file' } | Exclude<PostOutcome, { kind: 'conflict' | 'not-shared' }>;

export class Composer {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly standups: StandupStore,
    private readonly team: TeamStore,
    private readonly sharing?: SharingApi,
  ) {}

  /** Your post's current text: waiting in the queue, else on the sharing branch, else the working tree's file. */
  private async currentText(folder: vscode.WorkspaceFolder, file: string): Promise<{ text: string | null; source: 'none' | 'worktree' | 'queue' | 'branch' }> {
    const shared = await this.sharing?.currentText(folder, file);
    if (shared) return shared;
    const text = await readCurrentText(this.standups.uriOf(folder, file));
    return { text, source: text === null ? 'none' : 'worktree' };
  }

  /** The line under the composer about where your standup of `date` went (undefined while sharing is starting). */
  sharingLine(me: Me, date: string): SharingLineView | undefined {
    const folder = this.standups.home();
    if (!this.sharing || !folder) return undefined;
    const file = standupFile(this.standups.standupsDir(folder), date, me.login);
    const entry = this.standups.entry(folder, date, me.login);
    const source = entry ? (entry.source ?? 'worktree') : 'none';
    const zone = me.zone;
    const status = this.sharing.status(folder);
    const waiting = status.kind === 'shared' ? status.waiting.find((w) => w.file === file) : undefined;
    const posted = status.kind === 'shared' ? status.postedAt.get(file) : undefined;
    return composerSharingLine({
      sharing: status,
      source,
      ...(waiting ? { waiting } : {}),
      ...(posted ? { postedAt: zonedClock(posted, zone) } : {}),
    });
  }

  /** The login lookup (a silent GitHub session query) is cached until sessions or settings change. */
  private known: Promise<{ login: string; source: LoginSource } | undefined> | undefined;

  forgetLogin(): void {
    this.known = undefined;
  }

  /** You, as far as known without asking. */
  async me(): Promise<Me | undefined> {
    this.known ??= knownLogin();
    const known = await this.known;
    if (!known) return undefined;
    await this.team.ready();
    const home = this.standups.home();
    const ref = this.team.find(known.login, home?.uri);
    return {
      ...known,
      ...(ref ? { member: ref.member, team: ref.folder.team } : {}),
      zone: ref?.member.timezone ?? systemZone(),
    };
  }

  async askLogin(): Promise<void> {
    await this.team.ready();
    await askLogin(this.team.members().map((m) => m.member.github));
  }

  today(me: Me, now = clock.now()): string {
    return isoDateInZone(now, me.zone);
  }

  private draftKey(login: string, date: string): string {
    return draftKey(this.standups.home()?.uri.toString() ?? '', login, date);
  }

  private drafts(): StoredDrafts {
    return this.context.workspaceState.get<StoredDrafts>(DRAFTS_KEY) ?? {};
  }

  /** Keeps the panel's unsaved edits (or forgets them when they equal the file). */
  async storeDraft(me: Me, date: string, draft: { fields: ComposerFields; base: string } | undefined): Promise<void> {
    const drafts = updateDrafts(this.drafts(), this.draftKey(me.login, date), draft, clock.now(), this.today(me));
    await this.context.workspaceState.update(DRAFTS_KEY, drafts);
  }

  storedDraft(me: Me, date: string): { fields: ComposerFields; base: string } | undefined {
    const stored = this.drafts()[this.draftKey(me.login, date)];
    return stored && { fields: stored.fields, base: stored.base };
  }

  /** The composer for your standup of `date` (default: your today). */
  async state(me: Me, date = this.today(me)): Promise<ComposerState | null> {
    const folder = this.standups.home();
    if (!folder) return null;
    await this.standups.ready();
    const dir = this.standups.standupsDir(folder);
    const file = standupFile(dir, date, me.login);
    const { text } = await this.currentText(folder, file);
    let prefill: ReturnType<typeof prefillDraft> | undefined;
    if (text === null) {
      // No file yet: start from your previous standup (its Next as Done, its open blockers).
      const history = await this.standups.history(folder, addDays(date, -21), addDays(date, -1), new Set([me.login.toLowerCase()]));
      prefill = prefillDraft(date, (d) => history(me.login, d), me.member, me.team);
    }
    const stored = this.storedDraft(me, date);
    return composerState({ date, login: me.login, file, text, ...(prefill ? { prefill } : {}), ...(stored ? { stored } : {}) });
  }

  /**
   * Writes the standup. `base` is the revision of the file the edits started from: when the file has
   * changed since (edited in an editor, pulled from git), asks before replacing its sections; never
   * replaces silently. Returns the file written and its revision as written (the panel takes the state
   * with that revision for its own save coming back, and any other for a change made elsewhere).
   */
  async save(
    me: Me,
    date: string,
    fields: ComposerFields,
    /** queueOnly: when shared, queue the post without pushing it ("Open as file" of a standup not written yet). */
    options: { base?: string; allowEmpty?: boolean; queueOnly?: boolean } = {},
  ): Promise<{ uri: vscode.Uri; revision: string; outcome: SaveOutcome }> {
    const folder = this.standups.home();
    if (!folder) throw new UserError('Open a folder first: standups are files in the repository.');
    const dir = this.standups.standupsDir(folder);
    const file = standupFile(dir, date, me.login);
    const uri = this.standups.uriOf(folder, file);
    const draft = draftFromFields(fields);
    if (!options.allowEmpty && isEmptyDraft(draft)) {
      throw new UserError('The standup is empty. Write at least one line under Done, Next or Blockers.');
    }
    const current = await this.currentText(folder, file);
    if (changedSince(options.base, current.text) && !(await confirmReplace(file))) throw new Cancelled();
    const text = standupText(current.text, me.login, date, draft);
    const posted = options.queueOnly ? await this.queue(folder, file, text, me) : await this.post(folder, file, text, me);
    if (posted) {
      await this.storeDraft(me, date, undefined);
      return { uri: this.sharing!.uriOf(folder, file), revision: revisionOf(text), outcome: posted };
    }
    // Not shared (sharing off, no remote, not a repository): the working tree's file, as before.
    const onDisk = current.source === 'worktree' ? current.text : await readCurrentText(uri);
    const basisMap = onDisk === null ? undefined : new Map([[file, onDisk]]);
    await applyChanges(folder.uri, [{ file, text, create: onDisk === null }], { action: 'Save standup', ...(basisMap ? { basis: basisMap } : {}) });
    await this.storeDraft(me, date, undefined);
    log().info(`Saved standup ${file}.`);
    return { uri, revision: revisionOf(text), outcome: { kind: 'file' } };
  }

  private async queue(folder: vscode.WorkspaceFolder, file: string, text: string, me: Me): Promise<SaveOutcome | undefined> {
    if (!this.sharing || (await this.sharing.shared(folder)) === undefined) return undefined;
    await this.sharing.enqueue(folder, [{ file, text, author: me.login }]);
    return { kind: 'queued', file, reason: 'not posted yet', message: 'Goes out with the next Post or Sync.' };
  }

  /**
   * Posts to the sharing branch; undefined when the folder does not share (write the file instead).
   * A post from another machine on the branch is replaced only when you say so; else yours is taken
   * out of the queue and stays in the panel as a draft (Cancelled).
   */
  private async post(folder: vscode.WorkspaceFolder, file: string, text: string, me: Me): Promise<SaveOutcome | undefined> {
    if (!this.sharing) return undefined;
    let outcome = await this.sharing.post(folder, { file, text, author: me.login });
    if (outcome.kind === 'not-shared') return undefined;
    if (outcome.kind === 'conflict') {
      const status = this.sharing.status(folder);
      const branch = status.kind === 'shared' ? status.branch : 'sharing';
      if (!(await confirmReplaceShared(file, branch))) {
        await this.sharing.discard(folder, file);
        throw new Cancelled();
      }
      outcome = await this.sharing.post(folder, { file, text, author: me.login, base: outcome.theirsBlob });
      if (outcome.kind === 'conflict') throw new UserError(`${file} changed on the branch again while you chose. Your text is kept as a draft: save again.`);
      if (outcome.kind === 'not-shared') return undefined;
    }
    return outcome;
  }
}

/** HH:MM of an instant in a zone. */
function zonedClock(at: Date, zone: string): string {
  try {
    return at.toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false });
  } catch {
    return at.toISOString().slice(11, 16);
  }
}

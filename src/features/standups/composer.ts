// The standup composer's host side: what the panel shows for your standup of today (the file, or a
// pre-fill from your previous one), the unsaved draft kept in extension storage, and saving without
// ever overwriting changes made in the file behind the panel's back. The rules themselves (fields ⇄
// standup, revisions, which drafts storage keeps) are pure: src/core/standups/composerModel.ts.
import * as vscode from 'vscode';
import { ui } from '../shared/ui';
import { prefillDraft, standupFile } from '../../core/standups';
import {
  changedSince,
  composerState,
  draftFromFields,
  draftKey,
  isEmptyDraft,
  standupText,
  updateDrafts,
  type StoredDrafts,
} from '../../core/standups/composerModel';
import { addDays, isoDateInZone } from '../../core/shared/dates';
import type { Member, Team } from '../../core/team';
import type { ComposerFields, ComposerState } from '../../protocol/today';
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
      'Replace its Done, Next, Blockers and Notes with what the panel shows? Other content of the file is kept. Cancel keeps both: your panel text stays as a draft and the file is not touched.',
    action: 'Replace Its Sections',
  });
}

export class Composer {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly standups: StandupStore,
    private readonly team: TeamStore,
  ) {}

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
    const uri = this.standups.uriOf(folder, file);
    const text = await readCurrentText(uri);
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
   * replaces silently. Returns the file written.
   */
  async save(me: Me, date: string, fields: ComposerFields, options: { base?: string; allowEmpty?: boolean } = {}): Promise<vscode.Uri> {
    const folder = this.standups.home();
    if (!folder) throw new UserError('Open a folder first: standups are files in the repository.');
    const dir = this.standups.standupsDir(folder);
    const file = standupFile(dir, date, me.login);
    const uri = this.standups.uriOf(folder, file);
    const draft = draftFromFields(fields);
    if (!options.allowEmpty && isEmptyDraft(draft)) {
      throw new UserError('The standup is empty. Write at least one line under Done, Next or Blockers.');
    }
    const current = await readCurrentText(uri);
    if (changedSince(options.base, current) && !(await confirmReplace(file))) throw new Cancelled();
    const text = standupText(current, me.login, date, draft);
    const basisMap = current === null ? undefined : new Map([[file, current]]);
    await applyChanges(folder.uri, [{ file, text, create: current === null }], { action: 'Save standup', ...(basisMap ? { basis: basisMap } : {}) });
    await this.storeDraft(me, date, undefined);
    log().info(`Saved standup ${file}.`);
    return uri;
  }
}

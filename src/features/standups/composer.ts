// The standup composer's host side: what the panel shows for your standup of today (the file, or a
// pre-fill from your previous one), the unsaved draft kept in extension storage, and saving without
// ever overwriting changes made in the file behind the panel's back.
import * as vscode from 'vscode';
import { ui } from '../shared/ui';
import {
  draftFromStandup,
  parseStandup,
  prefillDraft,
  renderStandup,
  standupFile,
  updateStandupText,
  type StandupDraft,
} from '../../core/standups';
import { addDays, dayLabel, isoDateInZone } from '../../core/shared/dates';
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
/** Drafts older than this many days are dropped from storage (they were saved or abandoned long ago). */
const DRAFT_KEEP_DAYS = 14;

type StoredDrafts = Record<string, { fields: ComposerFields; base: string; updated: string }>;

/** The revision of a file's text: a short hash, stable across reloads ('none' = no file). */
export function revisionOf(text: string | null): string {
  if (text === null) return 'none';
  let h = 0x811c9dc5; // FNV-1a, 32 bit: enough to tell "the file changed" apart
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length.toString(36)}-${(h >>> 0).toString(36)}`;
}

export interface Me {
  login: string;
  source: LoginSource;
  member?: Member;
  team?: Team;
  zone: string;
}

/** One item per non-empty line; a leading "- ", "* " or "[ ] " typed out of habit is dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+)?/, '').trim())
    .filter(Boolean);
}

export function draftFromFields(fields: ComposerFields): StandupDraft {
  return {
    done: lines(fields.done),
    next: lines(fields.next),
    blockers: [
      ...fields.blockerRows.filter((r) => r.text.trim()).map((r) => ({ text: r.text.trim(), checked: r.checked })),
      ...lines(fields.newBlockers).map((text) => ({ text, checked: false })),
    ],
    notes: fields.notes.trim(),
  };
}

export function fieldsFromDraft(draft: StandupDraft): ComposerFields {
  return {
    done: draft.done.join('\n'),
    next: draft.next.join('\n'),
    blockerRows: draft.blockers.map((b) => ({ text: b.text, checked: b.checked })),
    newBlockers: '',
    notes: draft.notes,
  };
}

/** Same standup content (what would be written), ignoring how it is laid out in the fields. */
export function sameContent(a: ComposerFields, b: ComposerFields): boolean {
  return JSON.stringify(draftFromFields(a)) === JSON.stringify(draftFromFields(b));
}

/** Asks before replacing a standup file that changed since the edits began. */
function confirmReplace(file: string): Promise<boolean> {
  return ui.confirm(`${file} changed since you started editing your standup in the Today panel.`, {
    detail: 'Replace its Done, Next, Blockers and Notes with what the panel shows? Other content of the file is kept. Cancel keeps both: your panel text stays as a draft and the file is not touched.',
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
    return `${this.standups.home()?.uri.toString() ?? ''}|${login.toLowerCase()}|${date}`;
  }

  private drafts(): StoredDrafts {
    return this.context.workspaceState.get<StoredDrafts>(DRAFTS_KEY) ?? {};
  }

  /** Keeps the panel's unsaved edits (or forgets them when they equal the file). */
  async storeDraft(me: Me, date: string, draft: { fields: ComposerFields; base: string } | undefined): Promise<void> {
    const drafts = this.drafts();
    const key = this.draftKey(me.login, date);
    if (draft) drafts[key] = { ...draft, updated: clock.now().toISOString() };
    else delete drafts[key];
    const cutoff = addDays(this.today(me), -DRAFT_KEEP_DAYS);
    for (const [k, v] of Object.entries(drafts)) if (v.updated.slice(0, 10) < cutoff) delete drafts[k];
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
    let saved: ComposerFields;
    let prefilledFrom: string | null = null;
    let problems: string[] = [];
    if (text !== null) {
      const standup = parseStandup(text, file);
      saved = fieldsFromDraft(draftFromStandup(standup));
      problems = standup.problems.filter((p) => p.severity === 'error').map((p) => `Line ${p.line + 1}: ${p.message}`);
    } else {
      const history = await this.standups.history(folder, addDays(date, -21), addDays(date, -1), new Set([me.login.toLowerCase()]));
      const prefill = prefillDraft(date, (d) => history(me.login, d), me.member, me.team);
      saved = fieldsFromDraft(prefill.draft);
      prefilledFrom = prefill.from;
    }
    const draft = this.storedDraft(me, date);
    return {
      date,
      dateLabel: dayLabel(date),
      login: me.login,
      file,
      exists: text !== null,
      saved,
      ...(draft && !sameContent(draft.fields, saved) ? { draft } : {}),
      prefilledFrom,
      revision: revisionOf(text),
      problems,
    };
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
    if (!options.allowEmpty && !draft.done.length && !draft.next.length && !draft.blockers.length && !draft.notes) {
      throw new UserError('The standup is empty. Write at least one line under Done, Next or Blockers.');
    }
    const current = await readCurrentText(uri);
    if (options.base !== undefined && options.base !== revisionOf(current) && !(await confirmReplace(file))) throw new Cancelled();
    const text = current === null ? renderStandup(me.login, date, draft) : updateStandupText(current, draft);
    const basisMap = current === null ? undefined : new Map([[file, current]]);
    await applyChanges(folder.uri, [{ file, text, create: current === null }], { action: 'Save standup', ...(basisMap ? { basis: basisMap } : {}) });
    await this.storeDraft(me, date, undefined);
    log().info(`Saved standup ${file}.`);
    return uri;
  }
}

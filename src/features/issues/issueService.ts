// "Open Issue from Template…": pick a template of the repository (or a built-in one), fill the form in
// a webview, and create the issue on GitHub with one owner and a due date in the owner's day. The form
// is a draft from the first keystroke (global storage); a create that fails keeps it in the outbox,
// which retries without ever creating a duplicate (the body carries a hidden marker that is searched
// for first). Loaded from dist/issues.js on first use.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { BUILT_IN_TEMPLATES, discoverTemplates, templateDefaults, uploadNote, type FormField, type IssueTemplate, type TemplateSet } from '../../core/issues';
import { markdownTree } from '../../core/shared/markdownTree';
import { linkIssueToRecord } from '../../core/decisions/linkIssue';
import type { FieldView, FormValues, IssueFormInit } from '../../protocol/issueForm';
import { Outbox, flushOutbox, type OutboxEntry, type OutboxError } from '../../core/issues/outbox';
import { assignableUsers, checkPushAccess, withMarker, TRANSIENT_KINDS } from '../../core/issues/submit';
import { Cancelled, UserError } from '../shared/errors';
import { assertTrusted } from '../shared/trust';
import { applyChanges, readCurrentText } from '../shared/files';
import { log } from '../shared/log';
import { getSettings } from '../shared/settings';
import type { TeamStore } from '../team/teamStore';
import type { GitHubStatus } from '../../core/team';
import type { DecisionStore } from '../decisions/decisionStore';
import { currentViewer } from '../team/viewer';
import type { GitHubAccess } from '../github/githubAccess';
import { noGitHubRemoteMessage, workspaceRepository } from '../github/repository';
import { DraftStore, OUTBOX_KEY, type IssueDraft } from './drafts';
import { IssueFormPanel, type SubmitOutcome } from './issueFormPanel';
import { derive, ownerOptions, type FormContext } from './formModel';
import { now } from '../shared/clock';

/** Arguments other features (and tests) pass to skip the pickers. */
export interface OpenIssueArgs {
  /** Template key (file name without extension, or a built-in key) or name. */
  template?: string;
  title?: string;
  owner?: string;
  /** Markdown templates: the body; forms: appended to the first textarea when it is empty. */
  body?: string;
  answers?: Record<string, string | string[]>;
  due?: string;
  folder?: vscode.Uri;
  /** A decision record (URI or tree node) the issue follows up: its number is written back on success. */
  record?: vscode.Uri | { kind?: string; ref?: { folder: { root: vscode.Uri }; record: { file: string } } };
  source?: string;
}

export interface IssueServices {
  team: TeamStore;
  decisions: DecisionStore;
  github: GitHubAccess;
  /** Teammates' GitHub statuses when the Team view fetched them (busy), by lower-case login. */
  statuses?: () => Map<string, GitHubStatus>;
}

export class IssueService implements vscode.Disposable {
  readonly drafts: DraftStore;
  /** Submitted issues GitHub has not confirmed yet (saved to global storage on every change). */
  readonly outbox: Outbox;
  private readonly panels = new Map<string, IssueFormPanel>();
  private readonly pushAccess = new Map<string, Promise<{ push: boolean; login?: string } | undefined>>();
  private readonly repoUsers = new Map<string, Promise<{ login: string; name?: string }[]>>();
  private flushing: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: IssueServices,
  ) {
    this.drafts = new DraftStore(context.globalState);
    const stored = Outbox.fromJSON(context.globalState.get(OUTBOX_KEY));
    for (const problem of stored.problems) log().warn(`Issue outbox: ${problem}`);
    this.outbox = stored.outbox;
    const unsubscribe = this.outbox.onDidChange(() => void context.globalState.update(OUTBOX_KEY, this.outbox.toJSON()));
    this.disposables.push(
      { dispose: unsubscribe },
      this.drafts,
      // Back online is noticed when the window gets focus again, or by the timer below.
      vscode.window.onDidChangeWindowState((s) => s.focused && this.hasPending() && void this.flushOutbox()),
    );
    this.scheduleRetry();
  }

  // ---- opening a form ----

  async open(args: OpenIssueArgs = {}): Promise<IssueFormPanel | undefined> {
    assertTrusted('Open Issue from Template');
    const { folder, recordFile, recordTitle } = await this.target(args);
    const set = await discoverTemplates(folder.uri.fsPath, getSettings(folder).limits);
    for (const p of set.problems) log().warn(`${p.file}:${p.line + 1}: ${p.message}`);
    const template = await this.pickTemplate(set, args, !!recordFile);
    if (!template) return undefined;
    await this.services.team.ready();
    const team = this.teamOf(folder);
    const defaults = templateDefaults(team, template.key);
    const repo = await workspaceRepository(folder).catch(() => undefined);
    const values: FormValues = {
      title: args.title ?? (recordTitle && !template.title ? `Follow-up: ${recordTitle}` : template.title),
      answers: { ...initialAnswers(template), ...(args.answers ?? {}) },
      body: template.kind === 'markdown' ? (args.body ?? template.body) : '',
      owner: (args.owner ?? template.assignees[0] ?? '').replace(/^@/, ''),
      due: args.due ?? defaults.due ?? '',
    };
    if (template.kind === 'form' && args.body) {
      const first = template.fields.find((f) => f.type === 'textarea' && !values.answers[f.id]);
      if (first && 'id' in first) values.answers[first.id] = args.body;
    }
    const created = now().toISOString();
    const draft: IssueDraft = {
      id: randomUUID(),
      folder: folder.uri.toString(),
      repo: repo ? `${repo.owner}/${repo.repo}` : null,
      templateKey: template.key,
      templateFile: template.file,
      values,
      ...(args.source || recordTitle ? { source: args.source ?? `Decision: ${recordTitle}` } : {}),
      ...(recordFile ? { recordFile } : {}),
      created,
      updated: created,
    };
    await this.drafts.put(draft);
    return this.show(draft, template);
  }

  /** Reopens a saved draft (outbox "Edit", or a panel restored after a reload). */
  async openDraft(id: string, panel?: vscode.WebviewPanel): Promise<IssueFormPanel | undefined> {
    const existing = this.panels.get(id);
    if (existing) {
      panel?.dispose();
      existing.reveal();
      return existing;
    }
    const draft = this.drafts.get(id);
    if (!draft) {
      panel?.dispose();
      return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft.folder));
    if (folder && !draft.repo) {
      // A remote may have been added since the draft began.
      const repo = await workspaceRepository(folder).catch(() => undefined);
      if (repo) await this.drafts.put({ ...draft, repo: `${repo.owner}/${repo.repo}` });
    }
    const set = folder ? await discoverTemplates(folder.uri.fsPath, getSettings(folder).limits) : undefined;
    const template =
      draft.templateKey === BLANK_TEMPLATE.key
        ? BLANK_TEMPLATE
        : (set?.templates.find((t) => t.key === draft.templateKey && t.file === draft.templateFile) ??
          [...(set?.templates ?? []), ...BUILT_IN_TEMPLATES].find((t) => t.key === draft.templateKey));
    if (!template) {
      panel?.dispose();
      throw new UserError(`The template of this draft (${draft.templateFile || draft.templateKey}) is gone. Its text is kept: use "Copy body" in the outbox.`);
    }
    return this.show(this.drafts.get(id) ?? draft, template, panel);
  }

  private async target(args: OpenIssueArgs): Promise<{ folder: vscode.WorkspaceFolder; recordFile?: string; recordTitle?: string }> {
    let recordUri: vscode.Uri | undefined;
    const record = args.record;
    if (record instanceof vscode.Uri) recordUri = record;
    else if (record && typeof record === 'object' && record.ref) recordUri = vscode.Uri.joinPath(record.ref.folder.root, ...record.ref.record.file.split('/'));
    if (recordUri) {
      await this.services.decisions.ready();
      const ref = this.services.decisions.recordAt(recordUri);
      if (!ref) throw new UserError(`${vscode.workspace.asRelativePath(recordUri)} is not a decision record.`);
      const number = ref.record.number ? `ADR-${String(ref.record.number).padStart(4, '0')} ` : '';
      return { folder: ref.folder.workspaceFolder, recordFile: ref.record.file, recordTitle: `${number}${ref.record.title}`.trim() };
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const byArg = args.folder ? vscode.workspace.getWorkspaceFolder(args.folder) : undefined;
    const folder = byArg ?? (folders.length <= 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Open an issue for the repository of…' }));
    if (!folder) throw folders.length ? new Cancelled() : new UserError('Open the folder of a GitHub repository first.');
    return { folder };
  }

  private async pickTemplate(set: TemplateSet, args: OpenIssueArgs, forRecord: boolean): Promise<IssueTemplate | undefined> {
    const wanted = args.template?.toLowerCase();
    if (wanted) {
      // The repo's own template first; a built-in one asked for by another feature (a standup's
      // 'blocker', a decision's follow-up) also in repositories with templates of their own.
      const found = [...set.templates, ...BUILT_IN_TEMPLATES].find((t) => t.key.toLowerCase() === wanted || t.name.toLowerCase() === wanted);
      if (found) return found;
      throw new UserError(`No issue template named "${args.template}" in ${set.templates.length ? 'this repository' : 'the built-in ones'}.`);
    }
    type Item = vscode.QuickPickItem & { template?: IssueTemplate; url?: string; blank?: boolean };
    const items: Item[] = set.templates.map((t) => ({
      label: t.builtIn ? `$(sparkle) ${t.name}` : t.name,
      description: t.kind === 'form' ? 'form' : 'Markdown',
      detail: [t.about, t.problems.some((p) => p.severity === 'error') ? '$(warning) has problems (see Problems)' : '', t.builtIn ? 'built in: this repository has no issue templates' : '']
        .filter(Boolean)
        .join(' · '),
      template: t,
    }));
    if (forRecord) items.sort((a, b) => Number(/decision/i.test(b.template!.name)) - Number(/decision/i.test(a.template!.name)));
    if (set.blankIssuesEnabled && !set.templates.every((t) => t.builtIn)) items.push({ label: 'Blank issue', description: 'no template', blank: true });
    if (set.contactLinks.length) {
      items.push({ label: 'Links', kind: vscode.QuickPickItemKind.Separator });
      for (const link of set.contactLinks) items.push({ label: `$(link-external) ${link.name}`, description: link.url, detail: link.about, url: link.url });
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Open an issue from which template?', matchOnDescription: true, matchOnDetail: true });
    if (!picked) throw new Cancelled();
    if (picked.url) {
      await vscode.env.openExternal(vscode.Uri.parse(picked.url));
      return undefined;
    }
    if (picked.blank) return BLANK_TEMPLATE;
    return picked.template;
  }

  private teamOf(folder: vscode.WorkspaceFolder) {
    const f = this.services.team.all().find((t) => t.workspaceFolder.uri.toString() === folder.uri.toString());
    return f?.exists ? f.team : undefined;
  }

  private show(draft: IssueDraft, template: IssueTemplate, revived?: vscode.WebviewPanel): IssueFormPanel {
    const panel = new IssueFormPanel(this.context.extensionUri, draft.id, template.name, revived, {
      init: () => this.initFor(draft.id, template),
      change: (values) => this.change(draft.id, template, values),
      submit: (values) => this.submit(draft.id, template, values),
      copyBody: async (values) => {
        await vscode.env.clipboard.writeText(this.derived(draft.id, template, values).preview.body);
        void vscode.window.setStatusBarMessage('$(clippy) Issue body copied', 4000);
      },
      discard: async () => {
        await this.drafts.remove(draft.id);
        this.outbox.remove(draft.id);
      },
      owners: () => this.repoOwners(draft.id, template),
    });
    this.panels.set(draft.id, panel);
    panel.onDidDispose(() => this.panels.delete(draft.id));
    return panel;
  }

  private context_(draftId: string, template: IssueTemplate): FormContext {
    const draft = this.drafts.get(draftId);
    const folder = draft ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft.folder)) : undefined;
    const team = folder ? this.teamOf(folder) : undefined;
    const defaults = templateDefaults(team, template.key);
    const push = draft?.repo ? this.knownPush.get(draft.repo) : undefined;
    return {
      template,
      team,
      zone: currentViewer(this.services.team).zone,
      now: now(),
      ...(this.services.statuses ? { statuses: this.services.statuses() } : {}),
      extraLabels: defaults.labels,
      ...(defaults.due ? { defaultDue: defaults.due } : {}),
      ...(push && !push.push
        ? { pushWarning: `You${push.login ? ` (@${push.login})` : ''} cannot push to ${draft!.repo}: GitHub will drop the labels, assignees and milestone of this issue. Ask a maintainer for triage access, or create it and let them set those.` }
        : {}),
    };
  }

  private readonly knownPush = new Map<string, { push: boolean; login?: string }>();

  private derived(draftId: string, template: IssueTemplate, values: FormValues) {
    return derive(this.context_(draftId, template), values);
  }

  private async initFor(draftId: string, template: IssueTemplate): Promise<IssueFormInit> {
    const draft = this.drafts.get(draftId);
    if (!draft) throw new UserError('This issue draft no longer exists.');
    const ctx = this.context_(draftId, template);
    void this.checkPush(draft); // quietly, when already signed in: the warning shows before submitting
    return {
      draftId,
      repo: draft.repo,
      ...(draft.repo ? {} : { repoProblem: `${noGitHubRemoteMessage(vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft.folder)))} Until then the form is kept as a draft.` }),
      template: {
        key: template.key,
        name: template.name,
        about: template.about,
        kind: template.kind,
        fields: template.fields.map(fieldView),
        labels: [...new Set([...template.labels, ...ctx.extraLabels])],
        problems: template.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line + 1}: ${p.message}`),
      },
      values: draft.values,
      owners: ownerOptions(ctx.team, ctx.now, [], ctx.statuses),
      trusted: vscode.workspace.isTrusted,
      ...(draft.source ? { source: draft.source } : {}),
    };
  }

  private async change(draftId: string, template: IssueTemplate, values: FormValues) {
    const draft = this.drafts.get(draftId);
    if (draft) await this.drafts.put({ ...draft, values });
    return this.derived(draftId, template, values);
  }

  private async checkPush(draft: IssueDraft, interactive = false): Promise<{ push: boolean; login?: string } | undefined> {
    if (!draft.repo) return undefined;
    const repo = draft.repo;
    let pending = this.pushAccess.get(repo);
    if (!pending || interactive) {
      pending = (async () => {
        const client = await this.services.github.client(['repo'], { createIfNone: interactive });
        if (!client) return undefined;
        const [owner, name] = repo.split('/') as [string, string];
        const access = await checkPushAccess(client, { owner, repo: name });
        this.knownPush.set(repo, access);
        return access;
      })().catch((error) => {
        log().warn(`Checking push access to ${repo}: ${(error as Error).message}`);
        this.pushAccess.delete(repo);
        return undefined;
      });
      this.pushAccess.set(repo, pending);
    }
    const access = await pending;
    if (access) this.panels.get(draft.id)?.refreshDerived();
    return access;
  }

  /** Team members plus the repository's assignable users (when signed in). */
  private async repoOwners(draftId: string, template: IssueTemplate) {
    const draft = this.drafts.get(draftId);
    const ctx = this.context_(draftId, template);
    if (!draft?.repo) return ownerOptions(ctx.team, ctx.now, [], ctx.statuses);
    const repo = draft.repo;
    let users = this.repoUsers.get(repo);
    if (!users) {
      users = (async () => {
        const client = await this.services.github.client(['repo'], { createIfNone: false });
        if (!client) return [];
        const [owner, name] = repo.split('/') as [string, string];
        return assignableUsers(client, { owner, repo: name });
      })().catch((error) => {
        log().warn(`Listing assignable users of ${repo}: ${(error as Error).message}`);
        this.repoUsers.delete(repo);
        return [];
      });
      this.repoUsers.set(repo, users);
    }
    return ownerOptions(ctx.team, ctx.now, await users, ctx.statuses);
  }

  // ---- submitting ----

  private async submit(draftId: string, template: IssueTemplate, values: FormValues) {
    const draft = this.drafts.get(draftId);
    if (!draft) throw new UserError('This issue draft no longer exists.');
    await this.drafts.put({ ...draft, values });
    const derived = this.derived(draftId, template, values);
    if (derived.errors.length) return { kind: 'invalid' as const, derived };
    if (!draft.repo) throw new UserError(`${noGitHubRemoteMessage(vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft.folder)))} The draft is kept: open it again from "Show Issue Outbox".`);
    const scopes = getSettings().githubProject ? ['repo', 'project'] : ['repo'];
    const client = await this.services.github.client(scopes, { createIfNone: true });
    if (!client) throw new UserError('Not signed in to GitHub; the draft is kept. Sign in, then submit again.');
    const access = await this.checkPush(draft, true);
    const request = derived.preview;
    if (access && !access.push && (request.labels.length || request.assignees.length)) {
      const go = 'Create Without Them';
      const choice = await vscode.window.showWarningMessage(
        `You cannot push to ${draft.repo}, so GitHub will silently drop the labels (${request.labels.join(', ') || 'none'}) and assignees (${request.assignees.join(', ') || 'none'}) of this issue.`,
        { modal: true, detail: 'Create it anyway and ask a maintainer to set them, or cancel and keep the draft.' },
        go,
      );
      if (choice !== go) throw new Cancelled();
    }
    this.outbox.add(this.outboxEntry(draft, values, derived));
    // A background flush (window focus, timer) must not take this entry from under its own form.
    this.submitting.add(draft.id);
    try {
      const [outcome] = await this.send([draft.id]);
      return outcome ?? { kind: 'failed' as const, failure: { kind: 'error', message: 'The issue was not sent.', fieldErrors: [], queued: true } };
    } finally {
      this.submitting.delete(draft.id);
    }
  }

  /** Drafts being submitted from their form right now. */
  private readonly submitting = new Set<string>();

  private outboxEntry(draft: IssueDraft, values: FormValues, derived: ReturnType<typeof derive>) {
    const [owner, repo] = draft.repo!.split('/') as [string, string];
    const settings = getSettings(vscode.Uri.parse(draft.folder));
    const dueDate = derived.due && !('error' in derived.due) && values.due ? /Due: (\d{4}-\d{2}-\d{2})/.exec(derived.due.line)?.[1] : undefined;
    const project = /^([^/]+)\/(\d+)$/.exec(settings.githubProject);
    return {
      id: draft.id,
      repo: { owner, repo },
      request: { ...derived.preview, body: withMarker(derived.preview.body, draft.id) },
      ...(settings.githubMilestones && dueDate ? { milestone: { dueDate } } : {}),
      ...(project && dueDate ? { project: { owner: project[1]!, number: Number(project[2]), dateField: settings.githubProjectDateField, date: dueDate } } : {}),
      context: { templateKey: draft.templateKey, recordFile: draft.recordFile, folder: draft.folder },
    };
  }

  /**
   * Sends outbox entries (the given ones, else every unsent one) and reports each outcome to its form.
   * A retry never duplicates: submitIssue first looks for the draft's marker.
   */
  private async send(ids?: string[]): Promise<SubmitOutcome[]> {
    ids ??= this.outbox.pending().map((e) => e.id).filter((id) => !this.submitting.has(id));
    const wanted = this.outbox.pending().filter((e) => ids.includes(e.id));
    if (wanted.length === 0) return [];
    const scopes = wanted.some((e) => e.project) ? ['repo', 'project'] : ['repo'];
    let client;
    try {
      client = await this.services.github.client(scopes, { createIfNone: false });
    } catch (error) {
      log().warn(`Issue outbox: ${(error as Error).message}`);
    }
    let sent: OutboxEntry[] = [];
    let failed: OutboxEntry[] = [];
    let stopped: OutboxError | undefined;
    if (!client) {
      const lastError = { kind: 'auth', message: 'Not signed in to GitHub. Sign in (or "Sign in with a Token"), then retry.', at: now().toISOString() };
      failed = wanted.map((e) => this.outbox.update(e.id, { status: 'failed', lastError })!);
    } else {
      ({ sent, failed, stopped } = await flushOutbox(this.outbox, client, now, { ids }));
    }
    const outcomes: [string, SubmitOutcome][] = [];
    for (const entry of sent) outcomes.push([entry.id, await this.afterSent(entry)]);
    this.outbox.clearSent();
    for (const entry of failed) outcomes.push([entry.id, this.failure(entry, entry.lastError)]);
    // Entries a stopped flush did not reach (rate limit in force, offline): say why; they stay queued.
    for (const entry of wanted) if (stopped && !outcomes.some(([id]) => id === entry.id)) outcomes.push([entry.id, this.failure(entry, stopped)]);
    for (const [id, outcome] of outcomes) this.panels.get(id)?.reportOutcome(outcome);
    this.scheduleRetry();
    return outcomes.map(([, outcome]) => outcome);
  }

  private failure(entry: OutboxEntry, error: OutboxError | undefined): SubmitOutcome {
    const kind = error?.kind ?? 'error';
    log().warn(`Creating issue "${entry.request.title}" in ${entry.repo.owner}/${entry.repo.repo} failed (attempt ${entry.attempts}): ${error?.message ?? 'unknown error'}`);
    return {
      kind: 'failed',
      failure: {
        kind,
        message: error?.message ?? 'The issue was not sent.',
        fieldErrors: error?.fieldErrors ?? [],
        ...(error?.retryAt ? { retryAt: error.retryAt } : {}),
        queued: TRANSIENT_KINDS.has(kind as never) || kind === 'rate-limit',
      },
    };
  }

  private async afterSent(entry: OutboxEntry): Promise<SubmitOutcome> {
    const result = entry.result!;
    const draft = this.drafts.get(entry.id);
    await this.drafts.remove(entry.id);
    const warnings = [...result.warnings];
    const recordFile = (entry.context as { recordFile?: string } | undefined)?.recordFile;
    const folder = (entry.context as { folder?: string } | undefined)?.folder ?? draft?.folder;
    if (recordFile && folder) {
      try {
        await this.linkRecord(folder, recordFile, { number: result.number, url: result.url, title: entry.request.title });
      } catch (error) {
        warnings.push(`Could not add #${result.number} to ${recordFile}: ${(error as Error).message}`);
      }
    }
    for (const w of warnings) log().warn(`Issue #${result.number}: ${w}`);
    log().info(`${result.reused ? 'Found the already created' : 'Created'} issue #${result.number} in ${entry.repo.owner}/${entry.repo.repo}: ${result.url}`);
    void vscode.window
      .showInformationMessage(
        `${result.reused ? 'Already created' : 'Created'} issue #${result.number}: ${entry.request.title}${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'}: see the log)` : ''}`,
        'Open on GitHub',
      )
      .then((choice) => choice && vscode.env.openExternal(vscode.Uri.parse(result.url)));
    return { kind: 'created', result: { number: result.number, url: result.url, reused: result.reused, warnings } };
  }

  private async linkRecord(folderUri: string, recordFile: string, issue: { number: number; url: string; title: string }): Promise<void> {
    const folder = vscode.Uri.parse(folderUri);
    const uri = vscode.Uri.joinPath(folder, ...recordFile.split('/'));
    const text = await readCurrentText(uri);
    if (text === null) throw new Error('the record is gone');
    const updated = linkIssueToRecord(text, { file: recordFile, folder: path.posix.dirname(recordFile) }, issue);
    if (updated !== text) await applyChanges(folder, [{ file: recordFile, text: updated }], { action: 'Link the issue to the decision record', basis: new Map([[recordFile, text]]) });
  }

  // ---- the outbox ----

  hasPending(): boolean {
    return this.outbox.pending().length > 0;
  }

  /** Retries every unsent issue (back online, the timer, "Retry all"). */
  flushOutbox(): Promise<void> {
    this.flushing ??= this.send()
      .then(() => undefined)
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Retries one entry now (outbox "Retry"). */
  async retry(id: string): Promise<SubmitOutcome | undefined> {
    return (await this.send([id]))[0];
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    // Only failures a retry can cure are retried by the timer; the others wait for the user.
    const retryable = this.outbox.pending().some((e) => !e.lastError || TRANSIENT_KINDS.has(e.lastError.kind as never) || e.lastError.kind === 'rate-limit');
    if (retryable) this.retryTimer = setTimeout(() => void this.flushOutbox(), 5 * 60_000);
  }

  /** "Show Issue Outbox": unsent issues and open drafts, with Retry / Edit / Copy body / Discard. */
  async showOutbox(): Promise<void> {
    type Item = vscode.QuickPickItem & { id?: string; all?: boolean };
    const retry = { iconPath: new vscode.ThemeIcon('sync'), tooltip: 'Retry now' };
    const edit = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Edit the form' };
    const copy = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy body' };
    const discard = { iconPath: new vscode.ThemeIcon('trash'), tooltip: 'Discard' };
    const build = (): Item[] => {
      const outbox = this.outbox.all().filter((e) => e.status !== 'sent');
      const inOutbox = new Set(outbox.map((e) => e.id));
      const items: Item[] = outbox.map((e) => ({
        id: e.id,
        label: `$(${e.lastError ? 'error' : 'clock'}) ${e.request.title}`,
        description: `${e.repo.owner}/${e.repo.repo}`,
        detail: e.lastError ? `Not sent (${e.attempts} attempt${e.attempts === 1 ? '' : 's'}): ${e.lastError.message}` : 'Waiting to be sent',
        buttons: [retry, edit, copy, discard],
      }));
      for (const d of this.drafts.all()) {
        if (inOutbox.has(d.id)) continue;
        items.push({ id: d.id, label: `$(edit) ${d.values.title || '(no title yet)'}`, description: d.repo ?? 'no repository', detail: `Draft, not submitted · last edited ${d.updated.slice(0, 16).replace('T', ' ')}`, buttons: [edit, copy, discard] });
      }
      if (outbox.length) items.unshift({ label: '$(sync) Retry all unsent issues', all: true });
      return items;
    };
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = 'Issue Outbox';
    pick.placeholder = 'Unsent issues and drafts: pick one to edit it';
    pick.items = build();
    if (pick.items.length === 0) {
      pick.dispose();
      void vscode.window.showInformationMessage('The issue outbox is empty: every issue was sent, and there are no drafts.');
      return;
    }
    const refresh = () => (pick.items = build());
    const done = new Promise<void>((resolve) => {
      pick.onDidHide(() => {
        pick.dispose();
        resolve();
      });
    });
    pick.onDidAccept(async () => {
      const item = pick.selectedItems[0];
      if (!item) return;
      if (item.all) {
        pick.busy = true;
        await this.flushOutbox();
        pick.busy = false;
        refresh();
        return;
      }
      pick.hide();
      if (item.id) await this.openDraft(item.id);
    });
    pick.onDidTriggerItemButton(async ({ item, button }) => {
      if (!item.id) return;
      if (button === retry) {
        pick.busy = true;
        await this.retry(item.id);
        pick.busy = false;
      } else if (button === edit) {
        pick.hide();
        await this.openDraft(item.id);
        return;
      } else if (button === copy) {
        const body = this.outbox.get(item.id)?.request.body ?? this.drafts.get(item.id)?.values.body ?? '';
        const draft = this.drafts.get(item.id);
        const text = body || (draft ? JSON.stringify(draft.values.answers, null, 2) : '');
        await vscode.env.clipboard.writeText(text);
        void vscode.window.setStatusBarMessage('$(clippy) Issue body copied', 4000);
      } else if (button === discard) {
        const sure = await vscode.window.showWarningMessage(`Discard "${item.label.replace(/^\$\([^)]*\) /, '')}"? Its text is deleted.`, { modal: true }, 'Discard');
        if (sure === 'Discard') {
          this.panels.get(item.id)?.dispose();
          await this.drafts.remove(item.id);
          this.outbox.remove(item.id);
        }
      }
      refresh();
      if (pick.items.length === 0) pick.hide();
    });
    pick.show();
    await done;
  }

  dispose(): void {
    clearTimeout(this.retryTimer);
    for (const p of this.panels.values()) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Field defaults: input/textarea `value`, dropdown `default`. */
function initialAnswers(template: IssueTemplate): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const field of template.fields) {
    if (field.type === 'input' || field.type === 'textarea') {
      if (field.value) answers[field.id] = field.value;
    } else if (field.type === 'dropdown' && field.default !== undefined && field.options[field.default] !== undefined) {
      answers[field.id] = field.multiple ? [field.options[field.default]!] : field.options[field.default]!;
    }
  }
  return answers;
}

const BLANK_TEMPLATE: IssueTemplate = {
  kind: 'markdown',
  file: '',
  builtIn: true,
  key: 'blank',
  name: 'Blank issue',
  about: '',
  title: '',
  labels: [],
  assignees: [],
  projects: [],
  body: '',
  fields: [],
  problems: [],
};

/** A field with its Markdown parsed for the webview (see FieldView). */
function fieldView(field: FormField): FieldView {
  const view: FieldView = { ...field };
  if (field.type === 'markdown') view.markdown = markdownTree(field.value);
  if ('description' in field && field.description) view.descriptionMarkdown = markdownTree(field.description);
  if (field.type === 'upload') view.note = uploadNote(field);
  return view;
}

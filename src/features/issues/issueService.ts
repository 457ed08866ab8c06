// The issues feature put together (in dist/issues.js, loaded on first use): opens the form for a new
// issue or a saved draft and wires it to the parts that do the work. The form is a draft from the first
// keystroke (global storage, drafts.ts); templatePick.ts asks what the issue starts from, formContext.ts
// gives the form its team, owners and defaults, repoAccess.ts asks GitHub about the repository,
// submit.ts submits, outboxSender.ts sends and retries, outboxUi.ts shows the outbox.
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { discoverTemplates, templateDefaults, type IssueTemplate } from '../../core/issues';
import type { Outbox } from '../../core/issues/outbox';
import { UserError } from '../shared/errors';
import { assertTrusted } from '../shared/trust';
import { log } from '../shared/log';
import { getSettings } from '../shared/settings';
import { now } from '../shared/clock';
import type { IssueServices, IssuesApi, OpenIssueArgs } from './api';
import { DraftStore, type IssueDraft } from './drafts';
import { FormContexts, initialValues } from './formContext';
import { IssueFormPanel, type SubmitOutcome } from './issueFormPanel';
import { OutboxSender } from './outboxSender';
import { showOutbox } from './outboxUi';
import { RepoAccess, repositoryOf, type PushAccess } from './repoAccess';
import { submitIssue, type SubmitDeps } from './submit';
import { pickTarget, pickTemplate, templateOfDraft } from './templatePick';

export class IssueService implements IssuesApi, vscode.Disposable {
  readonly drafts: DraftStore;
  /** Submitted issues GitHub has not confirmed yet. */
  readonly outbox: Outbox;
  /** The open forms, by draft id: one form per draft. */
  private readonly panels = new Map<string, IssueFormPanel>();
  private readonly access: RepoAccess;
  private readonly forms: FormContexts;
  private readonly sender: OutboxSender;
  private readonly submitDeps: SubmitDeps;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: IssueServices,
    /** Called with each form as it opens, before its webview can speak (see Issues.onDidOpenForm). */
    private readonly opened: (panel: IssueFormPanel) => void = () => undefined,
  ) {
    this.drafts = new DraftStore(context.globalState);
    this.access = new RepoAccess(services.github);
    this.forms = new FormContexts(this.drafts, services, this.access);
    this.sender = new OutboxSender(context.globalState, this.drafts, services.github, this.panels);
    this.outbox = this.sender.outbox;
    this.submitDeps = {
      drafts: this.drafts,
      forms: this.forms,
      github: services.github,
      sender: this.sender,
      pushAccess: (draft) => this.checkPush(draft.id, draft.repo, true),
    };
  }

  async open(args: OpenIssueArgs = {}): Promise<IssueFormPanel | undefined> {
    assertTrusted('Open Issue from Template');
    const { folder, recordFile, recordTitle } = await pickTarget(args, this.services.decisions);
    const set = await discoverTemplates(folder.uri.fsPath, getSettings(folder).limits);
    for (const p of set.problems) log().warn(`${p.file}:${p.line + 1}: ${p.message}`);
    const template = await pickTemplate(set, args.template, !!recordFile);
    if (!template) return undefined;
    await this.services.team.ready();
    const defaults = templateDefaults(this.forms.teamOf(folder), template.key);
    const repo = await repositoryOf(folder);
    const created = now().toISOString();
    const draft: IssueDraft = {
      id: randomUUID(),
      folder: folder.uri.toString(),
      repo,
      templateKey: template.key,
      templateFile: template.file,
      values: initialValues(template, args, defaults.due, recordTitle),
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
      const repo = await repositoryOf(folder);
      if (repo) await this.drafts.put({ ...draft, repo });
    }
    const set = folder ? await discoverTemplates(folder.uri.fsPath, getSettings(folder).limits) : undefined;
    const template = templateOfDraft(draft, set);
    if (!template) {
      panel?.dispose();
      throw new UserError(`The template of this draft (${draft.templateFile || draft.templateKey}) is gone. Its text is kept: use "Copy body" in the outbox.`);
    }
    return this.show(this.drafts.get(id) ?? draft, template, panel);
  }

  /** Retries every unsent issue (back online, "Retry all", unsent issues from an earlier session). */
  flushOutbox(): Promise<void> {
    return this.sender.flush();
  }

  /** Retries one entry now (outbox "Retry"). */
  retry(id: string): Promise<SubmitOutcome | undefined> {
    return this.sender.retry(id);
  }

  /** "Show Issue Outbox": unsent issues and open drafts, with Retry / Edit / Copy body / Discard. */
  showOutbox(): Promise<void> {
    return showOutbox({ sender: this.sender, drafts: this.drafts, forms: this.panels, openDraft: (id) => this.openDraft(id) });
  }

  private track(panel: IssueFormPanel): IssueFormPanel {
    this.opened(panel);
    return panel;
  }

  private show(draft: IssueDraft, template: IssueTemplate, revived?: vscode.WebviewPanel): IssueFormPanel {
    const id = draft.id;
    const panel = this.track(
      new IssueFormPanel(this.context.extensionUri, id, template.name, revived, {
        init: () => {
          const init = this.forms.init(id, template);
          void this.checkPush(id, init.repo); // quietly, when already signed in: the warning shows before submitting
          return Promise.resolve(init);
        },
        change: async (values) => {
          const current = this.drafts.get(id);
          if (current) await this.drafts.put({ ...current, values });
          return this.forms.derive(id, template, values);
        },
        submit: (values) => submitIssue(this.submitDeps, id, template, values),
        copyBody: async (values) => {
          await vscode.env.clipboard.writeText(this.forms.derive(id, template, values).preview.body);
          void vscode.window.setStatusBarMessage('$(clippy) Issue body copied', 4000);
        },
        discard: async () => {
          await this.drafts.remove(id);
          this.outbox.remove(id);
        },
        owners: () => this.forms.owners(id, template),
      }),
    );
    this.panels.set(id, panel);
    panel.onDidDispose(() => this.panels.delete(id));
    return panel;
  }

  /** Push access to a draft's repository; once known, its open form shows the warning (derived again). */
  private async checkPush(draftId: string, repo: string | null, interactive = false): Promise<PushAccess | undefined> {
    if (!repo) return undefined;
    const access = await this.access.pushAccess(repo, interactive);
    if (access) this.panels.get(draftId)?.refreshDerived();
    return access;
  }

  dispose(): void {
    this.sender.dispose();
    for (const p of this.panels.values()) p.dispose();
    this.drafts.dispose();
  }
}

// What an issue form needs besides its template: the folder's team (owners with their time and state),
// the team file's defaults (due date, extra labels), your zone, the push access last found, and the
// values a new form starts with. formModel.ts turns this context and the form's values into what it shows.
import * as vscode from 'vscode';
import { templateDefaults, uploadNote, type FormField, type IssueTemplate } from '../../core/issues';
import { markdownTree } from '../../core/shared/markdownTree';
import type { Team } from '../../core/team';
import type { Derived, FieldView, FormValues, IssueFormInit, OwnerOption } from '../../protocol/issueForm';
import { now } from '../shared/clock';
import { UserError } from '../shared/errors';
import { noGitHubRemoteMessage } from '../github/repository';
import { currentViewer } from '../team/viewer';
import type { IssueServices, OpenIssueArgs } from './api';
import type { DraftStore } from './drafts';
import { derive, ownerOptions, type FormContext } from './formModel';
import type { RepoAccess } from './repoAccess';

/** The context of each draft's form, read afresh every time: the team file or a status may have changed. */
export class FormContexts {
  constructor(
    private readonly drafts: DraftStore,
    private readonly services: IssueServices,
    private readonly access: RepoAccess,
  ) {}

  /** The team of a workspace folder, when it has a team file. */
  teamOf(folder: vscode.WorkspaceFolder): Team | undefined {
    const f = this.services.team.all().find((t) => t.workspaceFolder.uri.toString() === folder.uri.toString());
    return f?.exists ? f.team : undefined;
  }

  of(draftId: string, template: IssueTemplate): FormContext {
    const draft = this.drafts.get(draftId);
    const folder = draft ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft.folder)) : undefined;
    const team = folder ? this.teamOf(folder) : undefined;
    const defaults = templateDefaults(team, template.key);
    const push = draft?.repo ? this.access.knownPushAccess(draft.repo) : undefined;
    const you = `You${push?.login ? ` (@${push.login})` : ''}`;
    return {
      template,
      team,
      zone: currentViewer(this.services.team).zone,
      now: now(),
      ...(this.services.statuses ? { statuses: this.services.statuses() } : {}),
      extraLabels: defaults.labels,
      ...(defaults.due ? { defaultDue: defaults.due } : {}),
      ...(push && !push.push
        ? {
            pushWarning:
              `${you} cannot push to ${draft!.repo}: GitHub will drop the labels, assignees and milestone of this issue. ` +
              'Ask a maintainer for triage access, or create it and let them set those.',
          }
        : {}),
    };
  }

  /** Validation, due dates, owner warnings and the exact request for these values. */
  derive(draftId: string, template: IssueTemplate, values: FormValues): Derived {
    return derive(this.of(draftId, template), values);
  }

  /** What the form's webview gets when it starts. */
  init(draftId: string, template: IssueTemplate): IssueFormInit {
    const draft = this.drafts.get(draftId);
    if (!draft) throw new UserError('This issue draft no longer exists.');
    const ctx = this.of(draftId, template);
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft.folder));
    return {
      draftId,
      repo: draft.repo,
      ...(draft.repo ? {} : { repoProblem: `${noGitHubRemoteMessage(folder)} Until then the form is kept as a draft.` }),
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

  /** Team members plus the repository's assignable users (when signed in). */
  async owners(draftId: string, template: IssueTemplate): Promise<OwnerOption[]> {
    const draft = this.drafts.get(draftId);
    const ctx = this.of(draftId, template);
    if (!draft?.repo) return ownerOptions(ctx.team, ctx.now, [], ctx.statuses);
    return ownerOptions(ctx.team, ctx.now, await this.access.assignableUsers(draft.repo), ctx.statuses);
  }
}

/** A new form's values: what `args` gives, else the template's and the team file's defaults. */
export function initialValues(template: IssueTemplate, args: OpenIssueArgs, defaultDue: string | undefined, recordTitle: string | undefined): FormValues {
  const values: FormValues = {
    title: args.title ?? (recordTitle && !template.title ? `Follow-up: ${recordTitle}` : template.title),
    answers: { ...initialAnswers(template), ...(args.answers ?? {}) },
    body: template.kind === 'markdown' ? (args.body ?? template.body) : '',
    owner: (args.owner ?? template.assignees[0] ?? '').replace(/^@/, ''),
    due: args.due ?? defaultDue ?? '',
  };
  if (template.kind === 'form' && args.body) {
    const first = template.fields.find((f) => f.type === 'textarea' && !values.answers[f.id]);
    if (first && 'id' in first) values.answers[first.id] = args.body;
  }
  return values;
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

/** A field with its Markdown parsed for the webview (see FieldView). */
function fieldView(field: FormField): FieldView {
  const view: FieldView = { ...field };
  if (field.type === 'markdown') view.markdown = markdownTree(field.value);
  if ('description' in field && field.description) view.descriptionMarkdown = markdownTree(field.description);
  if (field.type === 'upload') view.note = uploadNote(field);
  return view;
}

// Submitting an issue from its form: the draft is saved first and checked (required fields, a GitHub
// remote, signed in); without push access you are warned that GitHub will drop labels and assignees;
// then the exact request (with the draft's hidden marker, milestone and project) goes through the outbox.
import * as vscode from 'vscode';
import type { NewOutboxEntry } from '../../core/issues/outbox';
import { withMarker } from '../../core/issues/submit';
import type { Derived, FormValues } from '../../protocol/issueForm';
import type { IssueTemplate } from '../../core/issues';
import type { GitHubAccess } from '../github/githubAccess';
import { noGitHubRemoteMessage } from '../github/repository';
import { Cancelled, UserError } from '../shared/errors';
import { ui } from '../shared/ui';
import { getSettings } from '../shared/settings';
import type { DraftStore, IssueDraft } from './drafts';
import type { FormContexts } from './formContext';
import type { SubmitOutcome } from './issueFormPanel';
import type { OutboxSender } from './outboxSender';
import type { PushAccess } from './repoAccess';

export interface SubmitDeps {
  drafts: DraftStore;
  forms: FormContexts;
  github: GitHubAccess;
  sender: OutboxSender;
  /** Checks push access again (may ask to sign in); undefined when unknown. */
  pushAccess(draft: IssueDraft): Promise<PushAccess | undefined>;
}

export async function submitIssue(deps: SubmitDeps, draftId: string, template: IssueTemplate, values: FormValues): Promise<SubmitOutcome> {
  const draft = deps.drafts.get(draftId);
  if (!draft) throw new UserError('This issue draft no longer exists.');
  await deps.drafts.put({ ...draft, values });
  const derived = deps.forms.derive(draftId, template, values);
  if (derived.errors.length) return { kind: 'invalid', derived };
  if (!draft.repo) {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft.folder));
    throw new UserError(`${noGitHubRemoteMessage(folder)} The draft is kept: open it again from "Show Issue Outbox".`);
  }
  const scopes = getSettings().githubProject ? ['repo', 'project'] : ['repo'];
  const client = await deps.github.client(scopes, { createIfNone: true });
  if (!client) throw new UserError('Not signed in to GitHub; the draft is kept. Sign in, then submit again.');
  const access = await deps.pushAccess(draft);
  const request = derived.preview;
  if (access && !access.push && (request.labels.length || request.assignees.length)) {
    const go = await ui.confirm(
      `You cannot push to ${draft.repo}, so GitHub will silently drop the labels (${request.labels.join(', ') || 'none'}) ` +
        `and assignees (${request.assignees.join(', ') || 'none'}) of this issue.`,
      { detail: 'Create it anyway and ask a maintainer to set them, or cancel and keep the draft.', action: 'Create Without Them' },
    );
    if (!go) throw new Cancelled();
  }
  const outcome = await deps.sender.submit(outboxEntry(draft, draft.repo, values, derived));
  return outcome ?? { kind: 'failed', failure: { kind: 'error', message: 'The issue was not sent.', fieldErrors: [], queued: true } };
}

/** The outbox entry of a draft: the request with the hidden marker, its milestone and project date (settings). */
function outboxEntry(draft: IssueDraft, fullName: string, values: FormValues, derived: Derived): NewOutboxEntry {
  const [owner, repo] = fullName.split('/') as [string, string];
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

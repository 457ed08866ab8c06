// The issues feature's boundary, as types only: what other features may ask of it (IssuesApi) and what
// it needs from them (IssueServices). Importing this file never loads the issue code, which lives in the
// lazily loaded dist/issues.js; the start-up bundle has a 400 KB budget (SPEC §5).
import type * as vscode from 'vscode';
import type { TeamStore } from '../team/teamStore';
import type { GitHubStatus } from '../../core/team';
import type { DecisionStore } from '../decisions/decisionStore';
import type { GitHubAccess } from '../github/githubAccess';

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
  record?: vscode.Uri | RecordNode;
  /** Where the issue comes from, shown on the form ("Blocker in @carol's standup of …"). */
  source?: string;
}

/** A record's node in the Decisions view (what its context menu passes), as far as the issues feature reads it. */
export interface RecordNode {
  kind: 'record';
  ref: { folder: { root: vscode.Uri }; record: { file: string } };
}

/** An open issue form. */
export interface IssueForm {
  /** Its draft (kept in global storage until the issue is created or the draft discarded). */
  readonly draftId: string;
  dispose(): void;
}

export interface IssuesApi {
  /**
   * "Open Issue from Template…": asks for what `args` leaves open (folder, template), then shows the
   * form. Undefined when a contact link was picked instead; a dismissed picker throws Cancelled.
   */
  open(args?: OpenIssueArgs): Promise<IssueForm | undefined>;
}

/** What the issues feature uses of the other features. */
export interface IssueServices {
  team: TeamStore;
  decisions: DecisionStore;
  github: GitHubAccess;
  /** Teammates' GitHub statuses when the Team view fetched them (busy), by lower-case login. */
  statuses?: () => Map<string, GitHubStatus>;
}

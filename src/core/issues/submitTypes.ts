// The shapes of an issue submission (request, targets, options, result) and the constants the submit
// steps share; in a module of their own so the steps and submit.ts do not import each other.
import type { GitHubErrorKind } from '../github/errors';

export interface IssueRequest {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  type?: string;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface MilestoneTarget {
  /** The owner's local due date, YYYY-MM-DD. */
  dueDate: string;
  /** Default: `Due ${dueDate}`, e.g. 'Due 2026-11-26' (DEFAULT_MILESTONE_PREFIX). */
  title?: string;
}

export interface ProjectTarget {
  /** Login of the user or organization owning the project. */
  owner: string;
  number: number;
  /** Name of a DATE field of the project (matched ignoring case). */
  dateField: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface MilestoneOutcome {
  number: number;
  title: string;
  /** Created for this issue (rather than found). */
  created: boolean;
}

export interface SubmitOptions {
  repo: RepoRef;
  request: IssueRequest;
  /** Names the draft in the hidden marker: letters, digits, '.', '_' and '-', at most 64. */
  draftId: string;
  milestone?: MilestoneTarget;
  project?: ProjectTarget;
  /** The signed-in login, when known (checkPushAccess returns it): saves a GET /user. */
  login?: string;
  /** When this draft was first sent (ISO 8601): an issue an earlier attempt created is no older, so
   *  the look-up lists only issues updated since then. Default: the newest 300 of the user's issues. */
  since?: string;
}

export interface SubmitResult {
  number: number;
  /** The issue on the web (html_url). */
  url: string;
  /** An earlier attempt had created it (its answer was lost): nothing new was created. */
  reused: boolean;
  /** What could not be done after the issue existed (or before, for the milestone), in words. */
  warnings: string[];
  /** GraphQL node id of the issue. */
  nodeId?: string;
  milestone?: MilestoneOutcome;
  /** The project item the issue became. */
  projectItemId?: string;
  /** OAuth scopes a warning said the sign-in lacks (e.g. ['read:project']): offer to sign in again. */
  neededScopes?: string[];
}

/** The issue fields this module reads from GitHub's REST answers. */
export interface IssueData {
  number: number;
  node_id: string;
  title: string;
  html_url: string;
  body?: string | null;
  labels: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
  milestone?: { number: number; title: string } | null;
  type?: { name: string } | null;
  pull_request?: unknown;
}

export interface PushAccess {
  /** Labels, assignees, milestone and type are kept (GitHub drops them silently otherwise). */
  push: boolean;
  /** The signed-in user. */
  login?: string;
  /** Issues are turned on for the repository. */
  hasIssues: boolean;
}

/** Errors after which nothing more can be done now (and retrying the whole submit later is safe). */
export const TRANSIENT_KINDS: ReadonlySet<GitHubErrorKind> = new Set(['offline', 'timeout', 'rate-limit', 'server', 'auth']);

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

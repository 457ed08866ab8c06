// The outbox: issues the user submitted that GitHub has not confirmed yet, kept until they are sent so
// nothing typed is lost to a failure. Pure state (the extension stores `toJSON()` in its global
// storage and saves it on every change) and a flush that sends the entries in order through
// submitIssue, whose marker look-up makes every retry safe. Recommended use: add the entry first,
// then flush just it, so even a window closed mid-request leaves it here.
import type { GitHubClient } from '../github/githubClient';
import type { GitHubErrorKind } from '../github/errors';
import { describeSubmitError, isValidDraftId, submitIssue, type SubmitFieldError } from './submit';
import type { IssueRequest, MilestoneTarget, ProjectTarget, RepoRef, SubmitResult } from './submitTypes';

export type OutboxStatus = 'pending' | 'sending' | 'failed' | 'sent';

export interface OutboxError {
  kind: string;
  message: string;
  /** When it happened (ISO 8601). */
  at: string;
  /** Rate limits: when sending may resume (ISO 8601). */
  retryAt?: string;
  /** GitHub's 422 field errors, mapped onto the form's fields (for "Edit"). */
  fieldErrors?: SubmitFieldError[];
  neededScopes?: string[];
}

export interface OutboxEntry {
  /** The draft id (also in the issue's hidden marker). */
  id: string;
  repo: RepoRef;
  request: IssueRequest;
  milestone?: MilestoneTarget;
  project?: ProjectTarget;
  /** When it was first queued (ISO 8601); no earlier attempt's issue can be older. */
  createdAt: string;
  attempts: number;
  lastError?: OutboxError;
  status: OutboxStatus;
  result?: SubmitResult;
  /** Free-form context the extension keeps (template key, answers, source record). */
  context?: unknown;
}

/** What the extension gives when queuing an issue. */
export type NewOutboxEntry = Pick<OutboxEntry, 'id' | 'repo' | 'request' | 'milestone' | 'project' | 'context'>;

/** Failures that every following entry would hit too: a flush stops at the first of them. */
export const STOP_KINDS: ReadonlySet<GitHubErrorKind> = new Set(['offline', 'rate-limit', 'auth', 'timeout']);

const UNSENT: ReadonlySet<OutboxStatus> = new Set(['pending', 'failed']);

export class Outbox {
  private entries: OutboxEntry[];
  private readonly listeners = new Set<(entries: readonly OutboxEntry[]) => void>();

  /** Entries left 'sending' (by a window closed mid-request) are pending again: a retry is safe. */
  constructor(entries: readonly OutboxEntry[] = []) {
    this.entries = entries.map((e) => (e.status === 'sending' ? { ...e, status: 'pending' } : { ...e }));
  }

  /** An outbox from stored JSON of any shape: malformed entries are left out and said in `problems`. */
  static fromJSON(value: unknown): { outbox: Outbox; problems: string[] } {
    const problems: string[] = [];
    if (value === undefined || value === null) return { outbox: new Outbox(), problems };
    if (!Array.isArray(value)) return { outbox: new Outbox(), problems: ['the stored outbox is not a list; it was ignored'] };
    const entries: OutboxEntry[] = [];
    const ids = new Set<string>();
    value.forEach((raw, i) => {
      const entry = parseEntry(raw);
      if (typeof entry === 'string') problems.push(`stored outbox entry ${i + 1}: ${entry}; it was left out`);
      else if (ids.has(entry.id)) problems.push(`stored outbox entry ${i + 1}: a second entry for draft ${entry.id}; it was left out`);
      else {
        ids.add(entry.id);
        entries.push(entry);
      }
    });
    return { outbox: new Outbox(entries), problems };
  }

  get(id: string): OutboxEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** Every entry, in the order they were queued. */
  all(): readonly OutboxEntry[] {
    return this.entries;
  }

  /** Entries still to send (pending or failed), oldest first. */
  pending(): OutboxEntry[] {
    return this.entries.filter((e) => UNSENT.has(e.status));
  }

  /**
   * Queues an issue. A draft already here (submitted again after an edit) gets the new content and is
   * pending again; it keeps its place, first-queued time and attempts, so its look-up still starts
   * early enough to find an issue an earlier attempt created. Throws while that draft is being sent.
   */
  add(entry: NewOutboxEntry, now: Date = new Date()): OutboxEntry {
    if (!isValidDraftId(entry.id)) throw new RangeError(`Not a valid draft id: ${JSON.stringify(entry.id)}`);
    const content = {
      repo: entry.repo,
      request: entry.request,
      ...(entry.milestone ? { milestone: entry.milestone } : {}),
      ...(entry.project ? { project: entry.project } : {}),
      ...(entry.context !== undefined ? { context: entry.context } : {}),
    };
    const existing = this.get(entry.id);
    // Queued again while in flight, a concurrent flush could send it a second time before the first answer.
    if (existing?.status === 'sending') throw new Error(`The issue for draft ${entry.id} is being sent right now; change it once that attempt has ended.`);
    const next: OutboxEntry = existing
      ? { id: entry.id, createdAt: existing.createdAt, attempts: existing.attempts, status: 'pending', ...content }
      : { id: entry.id, createdAt: now.toISOString(), attempts: 0, status: 'pending', ...content };
    this.entries = existing ? this.entries.map((e) => (e.id === entry.id ? next : e)) : [...this.entries, next];
    this.changed();
    return next;
  }

  /** Changes an entry (a key given as undefined is removed); undefined when there is no such entry. */
  update(id: string, patch: Partial<Omit<OutboxEntry, 'id'>>): OutboxEntry | undefined {
    const existing = this.get(id);
    if (!existing) return undefined;
    const next = { ...existing, ...patch };
    for (const key of Object.keys(patch) as (keyof OutboxEntry)[]) if (patch[key as keyof typeof patch] === undefined) delete next[key];
    this.entries = this.entries.map((e) => (e.id === id ? next : e));
    this.changed();
    return next;
  }

  remove(id: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.id !== id);
    if (this.entries.length === before) return false;
    this.changed();
    return true;
  }

  /** Forgets the sent entries; returns how many. */
  clearSent(): number {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.status !== 'sent');
    const removed = before - this.entries.length;
    if (removed) this.changed();
    return removed;
  }

  /** Called after every change with all entries (to save them). Returns the unsubscribe function. */
  onDidChange(listener: (entries: readonly OutboxEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toJSON(): OutboxEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this.entries);
  }
}

export interface FlushOptions {
  /** Only these drafts (e.g. "Retry" on one entry); default every unsent entry. */
  ids?: readonly string[];
  /** The signed-in login, when known: saves a GET /user per entry. */
  login?: string;
}

export interface FlushResult {
  sent: OutboxEntry[];
  failed: OutboxEntry[];
  /** Why the flush stopped before the end (offline, rate limit, sign-in, timeout). */
  stopped?: OutboxError;
}

/**
 * Sends every pending or failed entry, oldest first, through submitIssue (so a retry never creates a
 * duplicate). Stops at the first failure every later entry would share (STOP_KINDS); sends nothing
 * while a rate limit an entry ran into is still in force.
 */
export async function flushOutbox(outbox: Outbox, client: GitHubClient, now: () => Date, options: FlushOptions = {}): Promise<FlushResult> {
  const sent: OutboxEntry[] = [];
  const failed: OutboxEntry[] = [];
  const only = options.ids ? new Set(options.ids) : undefined;
  const queue = outbox.pending().filter((e) => !only || only.has(e.id));
  const limited = outbox
    .pending()
    .map((e) => e.lastError)
    .filter((e): e is OutboxError => e?.kind === 'rate-limit' && !!e.retryAt && Date.parse(e.retryAt) > now().getTime())
    .sort((a, b) => Date.parse(b.retryAt!) - Date.parse(a.retryAt!))[0];
  if (limited && queue.length) return { sent, failed, stopped: limited };

  for (const queued of queue) {
    // Removed, edited into another state or taken by a concurrent flush since the queue was read.
    const entry = outbox.get(queued.id);
    if (!entry || !UNSENT.has(entry.status)) continue;
    outbox.update(entry.id, { status: 'sending', attempts: entry.attempts + 1 });
    try {
      const result = await submitIssue(client, {
        repo: entry.repo,
        request: entry.request,
        draftId: entry.id,
        since: entry.createdAt,
        ...(entry.milestone ? { milestone: entry.milestone } : {}),
        ...(entry.project ? { project: entry.project } : {}),
        ...(options.login ? { login: options.login } : {}),
      });
      const patch = { status: 'sent' as const, result, lastError: undefined };
      // Still reported when the user removed the entry meanwhile: the issue exists.
      sent.push(outbox.update(entry.id, patch) ?? { ...entry, ...patch, attempts: entry.attempts + 1 });
    } catch (error) {
      const d = describeSubmitError(error);
      const lastError: OutboxError = {
        kind: d.kind,
        message: d.message,
        at: now().toISOString(),
        ...(d.retryAt ? { retryAt: d.retryAt } : {}),
        ...(d.fieldErrors.length ? { fieldErrors: d.fieldErrors } : {}),
        ...(d.neededScopes ? { neededScopes: d.neededScopes } : {}),
      };
      const patch = { status: 'failed' as const, lastError };
      failed.push(outbox.update(entry.id, patch) ?? { ...entry, ...patch, attempts: entry.attempts + 1 });
      if (STOP_KINDS.has(d.kind)) return { sent, failed, stopped: lastError };
    }
  }
  return { sent, failed };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'failed', 'sent'];

/** One stored entry checked field by field: the entry, or what is wrong with it. */
function parseEntry(raw: unknown): OutboxEntry | string {
  if (!isObject(raw)) return 'not an object';
  const { id, repo, request, milestone, project, createdAt, attempts, status, lastError, result, context } = raw;
  if (!isString(id) || !isValidDraftId(id)) return 'no valid draft id';
  if (!isObject(repo) || !isString(repo.owner) || !isString(repo.repo)) return `draft ${id}: no repository`;
  if (
    !isObject(request) ||
    !isString(request.title) ||
    !isString(request.body) ||
    !isStrings(request.labels) ||
    !isStrings(request.assignees) ||
    (request.type !== undefined && !isString(request.type))
  ) {
    return `draft ${id}: no valid issue (title, body, labels, assignees)`;
  }
  if (milestone !== undefined && !(isObject(milestone) && isString(milestone.dueDate) && (milestone.title === undefined || isString(milestone.title))))
    return `draft ${id}: a malformed milestone`;
  if (
    project !== undefined &&
    !(isObject(project) && isString(project.owner) && Number.isInteger(project.number) && isString(project.dateField) && isString(project.date))
  ) {
    return `draft ${id}: a malformed project`;
  }
  const entry: OutboxEntry = {
    id,
    repo: { owner: repo.owner, repo: repo.repo },
    request: {
      title: request.title,
      body: request.body,
      labels: request.labels,
      assignees: request.assignees,
      ...(request.type !== undefined ? { type: request.type } : {}),
    },
    createdAt: isString(createdAt) && !Number.isNaN(Date.parse(createdAt)) ? createdAt : new Date(0).toISOString(),
    attempts: typeof attempts === 'number' && Number.isInteger(attempts) && attempts >= 0 ? attempts : 0,
    status: STATUSES.includes(status as OutboxStatus) ? (status as OutboxStatus) : 'pending',
  };
  if (milestone !== undefined) entry.milestone = milestone as unknown as MilestoneTarget;
  if (project !== undefined) entry.project = project as unknown as ProjectTarget;
  if (isObject(lastError) && isString(lastError.kind) && isString(lastError.message) && isString(lastError.at))
    entry.lastError = lastError as unknown as OutboxError;
  if (isObject(result) && typeof result.number === 'number' && isString(result.url)) entry.result = result as unknown as SubmitResult;
  else if (entry.status === 'sent') entry.status = 'pending'; // "sent" without its issue: send again (the marker finds it)
  if (context !== undefined) entry.context = context;
  return entry;
}

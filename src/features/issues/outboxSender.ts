// Sends the issue outbox to GitHub: an issue submitted from its form goes through the outbox too, so a
// failed create is kept and retried (back online, a timer, "Retry") without ever creating a duplicate:
// the body carries the draft's hidden marker, which a retry searches for first (core/issues/outbox.ts).
// Reports each outcome to the issue's form when it is open, and links a created issue to its decision record.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { linkIssueToRecord } from '../../core/decisions/linkIssue';
import { Outbox, flushOutbox, type NewOutboxEntry, type OutboxEntry, type OutboxError } from '../../core/issues/outbox';
import { TRANSIENT_KINDS } from '../../core/issues/submit';
import type { GitHubAccess } from '../github/githubAccess';
import { now } from '../shared/clock';
import { applyChanges, readCurrentText } from '../shared/files';
import { log } from '../shared/log';
import { OUTBOX_KEY, type DraftStore } from './drafts';
import type { IssueFormPanel, SubmitOutcome } from './issueFormPanel';

const RETRY_EVERY_MS = 5 * 60_000;

export class OutboxSender implements vscode.Disposable {
  /** Submitted issues GitHub has not confirmed yet (saved to global storage on every change). */
  readonly outbox: Outbox;
  /** Drafts being submitted from their form right now: a background flush leaves them to it. */
  private readonly submitting = new Set<string>();
  private flushing: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    state: vscode.Memento,
    private readonly drafts: DraftStore,
    private readonly github: GitHubAccess,
    /** The open forms, by draft id. */
    private readonly forms: ReadonlyMap<string, IssueFormPanel>,
  ) {
    const stored = Outbox.fromJSON(state.get(OUTBOX_KEY));
    for (const problem of stored.problems) log().warn(`Issue outbox: ${problem}`);
    this.outbox = stored.outbox;
    const unsubscribe = this.outbox.onDidChange(() => void state.update(OUTBOX_KEY, this.outbox.toJSON()));
    this.disposables.push(
      { dispose: unsubscribe },
      // Back online is noticed when the window gets focus again, or by the retry timer.
      vscode.window.onDidChangeWindowState((s) => s.focused && this.hasPending() && void this.flush({ onlyRetryable: true })),
    );
    this.scheduleRetry();
  }

  hasPending(): boolean {
    return this.outbox.pending().length > 0;
  }

  /** Queues an issue submitted from its form and sends it at once. */
  async submit(entry: NewOutboxEntry): Promise<SubmitOutcome | undefined> {
    this.outbox.add(entry);
    this.submitting.add(entry.id);
    try {
      return (await this.send([entry.id]))[0];
    } finally {
      this.submitting.delete(entry.id);
    }
  }

  /**
   * Retries every unsent issue ("Retry all"); one flush at a time. Back online and the timer pass
   * `onlyRetryable`: an issue GitHub refused (a 422, no access) waits for the user, not for a retry.
   */
  flush(options: { onlyRetryable?: boolean } = {}): Promise<void> {
    this.flushing ??= this.send(undefined, options.onlyRetryable)
      .then(() => undefined)
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Retries one entry now (outbox "Retry"). */
  async retry(id: string): Promise<SubmitOutcome | undefined> {
    return (await this.send([id]))[0];
  }

  /**
   * Sends outbox entries (the given ones, else every unsent one) and reports each outcome to its form.
   * A retry never duplicates: submitIssue first looks for the draft's marker.
   */
  private async send(ids?: string[], onlyRetryable = false): Promise<SubmitOutcome[]> {
    ids ??= this.outbox
      .pending()
      .filter((e) => !this.submitting.has(e.id) && (!onlyRetryable || retryable(e)))
      .map((e) => e.id);
    const wanted = this.outbox.pending().filter((e) => ids.includes(e.id));
    if (wanted.length === 0) return [];
    const scopes = wanted.some((e) => e.project) ? ['repo', 'project'] : ['repo'];
    let client;
    try {
      client = await this.github.client(scopes, { createIfNone: false });
    } catch (error) {
      log().warn(`Issue outbox: ${(error as Error).message}`);
    }
    let sent: OutboxEntry[] = [];
    let failed: OutboxEntry[];
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
    for (const entry of failed) outcomes.push([entry.id, failure(entry, entry.lastError)]);
    // Entries a stopped flush did not reach (rate limit in force, offline): say why; they stay queued.
    for (const entry of wanted) if (stopped && !outcomes.some(([id]) => id === entry.id)) outcomes.push([entry.id, failure(entry, stopped)]);
    for (const [id, outcome] of outcomes) this.forms.get(id)?.reportOutcome(outcome);
    this.scheduleRetry();
    return outcomes.map(([, outcome]) => outcome);
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    // Only failures a retry can cure are retried by the timer; the others wait for the user.
    if (this.outbox.pending().some(retryable)) this.retryTimer = setTimeout(() => void this.flush({ onlyRetryable: true }), RETRY_EVERY_MS);
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
        await linkRecord(folder, recordFile, { number: result.number, url: result.url, title: entry.request.title });
      } catch (error) {
        warnings.push(`Could not add #${result.number} to ${recordFile}: ${(error as Error).message}`);
      }
    }
    for (const w of warnings) log().warn(`Issue #${result.number}: ${w}`);
    log().info(`${result.reused ? 'Found the already created' : 'Created'} issue #${result.number} in ${entry.repo.owner}/${entry.repo.repo}: ${result.url}`);
    const warned = warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'}: see the log)` : '';
    void vscode.window
      .showInformationMessage(`${result.reused ? 'Already created' : 'Created'} issue #${result.number}: ${entry.request.title}${warned}`, 'Open on GitHub')
      .then((choice) => choice && vscode.env.openExternal(vscode.Uri.parse(result.url)));
    return { kind: 'created', result: { number: result.number, url: result.url, reused: result.reused, warnings } };
  }

  dispose(): void {
    clearTimeout(this.retryTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Failures that sending again can cure (offline, time-outs, server errors, a rate limit): they stay queued. */
/** Not sent yet, or failed in a way a later try can cure (offline, a timeout, a rate limit). */
function retryable(entry: OutboxEntry): boolean {
  return !entry.lastError || isQueued(entry.lastError.kind);
}

function isQueued(kind: string): boolean {
  return TRANSIENT_KINDS.has(kind as never) || kind === 'rate-limit';
}

function failure(entry: OutboxEntry, error: OutboxError | undefined): SubmitOutcome {
  const kind = error?.kind ?? 'error';
  const where = `${entry.repo.owner}/${entry.repo.repo}`;
  log().warn(`Creating issue "${entry.request.title}" in ${where} failed (attempt ${entry.attempts}): ${error?.message ?? 'unknown error'}`);
  return {
    kind: 'failed',
    failure: {
      kind,
      message: error?.message ?? 'The issue was not sent.',
      fieldErrors: error?.fieldErrors ?? [],
      ...(error?.retryAt ? { retryAt: error.retryAt } : {}),
      queued: isQueued(kind),
    },
  };
}

/** Adds the created issue to the decision record it follows up (its `issues` list and Follow-ups). */
async function linkRecord(folderUri: string, recordFile: string, issue: { number: number; url: string; title: string }): Promise<void> {
  const folder = vscode.Uri.parse(folderUri);
  const uri = vscode.Uri.joinPath(folder, ...recordFile.split('/'));
  const text = await readCurrentText(uri);
  if (text === null) throw new Error('the record is gone');
  const updated = linkIssueToRecord(text, { file: recordFile, folder: path.posix.dirname(recordFile) }, issue);
  if (updated === text) return;
  await applyChanges(folder, [{ file: recordFile, text: updated }], { action: 'Link the issue to the decision record', basis: new Map([[recordFile, text]]) });
}

// A focus session as it is persisted, and the decisions about it that need no VS Code: is it still
// running, is an expired one this window's to end now, when to look again, and which GitHub status
// to put back at the end. The extension keeps these records in VS Code's storage
// (src/features/focus/focusStorage.ts) and does the toggling and GitHub calls itself.
import type { OwnStatus } from '../github';
import { MINUTE_MS } from './focusTime';

export interface StoredSession {
  version: 1;
  id: string;
  startedAt: string;
  endsAt: string;
  /** Your zone when it started: the end time in messages is in it. */
  zone: string;
  /** The window that started it turned Do Not Disturb on (informative; the OwnerMarker decides). */
  dndToggled: boolean;
  /** Set once your GitHub status was changed for this session. */
  github?: GitHubChange;
}

export interface GitHubChange {
  login: string;
  /** Your status before the session (null: none). */
  previous: OwnStatus | null;
  /** The message we set, to recognise our status at the end. */
  message: string;
}

/** A previous GitHub status still to be put back (kept across windows until it is). */
export interface PendingRestore extends GitHubChange {
  sessionId: string;
}

/** Kept per workspace: this window started the session, and whether it turned Do Not Disturb on. */
export interface OwnerMarker {
  sessionId: string;
  dnd: boolean;
}

export type GitHubOutcome =
  | { state: 'off' }
  | { state: 'skipped'; reason: string }
  | { state: 'set'; message: string }
  | { state: 'restored' }
  | { state: 'kept'; reason: string }
  | { state: 'failed'; error: string };

export const FOCUS_EMOJI = ':no_bell:';
/** Another window ends an expired session only after this long (its owner window may be closed). */
export const OWNER_GRACE_MS = 60_000;
/** A pending GitHub restore is retried at most this often. */
export const RESTORE_RETRY_MS = 5 * MINUTE_MS;

/** What storage holds is a session this version wrote (anything else is ignored, not trusted). */
export function isSession(value: unknown): value is StoredSession {
  const s = value as StoredSession | undefined;
  return !!s && s.version === 1 && typeof s.id === 'string' && typeof s.endsAt === 'string' && !Number.isNaN(Date.parse(s.endsAt));
}

export function newSession(id: string, now: number, endsAt: number, zone: string, dndToggled: boolean): StoredSession {
  return { version: 1, id, startedAt: new Date(now).toISOString(), endsAt: new Date(endsAt).toISOString(), zone, dndToggled };
}

/** The session if it has not reached its end. */
export function runningAt(session: StoredSession | undefined, now: number): StoredSession | undefined {
  return session && Date.parse(session.endsAt) > now ? session : undefined;
}

/**
 * An expired session is ended by the window that started it at once, and by any other window only
 * after OWNER_GRACE_MS: its own window may have been closed, but if it is open it gives DND back.
 */
export function dueToEnd(session: StoredSession | undefined, ownerSessionId: string | undefined, now: number): boolean {
  if (!session) return false;
  const endsAt = Date.parse(session.endsAt);
  return endsAt <= now && (ownerSessionId === session.id || now - endsAt >= OWNER_GRACE_MS);
}

/**
 * Milliseconds to the next clock tick: each second of the countdown while a session runs, otherwise
 * the next minute boundary (every zone's offset is whole minutes, so UTC minute boundaries are
 * local ones). 15 ms late, so the tick lands after the boundary, not just before it.
 */
export function nextTickDelay(running: StoredSession | undefined, now: number): number {
  const delay = running ? (Date.parse(running.endsAt) - now) % 1000 || 1000 : 60_000 - (now % 60_000);
  return delay + 15;
}

const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * At the start of a session: the status to put back at its end. Normally the one GitHub shows now;
 * but while an earlier session's restore is still pending for this login, GitHub shows that
 * session's status (or nothing, once it expired), and the real one is the pending restore's.
 * `dropPending`: the pending restore is taken over by this session.
 */
export function statusBeforeSession(
  login: string,
  status: OwnStatus | null,
  pending: PendingRestore | undefined,
): { previous: OwnStatus | null; dropPending: boolean } {
  if (!pending || !sameLogin(pending.login, login)) return { previous: status, dropPending: false };
  return { previous: !status || status.message === pending.message ? pending.previous : status, dropPending: true };
}

export type RestoreStep =
  /** Signed in as someone else: their status is not ours to change. */
  | { kind: 'other-login' }
  /** GitHub shows a status you set during the session: it stays. */
  | { kind: 'changed' }
  /** Ours still shows, or nothing (ours expired at the end): put back the previous one (`write`: there is something to write). */
  | { kind: 'restore'; write: boolean };

/** What to do with a pending restore, given who is signed in and what GitHub shows now. */
export function restoreStep(pending: PendingRestore, login: string, status: OwnStatus | null): RestoreStep {
  if (!sameLogin(login, pending.login)) return { kind: 'other-login' };
  if (status && status.message !== pending.message) return { kind: 'changed' };
  return { kind: 'restore', write: !!status || !!pending.previous };
}

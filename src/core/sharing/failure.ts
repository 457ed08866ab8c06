// Why a fetch or push did not work, from what git said (its messages are parsable: the runner sets
// LC_ALL=C). Each kind has a short reason ("waiting to be posted: offline") and a message that says
// what to do. A post that fails for any of these except a non-fast-forward push (retried at once)
// waits in the queue and goes out with the next sync.
import { GitError } from './git';

export type FailureKind =
  /** No network, the host unreachable or not answering in time. */
  | 'offline'
  /** The server refused the credentials, or git had none. */
  | 'auth'
  /** A server hook (pre-receive, branch protection) declined the push. */
  | 'hook-rejected'
  /** Someone else pushed first: fetch, re-apply, push again. */
  | 'non-fast-forward'
  /** The remote repository is not there (moved, deleted, a path that no longer exists). */
  | 'remote-gone'
  /** The repository has no such remote. */
  | 'no-remote'
  /** The git binary could not be started. */
  | 'no-git'
  | 'other';

export interface SharingFailure {
  kind: FailureKind;
  /** A few words: "offline", "authentication failed". */
  reason: string;
  /** A sentence or two: what happened and what to do. */
  message: string;
  /** git's own last lines (redacted), for the log. */
  detail?: string;
}

const OFFLINE = [
  /Could not resolve host/i,
  /Could not resolve hostname/i,
  /Temporary failure in name resolution/i,
  /Failed to connect to/i,
  /Connection refused/i,
  /Connection timed out/i,
  /Operation timed out/i,
  /Connection reset/i,
  /Network is unreachable/i,
  /No route to host/i,
  /ssh: connect to host/i,
  /Could not read from remote repository\.\s*$/i,
  /The requested URL returned error: 50[234]/i,
];
const AUTH = [
  /Authentication failed/i,
  /could not read (Username|Password)/i,
  /terminal prompts disabled/i,
  /Permission denied \(publickey/i,
  /HTTP Basic: Access denied/i,
  /The requested URL returned error: 40[13]/i,
  /Invalid username or (password|token)/i,
  /Permission to \S+ denied/i,
  /Write access to repository not granted/i,
];
const GONE = [
  /does not appear to be a git repository/i,
  /Repository not found/i,
  /repository '[^']*' not found/i,
  /The requested URL returned error: 404/i,
  /No such file or directory/i,
];

/** The remote-rejected reason in `! [remote rejected] src -> dst (pre-receive hook declined)`. */
const REMOTE_REJECTED = /\[remote rejected\][^\n(]*\(([^)\n]*)\)/;
/** Remote-rejected reasons of a lost race for the ref lock (receive-pack: "cannot lock ref … is at X but expected Y"). */
const LOST_RACE = /cannot lock ref|failed to update ref|but expected|reference already exists|incorrect old value|failed to lock|stale info/i;
const NON_FAST_FORWARD = /\[rejected\][^\n]*\((non-fast-forward|fetch first|stale info)\)|Updates were rejected because/;

function lastLines(text: string, n = 4): string {
  return text
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-n)
    .join(' / ');
}

function remoteLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.startsWith('remote:'))
    .map((l) => l.slice(7).trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' ')
    .slice(0, 300);
}

/** What a failed fetch or push means. `remote` and `branch` name things in the messages. */
export function classifyGitFailure(error: unknown, where: { remote: string; branch: string; remoteUrl?: string }): SharingFailure {
  const name = where.remoteUrl ? `"${where.remote}" (${where.remoteUrl})` : `"${where.remote}"`;
  if (!(error instanceof GitError)) {
    return {
      kind: 'other',
      reason: 'git failed',
      message: `Sharing failed: ${(error as Error)?.message ?? String(error)}. The post is kept and goes out with the next sync.`,
    };
  }
  const said = error.stderr;
  const detail = lastLines(said) || undefined;
  const withDetail = (f: Omit<SharingFailure, 'detail'>): SharingFailure => (detail ? { ...f, detail } : f);
  if (error.spawnCode) {
    return {
      kind: 'no-git',
      reason: 'git not found',
      message: `git could not be started (${error.spawnCode}): install git, or set the path of the git binary. Posts are kept until then.`,
    };
  }
  if (error.timedOut) {
    return withDetail({
      kind: 'offline',
      reason: 'offline',
      message: `The remote ${name} did not answer in time. The post is kept and goes out with the next sync.`,
    });
  }
  const rejected = REMOTE_REJECTED.exec(said);
  // Two pushes at the same instant: the server took the other one between telling us the tip and
  // updating the ref. That is "someone posted first", not a refusal.
  if (rejected && LOST_RACE.test(rejected[1]!)) {
    return withDetail({ kind: 'non-fast-forward', reason: 'someone posted first', message: `Someone else posted to ${where.branch} at the same moment.` });
  }
  if (rejected) {
    // What the hook printed comes back as "remote: …" lines: the server's own words are the best hint.
    const words = remoteLines(said);
    return withDetail({
      kind: 'hook-rejected',
      reason: 'rejected by the server',
      message:
        `The server refused the push to the ${where.branch} branch (${rejected[1]!.trim()}${words ? `: "${words}"` : ''}): ` +
        `a hook or a branch protection rule on ${name}. Ask the repository's admins to allow pushes to ${where.branch}; the post is kept until then.`,
    });
  }
  if (NON_FAST_FORWARD.test(said)) {
    return withDetail({ kind: 'non-fast-forward', reason: 'someone posted first', message: `Someone else posted to ${where.branch} first.` });
  }
  if (AUTH.some((re) => re.test(said))) {
    return withDetail({
      kind: 'auth',
      reason: 'authentication failed',
      message:
        `Authentication to ${name} failed: git has no credentials the server accepts. ` +
        'Sign in (a credential helper, an SSH key, or the GitHub sign-in), then sync; the post is kept until then.',
    });
  }
  // Before "offline": git says "Could not read from remote repository" after "does not appear to be a git repository" too.
  if (GONE.some((re) => re.test(said))) {
    return withDetail({
      kind: 'remote-gone',
      reason: 'remote not found',
      message:
        `The remote ${name} was not found (moved, deleted, or you have no access to it). ` +
        `Fix its URL (git remote set-url ${where.remote} URL), then sync; the post is kept until then.`,
    });
  }
  if (OFFLINE.some((re) => re.test(said))) {
    return withDetail({
      kind: 'offline',
      reason: 'offline',
      message: `The remote ${name} cannot be reached (offline?). The post is kept and goes out with the next sync.`,
    });
  }
  return withDetail({
    kind: 'other',
    reason: 'git failed',
    message: `git failed: ${detail ?? `exit ${error.code}`}. The post is kept and goes out with the next sync.`,
  });
}

/** The failure for a repository without the remote. */
export function noRemoteFailure(remote: string): SharingFailure {
  return {
    kind: 'no-remote',
    reason: 'no remote',
    message:
      `Not shared: the repository has no remote "${remote}". ` +
      `Add one (git remote add ${remote} URL) to share standups; until then they are written to the working tree.`,
  };
}

// Fetching the sharing branch and pushing posts onto it, with no checkout and no index (SPEC §2.4):
//  - fetch: `refs/heads/<branch>` into `refs/remotes/<remote>/<branch>`, the ref a plain `git fetch`
//    would update too, with a refspec without `+` (a rewritten remote branch is said, then taken);
//    no FETCH_HEAD (the user's `git pull` relies on it), no tags, no submodules, no auto-maintenance;
//  - push: each post is one commit, built on the last fetched tip (`hash-object`, then only the trees
//    on the post's path: treeEditor.ts, then `commit-tree`), pushed as `<commit>:refs/heads/<branch>`.
//    Never forced. Rejected as non-fast-forward (someone posted first): fetch, build again on the new
//    tip (each person writes only their own files: nothing to merge), push again, with a growing,
//    jittered wait, a bounded number of times. The user's pre-push hook does not run (the branch holds
//    no project code, and a hook that runs the test suite would make every post take minutes).
//  - a post whose file has, on the branch, another revision than the one it was edited from (`base`)
//    is not written: it comes back as a conflict with both texts.
import { createHash } from 'node:crypto';
import { decodeText } from '../shared/repoFiles';
import { BRANCH_README, branchReadme, classifyBranchPath, commitMessage, type SharedFolders } from './branchPaths';
import { CatFile } from './catFile';
import { classifyGitFailure, type SharingFailure } from './failure';
import { GitError, type GitRunner } from './git';
import { MkTree, TreeEditor } from './treeEditor';

export interface Transport {
  git: GitRunner;
  /** Where git runs (a folder of the working tree). */
  cwd: string;
  remote: string;
  remoteUrl: string;
  branch: string;
  folders: SharedFolders;
  oidLength: number;
  /** Push attempts before giving up (a rejected push is retried after a fetch). */
  maxAttempts: number;
  /** 0 <= x < 1, for the jitter (tests may fix it). */
  random: () => number;
  /** A fetch refspec maps the branch to the tracking ref, so a push updates it (repository.ts fetchSpecMaps). */
  pushUpdatesTracking: boolean;
}

export interface Outgoing {
  file: string;
  text: string;
  author: string;
  base: string | null;
}

export interface Conflict {
  file: string;
  /** The text that was not posted. */
  mine: string;
  /** The branch's revision (null when it cannot be read as text). */
  theirs: string | null;
  theirsBlob: string;
}

export interface Delivery {
  /** Files now on the branch with the posted text (pushed, or there already). */
  landed: string[];
  /** Of landed, those that were there already (nothing pushed for them). */
  unchanged: string[];
  conflicts: Conflict[];
  /** Set when the push did not land (the posts in `landed` are then empty). */
  failure?: SharingFailure;
  /** The branch tip after the push. */
  commit?: string;
  attempts: number;
}

export type FetchOutcome =
  | { ok: true; exists: boolean; before: string | null; after: string | null; rewritten: boolean }
  | { ok: false; failure: SharingFailure; before: string | null };

export const trackingRef = (t: Pick<Transport, 'remote' | 'branch'>) => `refs/remotes/${t.remote}/${t.branch}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const NO_REMOTE_REF = /couldn't find remote ref/i;
const IDENTITY = /Please tell me who you are|empty ident|unable to auto-detect email|invalid ident|name consists only of disallowed/i;

function where(t: Transport) {
  return { remote: t.remote, branch: t.branch, remoteUrl: t.remoteUrl };
}

/** The last fetched tip (null when the branch was never fetched). */
export async function fetchedTip(t: Transport): Promise<string | null> {
  const out = await t.git.text(['for-each-ref', '--format=%(objectname)', trackingRef(t)], { cwd: t.cwd, readOnly: true });
  return out.trim() || null;
}

/** Fetches the branch into the tracking ref. */
export async function fetchBranch(t: Transport): Promise<FetchOutcome> {
  const before = await fetchedTip(t);
  const args = (force: boolean) => [
    'fetch',
    '--no-tags',
    '--no-write-fetch-head',
    '--no-auto-maintenance',
    '--no-recurse-submodules',
    t.remote,
    `${force ? '+' : ''}refs/heads/${t.branch}:${trackingRef(t)}`,
  ];
  let rewritten = false;
  try {
    await t.git.run(args(false), { cwd: t.cwd, network: true });
  } catch (error) {
    if (error instanceof GitError && NO_REMOTE_REF.test(error.stderr)) return { ok: true, exists: false, before, after: before, rewritten: false };
    const failure = classifyGitFailure(error, where(t));
    if (failure.kind !== 'non-fast-forward') return { ok: false, failure, before };
    // Someone rewrote the branch at the remote (a force push we would never make). Take it as it is
    // (as a plain `git fetch` would), say so, and re-apply what is waiting on top of it.
    try {
      await t.git.run(args(true), { cwd: t.cwd, network: true });
      rewritten = true;
    } catch (again) {
      return { ok: false, failure: classifyGitFailure(again, where(t)), before };
    }
  }
  return { ok: true, exists: true, before, after: await fetchedTip(t), rewritten };
}

/** All posts in one commit (moving the working tree's standups to the branch), instead of one each. */
export interface OneCommit {
  subject: string;
  author: string;
}

/** Builds the posts onto the branch and pushes them (one commit each, or `oneCommit`), retrying rejected pushes. */
export async function deliver(t: Transport, posts: readonly Outgoing[], oneCommit?: OneCommit): Promise<Delivery> {
  const cat = new CatFile(t.git, t.cwd);
  const mktree = new MkTree(t.git, t.cwd);
  mktree.warm(); // its start-up overlaps the reads below
  // Blob ids are computed here (mktree --missing takes them on trust); the blobs are written by
  // hash-object meanwhile, one after the other, and waited for before the first commit.
  const blobs = new Map(posts.map((p) => [p.text, blobId(p.text, t.oidLength)]));
  const written = writeBlobs(t, [...blobs]);
  written.catch(() => undefined); // (awaited below; this only keeps an early return from leaving it unhandled)
  let readmeWritten = false;
  let identity: Record<string, string> | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      const tipObject = await cat.get(trackingRef(t));
      const tip = tipObject?.type === 'commit' ? tipObject.oid : null;
      const tree = tipObject?.type === 'commit' ? (/^tree ([0-9a-f]+)/.exec(tipObject.data.toString('latin1'))?.[1] ?? null) : null;
      const editor = new TreeEditor(cat, mktree, tree, t.oidLength);
      const result: Delivery = { landed: [], unchanged: [], conflicts: [], attempts: attempt };
      let parent = tip;
      if (tip === null) {
        // The first post starts the branch: a root commit with the README next to the post.
        const readme = branchReadme(t.branch, t.folders);
        const id = blobId(readme, t.oidLength);
        if (!readmeWritten) await writeBlobs(t, [[readme, id]]);
        readmeWritten = true;
        await editor.set(BRANCH_README, id);
      }
      for (const post of posts) {
        const blob = blobs.get(post.text)!;
        const existing = await editor.entryAt(post.file);
        if (existing?.oid === blob) {
          result.landed.push(post.file);
          result.unchanged.push(post.file);
          continue;
        }
        if (existing && existing.oid !== post.base) {
          const theirs = await cat.get(existing.oid);
          const decoded = theirs?.type === 'blob' ? decodeText(theirs.data, post.file) : null;
          result.conflicts.push({ file: post.file, mine: post.text, theirs: decoded?.ok ? decoded.text : null, theirsBlob: existing.oid });
          continue;
        }
        await editor.set(post.file, blob);
        if (oneCommit) {
          result.landed.push(post.file);
          continue;
        }
        const commitTree = await editor.write();
        await written;
        const subject = commitMessage(classifyBranchPath(post.file, t.folders), post.author, post.file);
        const message = parent === null ? `${subject}\n\nStarts the ${t.branch} branch: standups and weekly updates, no project code.\n` : `${subject}\n`;
        const made = await makeCommit(t, commitTree, parent, message, post.author, identity);
        identity = made.identity;
        parent = made.commit;
        result.landed.push(post.file);
      }
      if (oneCommit && result.landed.length > result.unchanged.length) {
        const commitTree = await editor.write();
        await written;
        const message =
          parent === null ? `${oneCommit.subject}\n\nStarts the ${t.branch} branch: standups and weekly updates, no project code.\n` : `${oneCommit.subject}\n`;
        const made = await makeCommit(t, commitTree, parent, message, oneCommit.author, identity);
        identity = made.identity;
        parent = made.commit;
      }
      if (parent === null || parent === tip) return result; // nothing new to push
      try {
        await t.git.run(['push', '--no-verify', '--no-follow-tags', '--recurse-submodules=no', '--no-signed', t.remote, `${parent}:refs/heads/${t.branch}`], {
          cwd: t.cwd,
          network: true,
        });
      } catch (error) {
        const failure = classifyGitFailure(error, where(t));
        const failed = (f: SharingFailure): Delivery => ({ landed: [], unchanged: [], conflicts: result.conflicts, failure: f, attempts: attempt });
        const keep = 'The post is kept and goes out with the next sync.';
        if (failure.kind !== 'non-fast-forward') return failed(failure);
        if (attempt >= t.maxAttempts) {
          const message = `The push was rejected ${attempt} times in a row: many people are posting at once. ${keep}`;
          return failed({ ...failure, kind: 'other', reason: 'too many posts at once', message });
        }
        // Someone posted first: wait a little (more each time, at random, so that those who lost the
        // race do not all come back at once), take their posts, build ours again on top.
        await sleep(t.random() * Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
        const fetched = await fetchBranch(t);
        if (!fetched.ok) return failed(fetched.failure);
        if (fetched.after === tip) {
          // Rejected, yet nobody moved the branch: the server cannot update it (no race to win by trying again).
          const message = `The server did not take the push to ${t.branch}${failure.detail ? ` (${failure.detail})` : ''}. ${keep}`;
          return failed({ ...failure, kind: 'other', reason: 'the server did not take the push', message });
        }
        continue;
      }
      // git's push moves the tracking ref itself when a fetch refspec maps the branch to it; else we do.
      if (!t.pushUpdatesTracking) await t.git.run(['update-ref', '-m', 'async-desk: posted', trackingRef(t), parent], { cwd: t.cwd });
      return { ...result, commit: parent };
    }
  } finally {
    await Promise.all([cat.close(), mktree.close(), written.catch(() => undefined)]);
  }
}

/** The id git gives a blob of this text: sha1 (or sha256) of "blob <size>\0<bytes>". */
export function blobId(text: string, oidLength: number): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash(oidLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

/** Writes the blobs (hash-object -w), checking that git gives each the id computed for it. */
async function writeBlobs(t: Transport, blobs: [string, string][]): Promise<void> {
  for (const [text, id] of blobs) {
    const written = (await t.git.text(['hash-object', '-w', '--stdin'], { cwd: t.cwd, input: Buffer.from(text, 'utf8') })).trim();
    if (written !== id) throw new Error(`git stored a post as ${written}, not ${id} (a clean/smudge filter or attribute?)`);
  }
}

/** commit-tree with the user's identity; without one (a fresh machine, CI), the author's login as a
 *  GitHub no-reply identity, rather than failing the post. */
async function makeCommit(
  t: Transport,
  tree: string,
  parent: string | null,
  message: string,
  author: string,
  identity: Record<string, string> | undefined,
): Promise<{ commit: string; identity: Record<string, string> | undefined }> {
  const args = ['commit-tree', '--no-gpg-sign', tree, ...(parent ? ['-p', parent] : []), '-F', '-'];
  const run = (env: Record<string, string> | undefined) => t.git.text(args, { cwd: t.cwd, input: message, ...(env ? { env } : {}) });
  try {
    return { commit: (await run(identity)).trim(), identity };
  } catch (error) {
    if (identity || !(error instanceof GitError) || !IDENTITY.test(error.stderr)) throw error;
    const email = `${author}@users.noreply.github.com`;
    const fallback = { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: email };
    return { commit: (await run(fallback)).trim(), identity: fallback };
  }
}

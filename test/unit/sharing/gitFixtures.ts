// Real git repositories for the sharing tests (no git mock anywhere): a bare repository on disk as
// `origin` (with a reflog, which bare repositories do not keep by default, so a force push would
// show), clones as teammates, a snapshot of everything sharing must never touch in a clone, and
// commits written onto the sharing branch by hand (a hostile branch).
// Git runs with a config of its own (no system config, a global file in the fixture), so the
// developer's credential helpers and hooks never take part.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface GitWorld {
  dir: string;
  /** The environment every git (and CLI) process of the test gets. */
  env: NodeJS.ProcessEnv;
  bare: string;
  git(cwd: string, ...args: string[]): string;
  /** A new clone of origin (main checked out). */
  clone(name: string): string;
  cleanup(): void;
}

/** A team file: each login in UTC, or 'login:Zone/Name'. */
export const TEAM = (logins: string[]) =>
  [
    'team: Test',
    'members:',
    ...logins.flatMap((l) => {
      const [login, zone] = l.split(':');
      return [`  - github: ${login}`, `    timezone: ${zone ?? 'UTC'}`];
    }),
  ].join('\n') + '\n';

/** A world with origin holding one commit on main (a README and the team file). */
export function makeWorld(logins: string[] = ['alice', 'bob'], options: { identity?: boolean } = {}): GitWorld {
  const dir = mkdtempSync(path.join(tmpdir(), 'async-desk-sharing-'));
  const home = path.join(dir, 'home');
  mkdirSync(home);
  const globalConfig = path.join(home, '.gitconfig');
  writeFileSync(
    globalConfig,
    options.identity === false
      ? '[init]\n\tdefaultBranch = main\n'
      : '[user]\n\tname = Test User\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n',
  );
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: globalConfig, GIT_TERMINAL_PROMPT: '0' };
  for (const name of [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_CONFIG_COUNT',
    'GIT_AUTHOR_NAME',
    'GIT_AUTHOR_EMAIL',
    'GIT_COMMITTER_NAME',
    'GIT_COMMITTER_EMAIL',
  ])
    delete env[name];
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const bare = path.join(dir, 'origin.git');
  git(dir, 'init', '-q', '--bare', bare);
  git(bare, 'config', 'core.logAllRefUpdates', 'always');
  const seed = path.join(dir, 'seed');
  git(dir, 'clone', '-q', bare, seed);
  mkdirSync(path.join(seed, '.github'));
  writeFileSync(path.join(seed, '.github', 'team.yml'), TEAM(logins));
  writeFileSync(path.join(seed, 'README.md'), '# Project\n');
  writeFileSync(path.join(seed, 'app.js'), 'console.log("project code");\n');
  git(seed, 'add', '.');
  // The seed commit needs an identity even in a world that has none.
  execFileSync('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', 'commit', '-q', '-m', 'Project'], { cwd: seed, env });
  git(seed, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
  return {
    dir,
    env,
    bare,
    git,
    clone(name) {
      const target = path.join(dir, name);
      git(dir, 'clone', '-q', bare, target);
      return target;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Everything sharing must leave byte for byte as it was in a clone. */
export interface UserState {
  status: string;
  stash: string;
  head: string;
  branch: string;
  index: string;
  fetchHead: string | null;
}

export function userState(world: GitWorld, clone: string): UserState {
  // GIT_OPTIONAL_LOCKS=0: our own `git status` must not refresh (rewrite) the index we compare.
  const read = (...args: string[]) => execFileSync('git', args, { cwd: clone, env: { ...world.env, GIT_OPTIONAL_LOCKS: '0' }, encoding: 'utf8' });
  const gitDir = path.join(clone, '.git');
  return {
    status: read('status', '--porcelain=v1', '--untracked-files=all'),
    stash: read('stash', 'list'),
    head: read('rev-parse', 'HEAD'),
    branch: read('symbolic-ref', 'HEAD'),
    index: readFileSync(path.join(gitDir, 'index')).toString('base64'),
    fetchHead: existsSync(path.join(gitDir, 'FETCH_HEAD')) ? readFileSync(path.join(gitDir, 'FETCH_HEAD'), 'utf8') : null,
  };
}

/** A clone with work in progress: a staged change, an unstaged change, an untracked file and a stash entry. */
export function makeBusy(world: GitWorld, clone: string): void {
  writeFileSync(path.join(clone, 'app.js'), 'console.log("stashed");\n');
  world.git(clone, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'stash', '-q');
  writeFileSync(path.join(clone, 'app.js'), 'console.log("staged");\n');
  world.git(clone, 'add', 'app.js');
  writeFileSync(path.join(clone, 'app.js'), 'console.log("unstaged");\n');
  writeFileSync(path.join(clone, 'notes.txt'), 'untracked\n');
}

/** Every reflog entry of a ref in the bare repository: [old, new]. */
export function reflog(world: GitWorld, ref: string): [string, string][] {
  const file = path.join(world.bare, 'logs', ...ref.split('/'));
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').slice(0, 2) as [string, string]);
}

/** Whether every update of the ref only moved it forward (no force push, no rewrite). */
export function onlyFastForwards(world: GitWorld, ref: string): boolean {
  const zero = /^0+$/;
  return reflog(world, ref).every(([from, to]) => {
    if (zero.test(from)) return true;
    try {
      execFileSync('git', ['merge-base', '--is-ancestor', from, to], { cwd: world.bare, env: world.env });
      return true;
    } catch {
      return false;
    }
  });
}

/** A commit on origin's refs/heads/async-desk written by hand (git fast-import into the bare repository), as a
 *  hostile or careless teammate could push it: these files (mode, path, bytes or a gitlink id); `from`: on top of
 *  the branch (else the root commit of a branch that does not exist yet); `deletes`: paths removed. */
export function importCommit(world: GitWorld, files: [string, string, Buffer | string][], options: { from?: boolean; deletes?: string[] } = {}): void {
  const parts: Buffer[] = [Buffer.from(`commit refs/heads/async-desk\ncommitter Someone <someone@example.com> 1700000000 +0000\ndata 4\nhand\n`)];
  if (options.from) parts.push(Buffer.from('from refs/heads/async-desk^0\n'));
  for (const [mode, file, content] of files) {
    if (mode === '160000') parts.push(Buffer.from(`M 160000 ${content as string} ${file}\n`));
    else {
      const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
      parts.push(Buffer.from(`M ${mode} inline ${file}\ndata ${bytes.length}\n`), bytes, Buffer.from('\n'));
    }
  }
  for (const file of options.deletes ?? []) parts.push(Buffer.from(`D ${file}\n`));
  parts.push(Buffer.from('\n'));
  execFileSync('git', ['fast-import', '--quiet'], { cwd: world.bare, env: world.env, input: Buffer.concat(parts) });
}

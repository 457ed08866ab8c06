// The workspace of the sharing suite (test/integration-sharing, issue 13): the fixture workspace as a
// git clone of a bare repository served over smart HTTP by test/gitHttp/server.ts, which demands a
// token (as a git host does). The bare repository keeps a reflog (core.logAllRefUpdates), so a test
// can prove that nothing was ever force-pushed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const gitEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Makes `workspace` a clone whose origin is `remoteUrl` (the bare repository `remotesDir/team.git`,
 * served over HTTP). Returns the bare repository's path.
 */
export function makeSharedWorkspace(workspace, remotesDir, remoteUrl) {
  const bare = join(remotesDir, 'team.git');
  mkdirSync(bare, { recursive: true });
  git(bare, 'init', '-q', '--bare', '-b', 'main');
  git(bare, 'config', 'core.logAllRefUpdates', 'true');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  // The API URL's host is the remote's (127.0.0.1): the GitHub sign-in's token may be used for it.
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    `${JSON.stringify({ 'asyncDesk.github.apiUrl': 'http://127.0.0.1:9/api/v3', 'asyncDesk.sharing.fetchMinutes': 60 }, null, 2)}\n`,
  );
  git(workspace, 'init', '-q', '-b', 'main');
  for (const [key, value] of [
    ['user.name', 'Alice Ng'],
    ['user.email', 'alice@example.com'],
    ['commit.gpgsign', 'false'],
  ])
    git(workspace, 'config', key, value);
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'The project');
  git(workspace, 'push', '-q', bare, 'main');
  git(workspace, 'remote', 'add', 'origin', remoteUrl);
  git(workspace, 'config', 'branch.main.remote', 'origin');
  git(workspace, 'config', 'branch.main.merge', 'refs/heads/main');
  return bare;
}

// The git binary sharing runs (issue 13): the one VS Code's Git extension found (setting git.path,
// or its own search), so posts use the git the user already set up, with its credential helpers and
// SSH agent. Without the Git extension (disabled, or not installed in a server build), git from PATH.
import { log } from '../shared/log';
import { gitExtension } from '../shared/gitExtension';

/** How long to wait for the Git extension to start before using git from PATH. */
const ACTIVATE_TIMEOUT_MS = 5_000;

export async function gitBinary(): Promise<string | undefined> {
  const extension = gitExtension();
  if (!extension) return undefined;
  try {
    const exports = extension.isActive
      ? extension.exports
      : await Promise.race([extension.activate(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ACTIVATE_TIMEOUT_MS))]);
    if (!exports?.enabled) return undefined;
    const path = exports.getAPI(1).git.path;
    log().info(`Sharing uses the git of VS Code's Git extension: ${path}.`);
    return path;
  } catch (error) {
    log().warn(`VS Code's Git extension did not say which git it uses (${(error as Error).message}); using git from PATH.`);
    return undefined;
  }
}

// The GitHub repository of a workspace folder (SPEC §3): from VS Code's built-in git extension when
// it is running and knows the folder's repository, else from the repository's config file read
// directly (git extension disabled, not started yet, or the folder is not opened as a repository).
// Remotes on github.com count, and those on the GitHub Enterprise host of asyncDesk.github.apiUrl.
import * as vscode from 'vscode';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { pickRepository, remotesFromGitConfig, webHostForApiUrl, type GitHubRepository, type GitRemote } from '../../core/github/remote';
import { readTextIfExists } from '../../core/shared/fs';
import { log } from '../shared/log';
import { gitExtension } from '../shared/gitExtension';
import { apiUrl } from './githubAccess';

export type { GitHubRepository };

/**
 * The GitHub repository of `folder` (default: the active editor's folder, else each workspace folder
 * in turn); undefined when none of them has a GitHub remote. Prefers `origin`, else the first remote
 * on GitHub.
 */
export async function workspaceRepository(folder?: vscode.WorkspaceFolder): Promise<GitHubRepository | undefined> {
  const webHost = webHostForApiUrl(apiUrl());
  for (const candidate of folder ? [folder] : candidateFolders()) {
    const found = fromGitExtension(candidate, webHost) ?? (await fromGitConfig(candidate, webHost));
    if (found) {
      log().info(`GitHub repository of ${candidate.name}: ${found.host}/${found.owner}/${found.repo} (remote "${found.remote}", ${found.via}).`);
      return { owner: found.owner, repo: found.repo, host: found.host };
    }
  }
  return undefined;
}

/** What to say when a folder has no GitHub remote: how to add one. */
export function noGitHubRemoteMessage(folder?: vscode.WorkspaceFolder): string {
  if (!folder && !vscode.workspace.workspaceFolders?.length) return 'Open a folder first: the GitHub repository comes from its git remote.';
  const host = webHostForApiUrl(apiUrl());
  return (
    `This folder${folder ? ` (${folder.name})` : ''} has no GitHub remote (git remote -v). ` +
    `Add one, e.g. "git remote add origin https://${host}/OWNER/REPO.git"` +
    (host === 'github.com' ? '; for GitHub Enterprise Server set asyncDesk.github.apiUrl to https://HOST/api/v3.' : '.')
  );
}

function candidateFolders(): readonly vscode.WorkspaceFolder[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  return active ? [active, ...folders.filter((f) => f !== active)] : folders;
}

type Found = GitHubRepository & { remote: string; via: string };

/** Only when the git extension is already running: activating it here would start git for nothing. */
function fromGitExtension(folder: vscode.WorkspaceFolder, webHost: string): Found | undefined {
  const extension = gitExtension();
  if (!extension?.isActive) return undefined;
  try {
    const git = extension.exports;
    if (!git?.enabled) return undefined;
    const api = git.getAPI(1);
    if (api.state !== 'initialized') return undefined;
    const remotes = api.getRepository(folder.uri)?.state.remotes ?? [];
    const picked = pickRepository(
      remotes.flatMap((r): GitRemote[] => ((r.fetchUrl ?? r.pushUrl) ? [{ name: r.name, url: (r.fetchUrl ?? r.pushUrl)! }] : [])),
      webHost,
    );
    return picked ? { ...picked, via: 'git extension' } : undefined;
  } catch (error) {
    log().warn(`The git extension could not tell the remotes of ${folder.name}: ${(error as Error).message}`);
    return undefined;
  }
}

/** Reads the config of the repository containing the folder: .git in it or a parent folder, also
 *  when .git is a file (worktrees and submodules: "gitdir: <path>", shared config in "commondir"). */
async function fromGitConfig(folder: vscode.WorkspaceFolder, webHost: string): Promise<Found | undefined> {
  if (folder.uri.scheme !== 'file') return undefined;
  const gitDir = await findGitDir(folder.uri.fsPath);
  if (!gitDir) return undefined;
  const commonDir = (await readTextIfExists(path.join(gitDir, 'commondir')))?.trim();
  const configFile = path.join(commonDir ? path.resolve(gitDir, commonDir) : gitDir, 'config');
  const text = await readTextIfExists(configFile);
  if (text === null) return undefined;
  const picked = pickRepository(remotesFromGitConfig(text), webHost);
  return picked ? { ...picked, via: configFile } : undefined;
}

async function findGitDir(start: string): Promise<string | undefined> {
  for (let dir = path.resolve(start); ;) {
    const dotGit = path.join(dir, '.git');
    const stat = await fsp.stat(dotGit).catch(() => undefined);
    if (stat?.isDirectory()) return dotGit;
    if (stat?.isFile()) {
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((await readTextIfExists(dotGit)) ?? '');
      return pointer ? path.resolve(dir, pointer[1]!) : undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

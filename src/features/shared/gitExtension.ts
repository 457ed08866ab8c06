// The parts of VS Code's built-in Git extension API (extensions/git/src/api/git.d.ts, version 1) that
// Async Desk uses: the remotes of a folder's repository (features/github/repository.ts) and the git
// binary it runs (features/sharing/gitBinary.ts).
import * as vscode from 'vscode';

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly git: { readonly path: string };
  getRepository(uri: vscode.Uri): { readonly state: { readonly remotes: readonly { name: string; fetchUrl?: string; pushUrl?: string }[] } } | null;
}

/** The Git extension, when installed (it may be disabled or not started yet). */
export function gitExtension(): vscode.Extension<GitExtension | undefined> | undefined {
  return vscode.extensions.getExtension<GitExtension | undefined>('vscode.git');
}

// The core's safe reader (src/core/shared/repoFiles.ts) for a workspace folder, with the size limits of its
// settings: every file of the repository the extension reads goes through it (records, standups, the
// team file, templates), so a hostile repository is read only inside its folder, regular files only.
import type * as vscode from 'vscode';
import { RepoFiles } from '../../core/shared/repoFiles';
import type { Problem } from '../../core/shared/problem';
import { getSettings } from './settings';

export function repoFilesOf(folder: vscode.WorkspaceFolder): RepoFiles {
  return new RepoFiles(folder.uri.fsPath, getSettings(folder).limits);
}

/** Problems that mean "this file was not read" (as opposed to problems in what it says). */
const READ_PROBLEMS = new Set([
  'outside-workspace',
  'folder-outside-workspace',
  'not-a-file',
  'not-a-folder',
  'too-large',
  'unreadable',
  'symlink-loop',
  'broken-link',
  'utf-16-without-bom',
]);

export function isReadProblem(problem: Problem): boolean {
  return READ_PROBLEMS.has(problem.code);
}

// Editor URIs of files on the sharing branch ("Open as file"): `async-desk-shared:/<path in the
// branch>?<workspace folder URI>`. The path keeps the tab title the file's name (alice.md) and the
// query says which folder's repository it belongs to (each folder can be its own clone).
import * as vscode from 'vscode';

export const SHARED_SCHEME = 'async-desk-shared';

export function sharedUri(folder: vscode.WorkspaceFolder, file: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SHARED_SCHEME, path: `/${file}`, query: folder.uri.toString() });
}

/** The folder and branch path of a shared URI; undefined for another URI or a folder no longer open. */
export function parseSharedUri(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; file: string } | undefined {
  if (uri.scheme !== SHARED_SCHEME) return undefined;
  const folder = (vscode.workspace.workspaceFolders ?? []).find((f) => f.uri.toString() === uri.query);
  const file = uri.path.replace(/^\/+/, '');
  return folder && file ? { folder, file } : undefined;
}

// Who writes the standup: the GitHub account VS Code is signed in with, else the `asyncDesk.me`
// setting, else asked once (and kept in that setting, where the user can see and change it).
import * as vscode from 'vscode';
import { getSettings, updateUserSetting } from '../shared/settings';
import { isLogin } from '../../core/shared/login';
import { apiUrl } from '../github/githubAccess';
import { Cancelled } from '../shared/errors';

export type LoginSource = 'github' | 'setting' | 'asked';

/** A login from an existing GitHub session (never prompts), else the setting; undefined when neither. */
export async function knownLogin(): Promise<{ login: string; source: LoginSource } | undefined> {
  if (vscode.workspace.isTrusted) {
    const provider = /^https:\/\/api\.github\.com\/?$/i.test(apiUrl()) ? 'github' : 'github-enterprise';
    try {
      const session = await vscode.authentication.getSession(provider, [], { silent: true });
      if (session && isLogin(session.account.label)) return { login: session.account.label, source: 'github' };
    } catch {
      // No such provider here (server builds, GHES without github-enterprise.uri): use the setting.
    }
  }
  const me = getSettings().me;
  return me ? { login: me, source: 'setting' } : undefined;
}

/** Asks for the login and stores it in the user's `asyncDesk.me` setting. */
export async function askLogin(suggestions: string[] = []): Promise<string> {
  const value = await vscode.window.showInputBox({
    title: 'Your GitHub login',
    prompt: 'Standups are saved as docs/standups/YYYY-MM-DD/<login>.md. Kept in the asyncDesk.me setting.',
    placeHolder: suggestions.length ? `e.g. ${suggestions.slice(0, 3).join(', ')}` : 'octocat',
    ignoreFocusOut: true,
    validateInput: (v) => (isLogin(v.trim().replace(/^@/, '')) ? undefined : 'A GitHub login: letters, digits and single hyphens, up to 39 characters.'),
  });
  if (!value) throw new Cancelled();
  const login = value.trim().replace(/^@/, '');
  await updateUserSetting('me', login);
  return login;
}

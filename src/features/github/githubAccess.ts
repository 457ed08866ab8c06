// GitHub access for every feature: a token from VS Code's `github` / `github-enterprise` auth
// provider (scopes asked only when a feature needs them), or, for hosts without a provider, a token
// the user stored with "Sign in with a Token" (SecretStorage; never in settings or files).
// In Restricted Mode no API is called.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type * as GitHubBundle from './githubBundle';
import { UserError } from '../shared/errors';
import { log } from '../shared/log';

const SECRET_KEY = 'asyncDesk.github.token';
type Client = ReturnType<typeof GitHubBundle.createGitHubClient>;

let bundle: typeof GitHubBundle | undefined;
/** The GitHub bundle, required on first use. */
export function githubBundle(): typeof GitHubBundle {
  // A computed path keeps esbuild from inlining dist/github.js into the features bundle.
  bundle ??= require(path.join(__dirname, 'github.js')) as typeof GitHubBundle;
  return bundle;
}

export function apiUrl(): string {
  return vscode.workspace.getConfiguration('asyncDesk').get<string>('github.apiUrl', 'https://api.github.com').replace(/\/+$/, '') || 'https://api.github.com';
}

function providerId(url: string): 'github' | 'github-enterprise' {
  return /^https:\/\/api\.github\.com$/i.test(url) ? 'github' : 'github-enterprise';
}

export class GitHubAccess implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.disposables = [
      this.changed,
      secrets.onDidChange((e) => e.key === SECRET_KEY && this.changed.fire()),
      vscode.authentication.onDidChangeSessions(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('asyncDesk.github.apiUrl') && this.changed.fire()),
    ];
  }

  /**
   * A client, or undefined when not signed in and `createIfNone` is false. With `createIfNone`,
   * asks the user to sign in (only then: features call it when the user turned them on).
   */
  async client(scopes: string[], options: { createIfNone: boolean }): Promise<Client | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserError('GitHub is not used in Restricted Mode. Trust this workspace to connect to GitHub.');
    const url = apiUrl();
    let token = await this.secrets.get(SECRET_KEY);
    if (!token) {
      try {
        const session = await vscode.authentication.getSession(providerId(url), scopes, options.createIfNone ? { createIfNone: true } : { silent: true });
        token = session?.accessToken;
      } catch (error) {
        // No provider for this host (e.g. GHES without github-enterprise.uri, or a server build).
        log().warn(`GitHub sign-in through VS Code failed: ${(error as Error).message}`);
        if (options.createIfNone) {
          throw new UserError(`Could not sign in to GitHub (${(error as Error).message}). Run "Async Desk: Sign in with a Token" to use a personal access token.`);
        }
      }
    }
    if (!token) return undefined;
    const { createGitHubClient, Octokit } = githubBundle();
    return createGitHubClient({ token, apiUrl: url, userAgent: 'async-desk-vscode', Octokit });
  }

  async signInWithToken(token?: string): Promise<void> {
    const value =
      token ??
      (await vscode.window.showInputBox({
        prompt: `GitHub personal access token for ${apiUrl()} (kept in VS Code's secret storage)`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim().length >= 20 ? undefined : 'That does not look like a GitHub token.'),
      }));
    if (!value) return;
    await this.secrets.store(SECRET_KEY, value.trim());
    void vscode.window.setStatusBarMessage('$(key) GitHub token saved in secret storage', 4000);
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

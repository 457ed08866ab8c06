// GitHub access for every feature: a token from VS Code's `github` / `github-enterprise` auth
// provider (scopes asked only when a feature needs them), or, for hosts without a provider, a token
// the user stored with "Sign in with a Token" (SecretStorage; never in settings or files).
// In Restricted Mode no API is called.
// A token goes only to the host it belongs to: asyncDesk.github.apiUrl can be set by a repository's
// .vscode/settings.json, so the stored token is kept with the API URL it was entered for, and the
// GitHub Enterprise session only goes to the host of github-enterprise.uri.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type * as GitHubBundle from './githubBundle';
import { webHostForApiUrl } from '../../core/github/remote';
import { UserError } from '../shared/errors';
import { log } from '../shared/log';
import { getSettings } from '../shared/settings';

const SECRET_KEY = 'asyncDesk.github.token';
type Client = ReturnType<typeof GitHubBundle.createGitHubClient>;

let bundle: typeof GitHubBundle | undefined;
/** The GitHub bundle, required on first use. */
export function githubBundle(): typeof GitHubBundle {
  // A computed path keeps esbuild from inlining dist/github.js into the features bundle; a synchronous
  // require, because import() would make every caller async (SPEC §5: GitHub code loads on first use).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  bundle ??= require(path.join(__dirname, 'github.js')) as typeof GitHubBundle;
  return bundle;
}

export function apiUrl(): string {
  return getSettings().githubApiUrl;
}

function providerId(url: string): 'github' | 'github-enterprise' {
  return /^https:\/\/api\.github\.com$/i.test(url) ? 'github' : 'github-enterprise';
}

/** The host VS Code's GitHub Enterprise sign-in is for (setting github-enterprise.uri), or undefined. */
function enterpriseHost(): string | undefined {
  const uri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri', '').trim();
  try {
    return uri ? new URL(uri).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** What "Sign in with a Token" stores: the token and the API URL it was entered for. */
interface StoredToken {
  apiUrl: string;
  token: string;
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
    const token = await this.token(scopes, options);
    if (!token) return undefined;
    const { createGitHubClient, Octokit } = githubBundle();
    return createGitHubClient({ token, apiUrl: apiUrl(), userAgent: 'async-desk-vscode', Octokit });
  }

  /**
   * The token for git to push to and fetch from `remoteUrl`, without asking: only for an https remote
   * on the GitHub host of asyncDesk.github.apiUrl (sharing, issue 13), never for another host.
   */
  async tokenForGitRemote(remoteUrl: string): Promise<string | undefined> {
    let remoteHost: string;
    try {
      remoteHost = new URL(remoteUrl).hostname.toLowerCase();
    } catch {
      return undefined; // scp-like SSH: the SSH agent's business
    }
    const webHost = webHostForApiUrl(apiUrl()).replace(/:\d+$/, '');
    if (remoteHost !== webHost) return undefined;
    return this.token(['repo'], { createIfNone: false });
  }

  /** The token for the configured API (stored, else VS Code's sign-in); asks to sign in only with `createIfNone`. */
  private async token(scopes: string[], options: { createIfNone: boolean }): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserError('GitHub is not used in Restricted Mode. Trust this workspace to connect to GitHub.');
    const url = apiUrl();
    let token = await this.storedToken(url);
    if (!token) {
      const provider = providerId(url);
      const host = webHostForApiUrl(url);
      if (provider === 'github-enterprise' && enterpriseHost() !== host) {
        // That session belongs to another host (or none is set up): never send it to this one.
        if (options.createIfNone) {
          throw new UserError(
            `asyncDesk.github.apiUrl is ${url}, but VS Code's GitHub Enterprise sign-in is ${enterpriseHost() ? `for ${enterpriseHost()}` : 'not set up'}. ` +
              `Set github-enterprise.uri to https://${host}, or run "Async Desk: Sign in with a Token".`,
          );
        }
        return undefined;
      }
      try {
        const session = await vscode.authentication.getSession(provider, scopes, options.createIfNone ? { createIfNone: true } : { silent: true });
        token = session?.accessToken;
      } catch (error) {
        // No provider for this host (e.g. a server build without GitHub sign-in).
        log().warn(`GitHub sign-in through VS Code failed: ${(error as Error).message}`);
        if (options.createIfNone) {
          throw new UserError(
            `Could not sign in to GitHub (${(error as Error).message}). Run "Async Desk: Sign in with a Token" to use a personal access token.`,
          );
        }
      }
    }
    return token;
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
    await this.secrets.store(SECRET_KEY, JSON.stringify({ apiUrl: apiUrl(), token: value.trim() } satisfies StoredToken));
    vscode.window.setStatusBarMessage('$(key) GitHub token saved in secret storage', 4000); // hides itself
  }

  /** The stored token when it was entered for `url`; a token for another host is not handed out. */
  private async storedToken(url: string): Promise<string | undefined> {
    const raw = await this.secrets.get(SECRET_KEY);
    if (!raw) return undefined;
    let stored: Partial<StoredToken> | undefined;
    try {
      stored = JSON.parse(raw) as Partial<StoredToken>;
    } catch {
      stored = undefined; // an unreadable entry: ask for the token again
    }
    if (stored?.token && stored.apiUrl === url) return stored.token;
    log().warn(
      `The token in secret storage was saved for ${stored?.apiUrl ?? 'an unknown host'}, not ${url}; it is not sent there. ` +
        `Run "Async Desk: Sign in with a Token" for ${url}.`,
    );
    return undefined;
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

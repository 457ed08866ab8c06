// Which GitHub repository a workspace belongs to, from its git remotes (SPEC §3: "Repo: from the
// workspace's git remote"). Pure: the extension passes the remotes it got from VS Code's git
// extension, or the text of .git/config when that extension is absent or not ready.
// A remote counts when it points at github.com or at the GitHub Enterprise host the API URL names;
// remotes on other hosts (GitLab, a mirror, an ssh alias) are skipped, never guessed at.

export interface GitHubRepository {
  owner: string;
  repo: string;
  /** Web host for links: 'github.com', or the GHES host ('ghe.example.com'). */
  host: string;
}

export interface GitRemote {
  name: string;
  url: string;
}

const GITHUB = 'github.com';
// github.com answers ssh on ssh.github.com:443 too (for networks that block port 22).
const GITHUB_ALIASES = new Set([GITHUB, 'www.github.com', 'ssh.github.com']);
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*)$/;
const REPO = /^[A-Za-z0-9._-]+$/;
const SCHEMES = new Set(['https', 'http', 'ssh', 'git', 'git+ssh', 'ssh+git']);

/**
 * The web host for an API base URL: https://api.github.com -> github.com; GHES https://HOST/api/v3 ->
 * HOST; GHE.com data residency https://api.SUB.ghe.com -> SUB.ghe.com; anything else (a proxy, the
 * tests' fake server) -> its own host.
 */
export function webHostForApiUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return GITHUB;
  }
  const host = url.host.toLowerCase();
  if (host === 'api.github.com') return GITHUB;
  if (/^api\.[^.]+\.ghe\.com$/.test(host)) return host.slice(4);
  return host;
}

/**
 * owner/repo of a remote URL on github.com or on `webHost` (a GHES host, 'HOST' or 'HOST:PORT'):
 * https://github.com/o/r(.git), git@github.com:o/r.git, ssh://git@github.com/o/r.git, git://…, with or
 * without a trailing slash or credentials. null for any other host or shape.
 */
export function parseRemoteUrl(url: string, webHost?: string): GitHubRepository | null {
  const text = url.trim();
  let hostname: string;
  let port = '';
  let path: string;
  let ssh: boolean;
  const withScheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?(\/[^?#]*)?/.exec(text);
  if (withScheme) {
    const scheme = withScheme[1]!.toLowerCase();
    if (!SCHEMES.has(scheme)) return null;
    hostname = withScheme[2]!;
    port = withScheme[3] ?? '';
    path = withScheme[4] ?? '';
    ssh = !scheme.startsWith('http');
  } else {
    // scp-like: [user@]host:owner/repo.git (a one-letter "host" is a Windows drive, not a host)
    const scp = /^(?:[^@/]+@)?([^@/:]{2,}):(?!\/\/)(.+)$/.exec(text);
    if (!scp) return null;
    hostname = scp[1]!;
    path = scp[2]!;
    ssh = true;
  }
  hostname = hostname.toLowerCase();
  let host: string | undefined;
  if (GITHUB_ALIASES.has(hostname)) host = GITHUB;
  else if (webHost) {
    const wanted = webHost.toLowerCase();
    // Over https the port is part of the web address; over ssh it is the ssh port.
    const matches = ssh ? hostname === wanted.replace(/:\d+$/, '') : (port ? `${hostname}:${port}` : hostname) === wanted;
    if (matches) host = wanted;
  }
  if (!host) return null;
  const parts = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .split('/');
  if (parts.length !== 2) return null;
  const [owner, repo] = parts as [string, string];
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') return null;
  return { owner, repo, host };
}

/**
 * Remotes of a .git/config in file order, each with its first `url` (else `pushurl`). Follows git's
 * config syntax: case-insensitive section and key names, quoted values with escapes, `#` / `;`
 * comments, line continuations, and the old `[remote.origin]` form. Never throws.
 */
export function remotesFromGitConfig(text: string): GitRemote[] {
  const remotes = new Map<string, { url?: string; pushurl?: string }>();
  let current: { url?: string; pushurl?: string } | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const section = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]/.exec(line);
    if (section) {
      const name = section[1]!.toLowerCase();
      let remote: string | undefined;
      if (name === 'remote' && section[2] !== undefined) remote = section[2].replace(/\\(.)/g, '$1');
      else if (name.startsWith('remote.') && section[2] === undefined) remote = section[1]!.slice('remote.'.length);
      if (remote) {
        current = remotes.get(remote) ?? {};
        remotes.set(remote, current);
      } else current = undefined;
      line = line.slice(section[0].length); // `[remote "o"] url = …` on one line is legal
    }
    const entry = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(line);
    if (!entry || !current) continue;
    let raw = entry[2] ?? '';
    // A value continues on the next line after a backslash outside quotes.
    while (endsWithContinuation(raw) && i + 1 < lines.length) raw = raw.slice(0, -1) + lines[++i];
    const key = entry[1]!.toLowerCase();
    if ((key === 'url' || key === 'pushurl') && current[key] === undefined) {
      const value = configValue(raw);
      if (value) current[key] = value;
    }
  }
  const out: GitRemote[] = [];
  for (const [name, r] of remotes) {
    const url = r.url ?? r.pushurl;
    if (url) out.push({ name, url });
  }
  return out;
}

function endsWithContinuation(raw: string): boolean {
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      if (i === raw.length - 1) return true;
      i++;
    } else if (c === '"') quoted = !quoted;
    else if ((c === '#' || c === ';') && !quoted) return false;
  }
  return false;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', b: '\b' };

/** A config value as git reads it: quotes removed, escapes resolved, comments and outer blanks dropped. */
function configValue(raw: string): string {
  let out = '';
  let quoted = false;
  let pendingSpace = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') {
      quoted = !quoted;
      out += pendingSpace;
      pendingSpace = '';
    } else if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i]!;
      out += pendingSpace + (ESCAPES[n] ?? n);
      pendingSpace = '';
    } else if (!quoted && (c === '#' || c === ';')) break;
    else if (!quoted && (c === ' ' || c === '\t')) {
      if (out) pendingSpace += c;
    } else {
      out += pendingSpace + c;
      pendingSpace = '';
    }
  }
  return out;
}

/** The repository of `origin` when it is on GitHub, else of the first remote that is. */
export function pickRepository(remotes: readonly GitRemote[], webHost?: string): (GitHubRepository & { remote: string }) | null {
  const ordered = [...remotes.filter((r) => r.name === 'origin'), ...remotes.filter((r) => r.name !== 'origin')];
  for (const remote of ordered) {
    const repository = parseRemoteUrl(remote.url, webHost);
    if (repository) return { ...repository, remote: remote.name };
  }
  return null;
}

// A typed wrapper over the git command line, the only way the sharing code runs git (SPEC §2.4). Like
// VS Code's Git extension and GitLens: `spawn` with an argument array (never a shell), an explicit
// working directory, a timeout, stdin for `--stdin` and `--batch` commands, and an environment that
// makes git's messages parsable (LC_ALL=C) and keeps it from prompting (GIT_TERMINAL_PROMPT=0).
// The git binary is a parameter: the extension passes the one VS Code's Git extension uses.
// Credentials are config entries (e.g. `http.<url>.extraHeader: Authorization: Basic …`) that reach
// git only through its environment (GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n): never
// on a command line (visible to every user in /proc/*/cmdline), never in a file, and every line this
// module logs or puts in an error goes through `redact` first.
import { spawn, type ChildProcess } from 'node:child_process';

export interface GitConfigEntry {
  key: string;
  value: string;
}

/** Where the runner says what it runs (already redacted). */
export type GitLog = (message: string) => void;

export interface GitRunnerOptions {
  /** The git binary (default 'git', from PATH). */
  gitPath?: string;
  /** The environment git starts from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Credentials as config entries: given to network commands only, through the environment. */
  secretConfig?: readonly GitConfigEntry[];
  /** More strings to keep out of logs and errors (a raw token, say), besides secretConfig's values. */
  secrets?: readonly string[];
  log?: GitLog;
  /** Local commands (default 30 s). */
  timeoutMs?: number;
  /** fetch and push (default 120 s). */
  networkTimeoutMs?: number;
}

export interface RunOptions {
  cwd: string;
  /** Written to git's stdin, which is then closed. */
  input?: string | Buffer;
  /** A read: GIT_OPTIONAL_LOCKS=0, so git never takes a lock the user's own git could trip on. */
  readOnly?: boolean;
  /** fetch, push, ls-remote: the credentials are added, and the network timeout applies. */
  network?: boolean;
  /** More variables, e.g. GIT_INDEX_FILE or an identity. */
  env?: Record<string, string>;
  /** Non-secret config, also through the environment. */
  config?: readonly GitConfigEntry[];
  /** Exit codes that are answers, not failures (rev-parse --verify -q exits 1 for "no such ref"). */
  okCodes?: readonly number[];
  timeoutMs?: number;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  /** Redacted, at most 64 KB. */
  stderr: string;
}

/** A git command that failed: its exit code (null when it did not run or was killed) and what it said. */
export class GitError extends Error {
  constructor(
    /** Redacted. */
    readonly command: string,
    readonly code: number | null,
    /** Redacted. */
    readonly stderr: string,
    readonly timedOut: boolean,
    /** The spawn error code (ENOENT: no git binary) when git did not start. */
    readonly spawnCode?: string,
  ) {
    super(
      spawnCode
        ? `${command}: could not start git (${spawnCode})`
        : timedOut
          ? `${command}: timed out`
          : `${command} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
    );
  }
}

/** Variables inherited from a git hook or a wrapper that would point our commands at another repository or index. */
const SCRUBBED = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_QUARANTINE_PATH',
];
const STDERR_LIMIT = 64 * 1024;

export class GitRunner {
  readonly gitPath: string;
  private secretConfig: readonly GitConfigEntry[];
  /** Every secret seen so far stays redacted, also after the credentials change. */
  private secretValues: string[];

  constructor(private readonly options: GitRunnerOptions = {}) {
    this.gitPath = options.gitPath ?? 'git';
    this.secretConfig = options.secretConfig ?? [];
    this.secretValues = secretStrings(this.secretConfig, options.secrets ?? []);
  }

  /** Whether credentials were given (a failure to authenticate then means they were refused). */
  get hasCredentials(): boolean {
    return this.secretConfig.length > 0;
  }

  /** Credentials for the network commands from now on (the extension signs in after a first "authentication failed"). */
  useCredentials(config: readonly GitConfigEntry[], secrets: readonly string[] = []): void {
    this.secretConfig = config;
    this.secretValues = [...new Set([...this.secretValues, ...secretStrings(config, secrets)])].sort((a, b) => b.length - a.length);
  }

  /** Keeps every secret (and credentials in URLs, and Authorization headers) out of a text. */
  redact(text: string): string {
    let out = text.replace(/([a-z][\w+.-]*:\/\/)[^/\s@]+@/gi, '$1***@').replace(/(Authorization:\s*\w+\s+)\S+/gi, '$1***');
    for (const secret of this.secretValues) out = out.split(secret).join('***');
    return out;
  }

  /** The environment of one git process. */
  environment(options: Pick<RunOptions, 'readOnly' | 'network' | 'env' | 'config'>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...(this.options.env ?? process.env) };
    for (const name of SCRUBBED) delete env[name];
    env.GIT_TERMINAL_PROMPT = '0';
    env.LC_ALL = 'C';
    env.GCM_INTERACTIVE = 'never';
    if (options.readOnly) env.GIT_OPTIONAL_LOCKS = '0';
    const config = [...(options.config ?? []), ...(options.network ? this.secretConfig : [])];
    if (config.length) {
      // Appended after any entries the environment already has (a wrapper's, the user's).
      const first = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10) || 0;
      config.forEach((entry, i) => {
        env[`GIT_CONFIG_KEY_${first + i}`] = entry.key;
        env[`GIT_CONFIG_VALUE_${first + i}`] = entry.value;
      });
      env.GIT_CONFIG_COUNT = String(first + config.length);
    }
    return { ...env, ...(options.env ?? {}) };
  }

  /** Starts a long-running git process (cat-file --batch, mktree --batch); the caller owns its pipes. */
  start(args: readonly string[], options: Omit<RunOptions, 'input' | 'okCodes' | 'timeoutMs'>): ChildProcess {
    this.options.log?.(this.redact(`git ${args.join(' ')} (in ${options.cwd})`));
    return spawn(this.gitPath, args, { cwd: options.cwd, env: this.environment(options), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  }

  /** Runs git to the end. Rejects with a GitError unless it exits 0 (or with one of okCodes). */
  run(args: readonly string[], options: RunOptions): Promise<GitResult> {
    const command = this.redact(`git ${args.join(' ')}`);
    const timeoutMs = options.timeoutMs ?? (options.network ? (this.options.networkTimeoutMs ?? 120_000) : (this.options.timeoutMs ?? 30_000));
    const started = Date.now();
    return new Promise((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = spawn(this.gitPath, args, { cwd: options.cwd, env: this.environment(options), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      } catch (error) {
        reject(new GitError(command, null, '', false, (error as NodeJS.ErrnoException).code ?? String(error)));
        return;
      }
      const out: Buffer[] = [];
      let err = '';
      let timedOut = false;
      let settled = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      }, timeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        if (err.length < STDERR_LIMIT) err += chunk;
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new GitError(command, null, '', false, error.code ?? String(error)));
      });
      child.on('close', (code) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const stderr = this.redact(err);
        const ms = Date.now() - started;
        if (code === 0 || (code !== null && options.okCodes?.includes(code))) {
          this.options.log?.(`${command} (in ${options.cwd}): ${code}, ${ms} ms`);
          resolve({ code, stdout: Buffer.concat(out), stderr });
        } else {
          this.options.log?.(`${command} (in ${options.cwd}) failed${timedOut ? ' (timed out)' : ''} after ${ms} ms: ${code}: ${stderr.trim()}`);
          reject(new GitError(command, code, stderr, timedOut));
        }
      });
      // EPIPE when git exits before reading all of stdin is reported by its exit code instead.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(options.input ?? '');
    });
  }

  /** stdout as text, without the final newline. */
  async text(args: readonly string[], options: RunOptions): Promise<string> {
    return (await this.run(args, options)).stdout.toString('utf8').replace(/\n$/, '');
  }
}

/** The strings to redact: each secret value, and its parts that look like tokens (a Basic header's
 *  base64 and the token inside it). */
function secretStrings(config: readonly GitConfigEntry[], extra: readonly string[]): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.length >= 6) out.add(s);
  };
  for (const s of extra) add(s);
  for (const { value } of config) {
    add(value);
    for (const part of value.split(/\s+/)) {
      // Token-like parts only ("Authorization:" is a header name, not a secret).
      if (part.length < 12 || !/^[A-Za-z0-9+/=_.~-]+$/.test(part)) continue;
      add(part);
      if (/^[A-Za-z0-9+/]+=*$/.test(part)) {
        const decoded = Buffer.from(part, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon >= 0) add(decoded.slice(colon + 1));
      }
    }
  }
  // Longest first, so that a token inside a header is not left half-redacted.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The credentials for a token on an HTTPS remote: an Authorization header git sends to that host only; none for SSH remotes. */
export function tokenConfig(remoteUrl: string, token: string, username = 'x-access-token'): GitConfigEntry[] {
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    return []; // scp-like SSH (git@github.com:o/r.git): the SSH agent's business, not a token's
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  const base = `${url.protocol}//${url.host}/`;
  const basic = Buffer.from(`${username}:${token}`, 'utf8').toString('base64');
  return [{ key: `http.${base}.extraHeader`, value: `Authorization: Basic ${basic}` }];
}

/** Ends a `--batch` git process by closing its input; resolves when it has answered what it was sent and exited. */
export function endBatch(child: ChildProcess | undefined): Promise<void> {
  if (!child) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('close', () => resolve());
    child.stdin!.end();
  });
}

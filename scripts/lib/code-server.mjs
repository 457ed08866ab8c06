// Starts and stops code-server (VS Code server 1.139 on Node 24) the way TESTING.md describes:
// loopback only, no auth, every state dir (config, user data, extensions, TMPDIR, XDG_*) inside one
// scratch dir so nothing leaks into $HOME or /tmp, in its own process group so that stopping it also
// stops its extension hosts, pty host and file watchers.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync, existsSync, createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, onExit, onCleanup, sleep } from './util.mjs';

/** Settings for a quiet, deterministic workbench: no welcome page, no AI/chat panels, no update checks. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.accessibilitySupport': 'off',
};

/** Settings for a workspace that opens untrusted (Restricted Mode) without asking. */
export const RESTRICTED_SETTINGS = {
  ...QUIET_SETTINGS,
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'security.workspace.trust.emptyWindow': false,
};

/** Resolves to `preferred` when it is free on 127.0.0.1, else to a free port picked by the OS. */
export async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.unref();
      server.once('error', () => resolve(null));
      server.listen({ host: '127.0.0.1', port }, () => {
        const { port: actual } = server.address();
        server.close(() => resolve(actual));
      });
    });
  if (preferred) {
    const port = await tryListen(preferred);
    if (port) return port;
  }
  return tryListen(0);
}

/**
 * Starts code-server and waits until it listens.
 * @param {object} o
 * @param {{ node24: string, entry: string }} o.host   from ensureTestHost()
 * @param {string} o.scratch        state dir D (config, user-data, extensions, tmp, xdg)
 * @param {string} [o.workspace]    folder to open
 * @param {number} [o.port]         preferred port (falls back to a free one)
 * @param {boolean} [o.smokeTest]   add `--vscode-option enable-smoke-test-driver` (needed for extensionTestsPath payloads)
 * @param {object} [o.settings]     user settings written when the scratch has none yet
 * @param {object} [o.env]          extra environment for the server (inherited by its extension hosts)
 * @param {boolean} [o.echo]        also print the server's output to stderr
 * @param {string[]} [o.args]       extra server arguments
 * @param {boolean} [o.restricted]  keep workspace trust on, so the folder opens in Restricted Mode (untrusted)
 * @returns {Promise<{ port: number, url: string, proc: import('node:child_process').ChildProcess, logFile: string,
 *   output: () => string, stop: () => Promise<void>, exited: Promise<number|null> }>}
 */
export async function startCodeServer(o) {
  const { host, scratch } = o;
  const dirs = {
    userData: join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
    tmp: join(scratch, 'tmp'),
    config: join(scratch, 'xdg-config'),
    data: join(scratch, 'xdg-data'),
    cache: join(scratch, 'xdg-cache'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const settingsFile = join(dirs.userData, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(o.settings ?? QUIET_SETTINGS, null, 2));

  const port = await freePort(o.port);
  // Our own config file: without one code-server writes a default (with a random password) to ~/.config.
  const configFile = join(scratch, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    host.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--config',
    configFile,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(o.smokeTest ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(o.args ?? []),
    ...(o.workspace ? [o.workspace] : []),
  ];

  const env = { ...process.env };
  // Inherited variables that would change what code-server does: inside a VS Code terminal
  // VSCODE_IPC_HOOK_CLI makes it hand the folder to that VS Code instead of serving; PORT and
  // NODE_OPTIONS are read by code-server / its Node 24.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('npm_') || ['PORT', 'NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE', 'PASSWORD', 'HASHED_PASSWORD'].includes(key))
      delete env[key];
  }
  Object.assign(env, {
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    ...(o.env ?? {}),
  });

  const logFile = join(scratch, 'server.log');
  const logStream = createWriteStream(logFile);
  let output = '';
  const proc = spawn(host.node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const killGroup = (signal) => {
    try {
      process.kill(-proc.pid, signal);
    } catch {
      /* already gone */
    }
  };
  // If this process dies without running its cleanups, still take the whole server group with it.
  const removeExitHook = onExit(() => killGroup('SIGKILL'));

  let exitCode;
  const exited = new Promise((resolve) =>
    proc.on('exit', (code, signal) => {
      exitCode = code ?? signal;
      resolve(code);
    }),
  );
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    logStream.write(text);
    if (o.echo) process.stderr.write(text.replace(/^/gm, '[code-server] '));
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);

  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      if (exitCode === undefined) {
        killGroup('SIGTERM');
        const timer = sleep(10_000).then(() => 'timeout');
        if ((await Promise.race([exited, timer])) === 'timeout') {
          log('code-server did not stop within 10 s after SIGTERM; sending SIGKILL');
          killGroup('SIGKILL');
          await exited;
        }
      }
      // Extension hosts and watchers may outlive the server's main process: end the rest of the group too.
      killGroup('SIGKILL');
      removeExitHook();
      removeCleanup();
      await new Promise((r) => logStream.end(r));
    })());
  const removeCleanup = onCleanup(stop);

  const ready = await Promise.race([
    new Promise((resolve) => {
      const check = () => {
        if (/HTTP server listening on/.test(output)) {
          proc.stdout.off('data', check);
          proc.stderr.off('data', check);
          resolve('ready');
        }
      };
      proc.stdout.on('data', check);
      proc.stderr.on('data', check);
      check();
    }),
    exited.then(() => 'exited'),
    sleep(60_000).then(() => 'timeout'),
  ]);
  if (ready !== 'ready') {
    await stop();
    throw new Error(`code-server ${ready === 'exited' ? `exited (${exitCode})` : 'did not start within 60 s'}; output:\n${output.slice(-4000)}`);
  }
  return { port, url: `http://127.0.0.1:${port}/`, proc, logFile, output: () => output, stop, exited, dirs };
}

/**
 * Installs a .vsix into an extensions dir with code-server's own CLI (offline, about 1 s).
 * Run before startCodeServer with the same scratch so the server sees the extension at start.
 */
export function installVsix({ host, scratch, vsix }) {
  const extensionsDir = join(scratch, 'extensions');
  const userDataDir = join(scratch, 'user-data');
  mkdirSync(extensionsDir, { recursive: true });
  const env = {
    ...process.env,
    TMPDIR: join(scratch, 'tmp'),
    XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
    XDG_DATA_HOME: join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
  };
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key === 'NODE_OPTIONS') delete env[key];
  for (const dir of [env.TMPDIR, env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME]) mkdirSync(dir, { recursive: true });
  // Without a config file code-server writes one with a generated password; startCodeServer rewrites it anyway.
  if (!existsSync(join(scratch, 'config.yaml'))) writeFileSync(join(scratch, 'config.yaml'), 'auth: none\ncert: false\n');
  const result = spawnSync(
    host.node24,
    [
      host.entry,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--config',
      join(scratch, 'config.yaml'),
      '--install-extension',
      vsix,
      '--force',
    ],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
  }
  return extensionsDir;
}

/** Reads the tail of a server log, for failure messages. */
export function tail(file, chars = 4000) {
  try {
    return readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '';
  }
}

// The mocha runner loaded by the VS Code extension host as `extensionTestsPath`: both by
// scripts/run-integration.mjs (code-server + Chromium, offline CI) and by test/integration/runTest.ts
// (@vscode/test-electron, desktops with internet). It runs every out/test/integration/**/*.test.js.
//
// Output: the host forwards console.* (not process.stdout) to the runner, and mocha's reporters
// print through console.log, so the spec output arrives there. In code-server that channel also
// carries the workbench's own chatter, so when ASYNC_DESK_OUTPUT_TAG is set the reporter's lines are
// prefixed with it, and the BEGIN/END markers frame the run: run-integration.mjs prints exactly the
// reporter's output on stdout. (The host's console methods are getter-only properties, so the
// reporter's Base.consoleLog is what we can wrap.)
// Environment (set on the server, inherited by the host): ASYNC_DESK_TEST_GREP = mocha --grep,
// ASYNC_DESK_TEST_TIMEOUT = per-test timeout in ms.
import Mocha from 'mocha';
import * as mochaModule from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

export const OUTPUT_BEGIN = '[async-desk] test output begins';
export const OUTPUT_END = '[async-desk] test output ends';

function testFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

/** mocha 12 is ESM with a CJS core: depending on how the host's require() meets it we get the class or a namespace. */
function mochaClass(): typeof Mocha {
  const candidates = [Mocha, (mochaModule as { default?: unknown }).default, (mochaModule as { Mocha?: unknown }).Mocha, mochaModule];
  const found = candidates.find((c) => typeof c === 'function');
  if (!found) throw new Error('Could not load mocha in the extension host');
  return found as typeof Mocha;
}

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs every *.test.js below `dir` (test/integration-hostile has its own index that calls this). */
export function runSuite(dir: string): Promise<void> {
  const MochaClass = mochaClass();
  const grep = process.env.ASYNC_DESK_TEST_GREP;
  const mocha = new MochaClass({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // the host's console is not a terminal; colour codes would only clutter CI logs
    timeout: Number(process.env.ASYNC_DESK_TEST_TIMEOUT) || 20_000,
    ...(grep ? { grep } : {}),
  });
  const files = testFiles(dir);
  if (files.length === 0) return Promise.reject(new Error(`No *.test.js files under ${dir}; was the build run with --tests?`));
  for (const file of files) mocha.addFile(file);

  const untag = tagReporterOutput(MochaClass, process.env.ASYNC_DESK_OUTPUT_TAG);
  console.log(OUTPUT_BEGIN);
  const finish = () => {
    console.log(OUTPUT_END);
    untag();
  };
  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        finish();
        if (failures > 0) reject(new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed.`));
        else resolve();
      });
    } catch (error) {
      finish();
      throw error; // rejects the promise
    }
  });
}

/** Prefixes every line of mocha's reporters with tag (when set); returns the undo. */
function tagReporterOutput(MochaClass: typeof Mocha, tag: string | undefined): () => void {
  const base = MochaClass.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  if (!tag || !base) return () => {};
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => original.call(console, tag + format(...args));
  return () => {
    base.consoleLog = original;
  };
}

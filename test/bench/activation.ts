// Extension-host side of `npm run bench` (loaded as extensionTestsPath by scripts/bench.mjs):
// times `await extension.activate()` from outside (module load + activate(), as VS Code counts it)
// for each id in ASYNC_DESK_BENCH_IDS and prints one JSON line for the bench. The bench starts one
// host per measurement with only that extension under development; the workspace is an empty
// folder, so no activation event has fired before we measure.
import * as vscode from 'vscode';

export const RESULT_PREFIX = '[async-desk-bench] ';

export async function run(): Promise<void> {
  const ids = (process.env.ASYNC_DESK_BENCH_IDS ?? '').split(',').filter(Boolean);
  if (ids.length === 0) throw new Error('ASYNC_DESK_BENCH_IDS is empty');
  // Let the host finish its own start-up work (built-in extensions activating) before measuring.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.ASYNC_DESK_BENCH_SETTLE_MS) || 2000));
  const result: Record<string, number> = {};
  for (const id of ids) {
    const extension = vscode.extensions.getExtension(id);
    if (!extension) throw new Error(`${id} is not loaded in this extension host`);
    if (extension.isActive) throw new Error(`${id} was already active before the measurement: an activation event fired at start-up`);
    const started = performance.now();
    await extension.activate();
    result[id] = performance.now() - started;
  }
  // Give the extensions' log channels time to reach their files (the bench reads "Activated in" there).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  console.log(RESULT_PREFIX + JSON.stringify({ ids, ms: result, uiKind: vscode.env.uiKind, version: vscode.version }));
}

// Loading a lazy bundle (ADR-0008): a feature's code that is `require`d from dist/ on first use
// instead of being part of the start-up bundles (SPEC §5: 400 KB). A lazy bundle has its own copies
// of the shared modules, so its entry (`*Bundle.ts`) exports `initLog`, `adoptClock` and `adoptQuestions`, and it is
// handed this bundle's log channel and clock as soon as it loads.
import * as path from 'node:path';
import { COMMAND_IDS, type HandlersOf } from '../commandIds';
import { log } from './log';
import { clockState } from './clock';
import { ui, type Confirm } from './ui';

/** What every lazy bundle's entry exports besides its feature. */
export interface LazyBundle {
  initLog(channel: ReturnType<typeof log>): void;
  adoptClock(state: unknown): void;
  adoptQuestions(confirm: Confirm): void;
}

/** Requires dist/`file` (e.g. 'decisionCommands.js') and shares the log channel and clock with it. */
export function loadBundle<T extends LazyBundle>(file: string): T {
  // A computed path keeps esbuild from inlining the bundle into the features bundle; a synchronous
  // require, so that callers stay as they were (import() would make them all async).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const bundle = require(path.join(__dirname, file)) as T;
  bundle.initLog(log());
  bundle.adoptClock(clockState());
  bundle.adoptQuestions(ui.confirm);
  return bundle;
}

/**
 * The handlers of the commands whose ids start with `prefix`, as proxies: the first call gets the
 * real handlers from `load` (which loads their bundle), and every call passes its arguments on.
 */
export function lazyHandlers<Prefix extends string>(prefix: Prefix, load: () => HandlersOf<Prefix>): HandlersOf<Prefix> {
  let handlers: Record<string, (...args: unknown[]) => unknown> | undefined;
  const proxy =
    (id: string) =>
    (...args: unknown[]): unknown =>
      (handlers ??= load() as unknown as Record<string, (...args: unknown[]) => unknown>)[id]!(...args);
  return Object.fromEntries(COMMAND_IDS.filter((id) => id.startsWith(prefix)).map((id) => [id, proxy(id)])) as unknown as HandlersOf<Prefix>;
}

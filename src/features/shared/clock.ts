// The extension's one clock. Every feature asks it for "now" (today's date, due dates, digests, the
// Team view), so that a test can fix one instant for all of them. It is real time except in the test
// host: only there (ExtensionMode.Test) is the internal command asyncDesk.test.setClock registered,
// so an installed extension can never run on a fake time. Lazy bundles (issues.js, teamClock.js…)
// get their own copy of this module and adopt the features bundle's state with `shareClock`.
import * as vscode from 'vscode';

interface ClockState {
  /** A fixed instant (ms), set by the test host; undefined = real time. */
  fixed: number | undefined;
  readonly changed: vscode.EventEmitter<void>;
}

let state: ClockState | undefined;

function shared(): ClockState {
  state ??= { fixed: undefined, changed: new vscode.EventEmitter<void>() };
  return state;
}

/** Now, as the extension sees it. */
export function now(): Date {
  const fixed = shared().fixed;
  return fixed === undefined ? new Date() : new Date(fixed);
}

/** Fires when the test host fixes or releases the clock (views redraw for the new "now"). */
export function onDidSetClock(listener: () => void): vscode.Disposable {
  return shared().changed.event(listener);
}

/** The state to hand to a lazily loaded bundle (its `adoptClock`). */
export function clockState(): unknown {
  return shared();
}

/** Adopts the features bundle's clock (called by a lazily loaded bundle right after it loads). */
export function adoptClock(from: unknown): void {
  state = from as ClockState;
}

/**
 * Registers asyncDesk.test.setClock (an ISO instant, or nothing for real time) in the test host only.
 * Not contributed in package.json, so it is never in the palette either.
 */
export function registerTestClock(context: vscode.ExtensionContext): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  const clock = shared();
  context.subscriptions.push(
    clock.changed,
    vscode.commands.registerCommand('asyncDesk.test.setClock', (iso?: unknown) => {
      if (iso !== undefined && (typeof iso !== 'string' || Number.isNaN(Date.parse(iso)))) throw new Error(`asyncDesk.test.setClock: not an ISO instant: ${String(iso)}`);
      clock.fixed = iso === undefined ? undefined : Date.parse(iso);
      clock.changed.fire();
    }),
  );
}

// The extension's one clock. Every feature asks it for "now" (today's date, due dates, digests, the
// Team view), so that a test can fix one instant for all of them. It is real time except in the test
// host, where the test hooks may fix it (fixClock). Lazy bundles (issues.js, teamClock.js…) get their
// own copy of this module and adopt the features bundle's state with `adoptClock`.
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
 * Fixes "now" at an ISO instant, or goes back to real time with undefined. Called only by the test
 * hooks (src/features/testHooks.ts), which exist only in the test host: an installed extension
 * always runs on real time.
 */
export function fixClock(iso: string | undefined): void {
  if (iso !== undefined && Number.isNaN(Date.parse(iso))) throw new Error(`fixClock: not an ISO instant: ${iso}`);
  const clock = shared();
  clock.fixed = iso === undefined ? undefined : Date.parse(iso);
  clock.changed.fire();
}

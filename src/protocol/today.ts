// The typed messages between the extension host and the Today webview. Both sides import this file;
// the webview bundle imports only types from it (no runtime code crosses over).

/** A decision record that needs someone's attention today. */
export interface AttentionItem {
  /** Opaque id the host resolves back to a record. */
  id: string;
  number: string;
  title: string;
  status: string;
  reason: 'awaiting-decision' | 'review-overdue';
  /** e.g. "proposed 2026-11-02 by @bob" or "review was due 2026-11-01". */
  detail: string;
}

export interface TodayState {
  trusted: boolean;
  loaded: boolean;
  totals: { records: number; accepted: number; open: number; overdue: number };
  attention: AttentionItem[];
}

export type HostToTodayMessage = { type: 'state'; state: TodayState };

export type TodayToHostMessage =
  | { type: 'ready' }
  | { type: 'openRecord'; id: string }
  | { type: 'acceptRecord'; id: string }
  | { type: 'newRecord' }
  | { type: 'showDecisions' };

// Issue drafts, kept in the extension's global storage so that a closed form or a window reload never
// loses what was typed; the outbox (src/core/issues/outbox.ts) is stored next to them (SPEC §3).
import * as vscode from 'vscode';
import type { FormValues } from '../../protocol/issueForm';
import type { OutboxEntry } from '../../core/issues/outbox';
import { now } from '../shared/clock';

const DRAFTS_KEY = 'asyncDesk.issueDrafts';
export const OUTBOX_KEY = 'asyncDesk.issueOutbox';

export interface IssueDraft {
  id: string;
  /** Workspace folder URI the form belongs to. */
  folder: string;
  /** 'owner/repo' or null. */
  repo: string | null;
  /** Template key and file ('' for a built-in). */
  templateKey: string;
  templateFile: string;
  values: FormValues;
  /** Where it was opened from (shown in the form), and the record to link the issue to. */
  source?: string;
  recordFile?: string;
  created: string;
  updated: string;
}

export class DraftStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  all(): IssueDraft[] {
    return Object.values(this.state.get<Record<string, IssueDraft>>(DRAFTS_KEY) ?? {});
  }

  get(id: string): IssueDraft | undefined {
    return this.state.get<Record<string, IssueDraft>>(DRAFTS_KEY)?.[id];
  }

  async put(draft: IssueDraft): Promise<void> {
    const all = { ...(this.state.get<Record<string, IssueDraft>>(DRAFTS_KEY) ?? {}) };
    all[draft.id] = { ...draft, updated: now().toISOString() };
    await this.state.update(DRAFTS_KEY, all);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    const all = { ...(this.state.get<Record<string, IssueDraft>>(DRAFTS_KEY) ?? {}) };
    if (!(id in all)) return;
    delete all[id];
    await this.state.update(DRAFTS_KEY, all);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** True when the outbox holds something to send (read without loading the issues bundle). */
export function hasOutbox(state: vscode.Memento): boolean {
  return (state.get<OutboxEntry[]>(OUTBOX_KEY) ?? []).some((e) => e.status !== 'sent');
}

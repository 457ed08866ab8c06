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
  /**
   * The drafts, read from storage once and written through on every change. Never read back from the
   * Memento: VS Code's global state can hand back an older value for a moment after an update (its
   * storage echoes earlier writes), and a read-modify-write on that would lose a draft just typed or
   * bring back one just sent (the outbox keeps its entries in memory the same way).
   */
  private readonly drafts: Map<string, IssueDraft>;

  constructor(private readonly state: vscode.Memento) {
    this.drafts = new Map(Object.entries(state.get<Record<string, IssueDraft>>(DRAFTS_KEY) ?? {}));
  }

  all(): IssueDraft[] {
    return [...this.drafts.values()];
  }

  get(id: string): IssueDraft | undefined {
    return this.drafts.get(id);
  }

  async put(draft: IssueDraft): Promise<void> {
    this.drafts.set(draft.id, { ...draft, updated: now().toISOString() });
    await this.save();
  }

  async remove(id: string): Promise<void> {
    if (!this.drafts.delete(id)) return;
    await this.save();
  }

  private async save(): Promise<void> {
    await this.state.update(DRAFTS_KEY, Object.fromEntries(this.drafts));
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

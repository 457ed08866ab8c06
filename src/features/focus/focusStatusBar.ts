// The focus status bar item: your local time, or the countdown of a running session. What it says is
// computed in src/core/focus/statusView.ts; this file only owns the VS Code item.
import * as vscode from 'vscode';
import type { StatusView } from '../../core/focus';

/** The item as shown, for the test snapshot. */
export interface StatusBarState {
  name: string;
  text: string;
  tooltip: string;
  command: string | undefined;
  accessibilityLabel: string | undefined;
}

export class FocusStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('asyncDesk.focus', vscode.StatusBarAlignment.Left, -100);
    this.item.name = 'Async Desk: Local Time and Focus Session';
  }

  update(view: StatusView): void {
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = { ...view.command };
    this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
  }

  show(): void {
    this.item.show();
  }

  state(): StatusBarState {
    const tooltip = this.item.tooltip;
    return {
      name: this.item.name ?? '',
      text: this.item.text,
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      command: typeof this.item.command === 'string' ? this.item.command : this.item.command?.command,
      accessibilityLabel: this.item.accessibilityInformation?.label,
    };
  }

  dispose(): void {
    this.item.dispose();
  }
}

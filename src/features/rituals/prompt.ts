// A text prompt (an InputBox) whose validation may look at the disk. `openPrompt()` describes the one
// that is open, so the test hooks can read and answer it: the palette path (no arguments) is tested
// end to end, through the real InputBox and its validation.
import * as vscode from 'vscode';
import { Cancelled } from '../shared/errors';

export interface PromptOptions {
  title: string;
  prompt: string;
  value?: string;
  placeholder?: string;
  /** An error text for the value, or undefined when it is acceptable. */
  validate: (value: string) => Promise<string | undefined> | string | undefined;
}

interface OpenPrompt {
  box: vscode.InputBox;
  /** Accepts the current value if it validates; returns the validation message ('' when accepted). */
  accept: () => Promise<string>;
}

let open: OpenPrompt | undefined;

/** Asks for a line of text; rejects with Cancelled when the prompt is dismissed. */
export function askText(options: PromptOptions): Promise<string> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = true;
  return new Promise<string>((resolve, reject) => {
    let checks = 0;
    // Never rejects, so its callers below need not wait for it: a validation that fails (a disk
    // error) blocks the value with its reason instead of leaving the prompt busy.
    const check = async (): Promise<string> => {
      const n = ++checks;
      let message: string;
      try {
        message = (await options.validate(box.value)) ?? '';
      } catch (error) {
        message = `Cannot check this value: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (n === checks) box.validationMessage = message || undefined; // a later keystroke wins
      return message;
    };
    const self: OpenPrompt = {
      box,
      accept: async () => {
        box.busy = true;
        const message = await check();
        box.busy = false;
        if (!message) {
          resolve(box.value.trim());
          box.hide();
        }
        return message;
      },
    };
    open = self;
    const subscriptions = [
      box.onDidChangeValue(() => void check()), // a later keystroke's check wins (see check)
      box.onDidAccept(() => void self.accept()), // resolves the prompt itself when the value is valid
      box.onDidHide(() => {
        reject(new Cancelled()); // no effect once resolved
        if (open === self) open = undefined;
        for (const s of subscriptions) s.dispose();
        box.dispose();
      }),
    ];
    box.show();
    void check(); // shows its message when done
  });
}

/** The prompt that is open, as the test hooks see and answer it. */
export interface OpenPromptView {
  title: string;
  value: string;
  validationMessage: string;
  /** Types a value and accepts it if it validates; returns the validation message ('' when accepted). */
  type(value: string): Promise<string>;
  dismiss(): void;
}

export function openPrompt(): OpenPromptView | undefined {
  if (!open) return undefined;
  const { box, accept } = open;
  return {
    title: box.title ?? '',
    value: box.value,
    validationMessage: messageText(box.validationMessage),
    type: (value) => {
      box.value = value;
      return accept();
    },
    dismiss: () => box.hide(),
  };
}

/** The text of an InputBox's validation message (set here as a string; VS Code also allows { message, severity }). */
function messageText(message: vscode.InputBox['validationMessage']): string {
  return typeof message === 'string' ? message : (message?.message ?? '');
}

// When the standup reminder nudges you (setting asyncDesk.standups.remindAt).

export interface ReminderInputs {
  /** 'HH:MM' of your day, '' = no reminder. */
  remindAt: string;
  /** Your state now (src/core/team): only 'working' can be nudged; focus, busy, away and off never are. */
  state: string;
  /** Your local wall clock 'HH:MM'. */
  localTime: string;
  posted: boolean;
  inFocusSession: boolean;
}

export function shouldRemind(i: ReminderInputs): boolean {
  return !!i.remindAt && !i.posted && !i.inFocusSession && i.state === 'working' && i.localTime >= i.remindAt;
}

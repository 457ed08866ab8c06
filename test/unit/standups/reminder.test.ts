import { strict as assert } from 'node:assert';
import { shouldRemind, type ReminderInputs } from '../../../src/core/standups/reminder';

describe('standup reminder rule', () => {
  const base: ReminderInputs = { remindAt: '10:30', state: 'working', localTime: '10:30', posted: false, inFocusSession: false };

  it('nudges from the set time of a working day when nothing is posted', () => {
    assert.equal(shouldRemind(base), true);
    assert.equal(shouldRemind({ ...base, localTime: '16:59' }), true);
  });

  it('not before the set time', () => {
    assert.equal(shouldRemind({ ...base, localTime: '10:29' }), false);
  });

  it('never outside working time, in a focus block, busy or away', () => {
    for (const state of ['off', 'focus', 'busy', 'away']) assert.equal(shouldRemind({ ...base, state }), false, state);
  });

  it('never during a focus session, once posted, or without a reminder time', () => {
    assert.equal(shouldRemind({ ...base, inFocusSession: true }), false);
    assert.equal(shouldRemind({ ...base, posted: true }), false);
    assert.equal(shouldRemind({ ...base, remindAt: '' }), false);
  });
});

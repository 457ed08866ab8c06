// The async rituals besides standups and decision records (issue 4): what each one is called, where
// its template override lives, and its sections in order. The built-in templates, the snippets and
// the tests all read the sections from here.

export const RITUAL_KINDS = ['weekly-update', 'intent-brief', 'working-agreement', 'retrospective'] as const;
export type RitualKind = (typeof RITUAL_KINDS)[number];

export const RITUAL_NAMES: Record<RitualKind, string> = {
  'weekly-update': 'weekly update',
  'intent-brief': 'intent brief',
  'working-agreement': 'working agreement',
  retrospective: 'retrospective',
};

/** A level-2 section of a built-in template: its heading, a one-line hint (an HTML comment, so it does
 *  not render) and the lines where one starts typing. */
export interface RitualSection {
  heading: string;
  hint: string;
  body: string[];
}

const LIST = ['- '];

export const RITUAL_SECTIONS: Record<RitualKind, readonly RitualSection[]> = {
  'weekly-update': [
    { heading: 'Outcomes shipped', hint: 'What reached users or teammates this week, with links (#123). Outcomes, not activity.', body: LIST },
    { heading: 'Metrics impact', hint: 'Which numbers moved, by how much, and where to see them.', body: LIST },
    { heading: 'What slipped and why', hint: 'What was planned and did not happen, why, and the new date.', body: LIST },
    { heading: 'Top three risks', hint: 'What could hurt the plan, how likely it is, and what you are doing about it.', body: ['1. ', '2. ', '3. '] },
    { heading: 'Decisions needed', hint: 'One per line: the decision, who makes it, and by when.', body: ['- [ ] … (decides: @…, by: YYYY-MM-DD)'] },
    { heading: "Next week's priorities", hint: 'In order; the first one is the one you protect.', body: ['1. '] },
  ],
  'intent-brief': [
    { heading: 'Problem', hint: 'What is wrong or missing, for whom, in two or three sentences.', body: [''] },
    { heading: 'Why now', hint: 'What changed, and what waiting would cost.', body: [''] },
    { heading: 'Success metrics', hint: 'How we will know it worked: metric, baseline, target, by when.', body: LIST },
    { heading: 'Scope', hint: 'What we will do.', body: LIST },
    { heading: 'Non-goals', hint: 'What we deliberately will not do, so nobody expects it.', body: LIST },
    { heading: 'Constraints', hint: 'Deadlines, budget, compliance, technology we must or must not use.', body: LIST },
    { heading: 'Risks', hint: 'What could make this fail, and the plan for each.', body: LIST },
    { heading: 'Owner', hint: 'One person who decides and answers questions.', body: ['@{{author}}'] },
    { heading: 'Stakeholders', hint: 'Who is affected or must be consulted (@login or team).', body: LIST },
    { heading: 'First milestone', hint: 'The first thing we ship or learn, and its date.', body: LIST },
  ],
  'working-agreement': [
    {
      heading: 'Core hours',
      hint: 'Computed from the team file: when everyone works at the same time. Anything synchronous happens here.',
      body: ['{{coreHours}}'],
    },
    { heading: 'Response times', hint: 'How fast we answer in each lane, within the working hours of the person asked.', body: ['{{responseTimes}}'] },
    { heading: 'Channels', hint: 'Where each kind of conversation happens (issues, pull requests, chat, email) and what belongs where.', body: LIST },
    { heading: 'Meeting rules', hint: 'When a meeting is worth it; agenda ahead, notes written down, a recording for the other zones.', body: LIST },
    { heading: 'Definition of urgent', hint: 'What may interrupt focus time or off hours. Everything else waits for the standard lane.', body: LIST },
    { heading: 'Escalation', hint: 'Who to turn to, in order, when an urgent request gets no answer.', body: ['1. '] },
    { heading: 'How we disagree', hint: 'How disagreements are raised and settled: in writing first, a decision record, who breaks a tie.', body: LIST },
  ],
  retrospective: [
    { heading: 'Went well', hint: 'What worked and should continue.', body: LIST },
    { heading: "Didn't go well", hint: 'What got in the way. Facts, not blame.', body: LIST },
    { heading: 'Try next', hint: 'Experiments for the next period.', body: LIST },
    {
      heading: 'Action items',
      hint: 'One per line: what, who owns it, and when it is due. Review them at the start of the next retrospective.',
      body: ['- [ ] … (owner: @…, due: YYYY-MM-DD)'],
    },
  ],
};

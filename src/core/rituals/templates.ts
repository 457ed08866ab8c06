// The built-in templates: front matter (as standups and decision records have), the title, then each
// section of the ritual with its hint. They use the same {{placeholders}} as a team's own templates
// in docs/templates/<kind>.md.
import { RITUAL_SECTIONS, type RitualKind } from './kinds';

const FRONT_MATTER: Record<RitualKind, string[]> = {
  'weekly-update': ['kind: weekly-update', 'week: {{week}}', 'date: {{date}}', 'author: {{author}}'],
  'intent-brief': ['kind: intent-brief', 'date: {{date}}', 'owner: {{author}}'],
  'working-agreement': ['kind: working-agreement', 'team: {{team}}', 'date: {{date}}', 'author: {{author}}'],
  retrospective: ['kind: retrospective', 'date: {{date}}', 'author: {{author}}'],
};

export function builtInTemplate(kind: RitualKind): string {
  const lines = ['---', ...FRONT_MATTER[kind], '---', '', '# {{title}}'];
  for (const section of RITUAL_SECTIONS[kind]) lines.push('', `## ${section.heading}`, `<!-- ${section.hint} -->`, ...section.body);
  return `${lines.join('\n')}\n`;
}

// Adds a member entry to a team file as text, touching nothing else (comments and formatting stay),
// or writes a new team file. The entry is checked by parseTeamFile like any other.
import { isMap, isScalar, isSeq, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { scalarString } from '../shared/yamlFields';

export interface NewMember {
  github: string;
  name?: string;
  timezone: string;
  hours?: string;
  days?: string[];
}

function quote(value: string): string {
  return JSON.stringify(value); // a JSON string is a valid YAML double-quoted scalar
}

function entryLines(member: NewMember, indent: string): string[] {
  const lines = [`${indent}- github: ${member.github}`];
  const field = (key: string, value: string) => lines.push(`${indent}  ${key}: ${value}`);
  if (member.name) field('name', quote(member.name));
  field('timezone', member.timezone);
  field('hours', quote(member.hours ?? '09:00-17:00'));
  field('days', `[${(member.days ?? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).join(', ')}]`);
  return lines;
}

export function newTeamFile(teamName: string, member: NewMember): string {
  return [`team: ${quote(teamName)}`, 'members:', ...entryLines(member, '  '), ''].join('\n');
}

/**
 * Returns the team file with the member appended to `members`, or an error when the file's shape
 * does not allow a safe text edit (then nothing should be written).
 */
export function appendMember(text: string, member: NewMember): { text: string } | { error: string } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { error: 'the team file has YAML errors; fix them first' };
  if (!isMap(doc.contents)) return { error: 'the team file is not a YAML mapping' };
  if (doc.contents.flow) return { error: 'the team file is written as a { flow } mapping; write one key per line' };
  const members = doc.contents.get('members', true);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const withNewline = text.endsWith('\n') || text.length === 0 ? text : text + eol;
  if (members === undefined) {
    return { text: `${withNewline}members:${eol}${entryLines(member, '  ').join(eol)}${eol}` };
  }
  if (isScalar(members) && members.value === null) return { text: fillEmptyMembers(text, doc.contents, members, member, eol) };
  if (!isSeq(members)) return { error: '`members` is not a list' };
  if (members.flow) return { error: '`members` is written as a [flow] list; use one "- github: …" entry per member' };
  if (members.items.some((m) => isMap(m) && scalarString(m.get('github')).toLowerCase() === member.github.toLowerCase())) {
    return { error: `@${member.github} is already in the team file` };
  }
  if (members.items.length === 0 || !members.range) {
    return { text: `${withNewline}${entryLines(member, '  ').join(eol)}${eol}` };
  }
  // Insert after the list's last line, with the indentation of its first dash.
  const start = members.range[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start).replace(/[^ ]/g, ' ');
  let end = members.range[1];
  // The range may end before trailing comments/blank lines of the last item: cut at the next line end.
  const lineEnd = text.indexOf('\n', Math.max(end - 1, 0));
  end = lineEnd === -1 ? text.length : lineEnd + 1;
  const before = text.slice(0, end);
  const insert = `${before.endsWith('\n') ? '' : eol}${entryLines(member, indent).join(eol)}${eol}`;
  return { text: before + insert + text.slice(end) };
}

/** `members:` with nothing yet (or `members: ~`): the entry goes right below that line, the `~` goes. */
function fillEmptyMembers(text: string, root: YAMLMap, value: Scalar, member: NewMember, eol: string): string {
  const key = root.items.find((p) => isScalar(p.key) && p.key.value === 'members')!.key as Scalar;
  const newline = text.indexOf('\n', key.range![1]);
  let at = newline === -1 ? text.length : newline;
  if (text[at - 1] === '\r') at--;
  const [vs, ve] = value.range ?? [at, at];
  const line = (ve > vs && ve <= at ? text.slice(0, vs) + text.slice(ve, at) : text.slice(0, at)).replace(/[ \t]+$/, '');
  const rest = text.slice(at);
  return `${line}${eol}${entryLines(member, '  ').join(eol)}${rest || eol}`;
}

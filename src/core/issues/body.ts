// The issue body github.com writes for a form's answers, byte for byte (SPEC §3, issue 5). Rules and
// where each comes from ("data" = issue bodies created by github.com from forms, read through the API
// in public test fixtures and datasets: 2021–2022 webhook/API payloads, matplotlib/xarray issues of
// 2022, brainhack and ansible issues of 2023–2024, a browser-use issue of 2025):
//  1. One section per field that takes an answer, in form order: "### " + label, a blank line, the
//     answer (docs "Syntax for issue forms": responses are converted to Markdown; data).
//  2. Markdown fields write nothing (docs: markdown elements are not submitted; data).
//  3. Sections are joined by one blank line ("\n\n"); the body has no trailing newline (data: every
//     payload ends right after the last answer).
//  4. An empty answer, or one of only white space, is "_No response_" (data). Checkboxes are never
//     empty: they list every option.
//  5. Dropdowns: the chosen options in the form's order, joined with ", " (data: "Chrome, Safari").
//     A dropdown left unanswered is "None", not "_No response_": github.com offers "None" as the
//     empty choice of a dropdown that is not required, and GitHub's issue-parser documents an empty
//     dropdown answer as "None" (inputs and textareas as "_No response_"). A required dropdown cannot
//     be left empty (validateAnswers), so in practice this is an optional one.
//  6. Checkboxes: one line per option in the form's order, "- [x] label" when ticked, "- [ ] label"
//     when not. github.com wrote an upper-case "- [X]" until about 2023 (data); the issue asks for
//     "- [x]", which is also what the 2023–2024 data shows.
//  7. A textarea with `render` is a fenced code block: "```" + render, newline, answer, newline,
//     "```" (docs: "automatically formatted into code"; data). 2022 data has one more newline after
//     the fence (two blank lines before the next heading); 2024–2025 data has one blank line, as here.
//     An empty rendered answer is "_No response_" (2022 data; one 2025 body shows an empty fence
//     instead, which we do not copy: a fence around nothing reads as an empty answer).
//  8. Answers are not trimmed (data keeps a textarea's trailing line break). Line breaks are LF: the
//     value a browser's textarea gives script (HTML "API value"), as github.com's current issue form
//     reads it; an input's line breaks are removed, as a browser's <input> does (HTML "value
//     sanitization": strip newlines).
//  9. An upload (file attachments) is "_No response_": the REST API takes no files, so the issue is
//     created with the field empty, as github.com writes an empty field; files are attached on
//     github.com afterwards.
// Markdown templates have no sections: their body is the edited text as is.
import { answerOf, MARKDOWN_BODY } from './answers';
import type { Answers, InputField, IssueTemplate } from './types';

export const NO_RESPONSE = '_No response_';
/** An unanswered dropdown (rule 5). */
export const NO_DROPDOWN_CHOICE = 'None';

export function renderIssueBody(template: IssueTemplate, answers: Answers): string {
  if (template.kind === 'markdown') {
    const body = answers[MARKDOWN_BODY];
    return typeof body === 'string' ? body : template.body;
  }
  return template.fields
    .filter((f): f is InputField => f.type !== 'markdown')
    .map((f) => `### ${f.label}\n\n${answerText(f, answerOf(f, answers))}`)
    .join('\n\n');
}

function answerText(field: InputField, answer: string | string[]): string {
  const chosen = typeof answer === 'string' ? [answer] : answer;
  // A Set, not chosen.includes per option: 100,000 options and as many answers would be quadratic.
  const picked = (): Set<string> => new Set(chosen);
  switch (field.type) {
    case 'input': {
      const value = chosen.join('').replace(/[\r\n]/g, '');
      return value.trim() ? value : NO_RESPONSE;
    }
    case 'textarea': {
      const value = chosen.join('\n').replace(/\r\n?/g, '\n');
      if (!value.trim()) return NO_RESPONSE;
      return field.render ? `\`\`\`${field.render}\n${value}\n\`\`\`` : value;
    }
    case 'dropdown': {
      const set = picked();
      const inOrder = field.options.filter((o) => set.has(o));
      return inOrder.length ? inOrder.join(', ') : NO_DROPDOWN_CHOICE;
    }
    case 'checkboxes': {
      // (A form whose checkboxes have no options is refused by github.com; its answer is "no response".)
      const set = picked();
      return field.options.map((o) => `- [${set.has(o.label) ? 'x' : ' '}] ${o.label}`).join('\n') || NO_RESPONSE;
    }
    case 'upload':
      return NO_RESPONSE;
  }
}

// Markdown from the repository (issue-form `markdown` elements and field descriptions) as a small
// tree of plain data that a webview turns into DOM nodes with textContent: formatted like github.com
// shows it, and inert by construction (no HTML string ever reaches the webview). Raw HTML in the
// source stays visible text; links keep only http(s) and mailto targets.
import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';

type Token = ReturnType<Markdown['parse']>[number];

export type MdInline =
  { t: 'text'; v: string } | { t: 'code'; v: string } | { t: 'br' } | { t: 'strong' | 'em' | 's'; c: MdInline[] } | { t: 'a'; href: string; c: MdInline[] };

export type MdBlock =
  | { t: 'p'; c: MdInline[] }
  | { t: 'h'; level: number; c: MdInline[] }
  | { t: 'ul'; items: MdBlock[][] }
  | { t: 'ol'; start: number; items: MdBlock[][] }
  | { t: 'quote'; c: MdBlock[] }
  | { t: 'pre'; v: string }
  | { t: 'hr' };

let parser: Markdown | undefined;

/** The blocks of a Markdown text (CommonMark plus GitHub's strikethrough and tables, tables as paragraphs). */
export function markdownTree(source: string): MdBlock[] {
  parser ??= new MarkdownIt('default', { html: false, linkify: false });
  const tokens = parser.parse(source, {});
  return blocks(tokens, { at: 0 }, undefined);
}

/** Reads block tokens from `pos.at` up to the closing token of type `until` (consumed). */
function blocks(tokens: Token[], pos: { at: number }, until: string | undefined): MdBlock[] {
  const out: MdBlock[] = [];
  while (pos.at < tokens.length) {
    const token = tokens[pos.at++]!;
    if (until && token.type === until) return out;
    switch (token.type) {
      case 'paragraph_open':
        out.push({ t: 'p', c: inlineUntil(tokens, pos, 'paragraph_close') });
        break;
      case 'heading_open':
        out.push({ t: 'h', level: Number(token.tag.slice(1)) || 1, c: inlineUntil(tokens, pos, 'heading_close') });
        break;
      case 'bullet_list_open':
        out.push({ t: 'ul', items: listItems(tokens, pos, 'bullet_list_close') });
        break;
      case 'ordered_list_open':
        out.push({ t: 'ol', start: Number(token.attrGet('start') ?? 1) || 1, items: listItems(tokens, pos, 'ordered_list_close') });
        break;
      case 'blockquote_open':
        out.push({ t: 'quote', c: blocks(tokens, pos, 'blockquote_close') });
        break;
      case 'fence':
      case 'code_block':
        out.push({ t: 'pre', v: token.content.replace(/\n$/, '') });
        break;
      case 'hr':
        out.push({ t: 'hr' });
        break;
      case 'inline':
        // Inline content outside a paragraph (table cells): one paragraph per cell.
        if (token.content.trim()) out.push({ t: 'p', c: inline(token.children ?? []) });
        break;
      default:
        // Other containers (tables, their rows): their content, flattened.
        break;
    }
  }
  return out;
}

function listItems(tokens: Token[], pos: { at: number }, close: string): MdBlock[][] {
  const items: MdBlock[][] = [];
  while (pos.at < tokens.length) {
    const token = tokens[pos.at++]!;
    if (token.type === close) break;
    if (token.type === 'list_item_open') items.push(blocks(tokens, pos, 'list_item_close'));
  }
  return items;
}

function inlineUntil(tokens: Token[], pos: { at: number }, close: string): MdInline[] {
  const out: MdInline[] = [];
  while (pos.at < tokens.length) {
    const token = tokens[pos.at++]!;
    if (token.type === close) break;
    if (token.type === 'inline') out.push(...inline(token.children ?? []));
  }
  return out;
}

const SAFE_LINK = /^(https?:|mailto:)/i;

function inline(tokens: Token[]): MdInline[] {
  const root: MdInline[] = [];
  // Open formatting: each frame collects its children until its close token.
  const stack: { close: string; node: Extract<MdInline, { c: MdInline[] }> | null; c: MdInline[] }[] = [{ close: '', node: null, c: root }];
  const top = () => stack[stack.length - 1]!;
  const text = (v: string) => {
    const list = top().c;
    const last = list[list.length - 1];
    if (last?.t === 'text') last.v += v;
    else if (v) list.push({ t: 'text', v });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'html_inline': // not produced with html: false; kept as text if it ever is
        text(token.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        top().c.push({ t: 'br' });
        break;
      case 'code_inline':
        top().c.push({ t: 'code', v: token.content });
        break;
      case 'image':
        text(token.content); // the alt text: images from the repo are not loaded
        break;
      case 'strong_open':
      case 'em_open':
      case 's_open': {
        const node = { t: token.type.slice(0, -5) as 'strong' | 'em' | 's', c: [] as MdInline[] };
        top().c.push(node);
        stack.push({ close: token.type.replace('_open', '_close'), node, c: node.c });
        break;
      }
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        if (SAFE_LINK.test(href)) {
          const node = { t: 'a' as const, href, c: [] as MdInline[] };
          top().c.push(node);
          stack.push({ close: 'link_close', node, c: node.c });
        } else {
          // Relative or other links: the text only (there is no repository page to open here).
          stack.push({ close: 'link_close', node: null, c: top().c });
        }
        break;
      }
      default:
        if (stack.length > 1 && token.type === top().close) stack.pop();
        else if (token.content) text(token.content);
    }
  }
  return root;
}

/** The text of a tree, for places that show plain text (and for tests). */
export function markdownTreeText(tree: MdBlock[]): string {
  const inlineText = (c: MdInline[]): string => c.map((n) => (n.t === 'br' ? '\n' : 'v' in n ? n.v : inlineText(n.c))).join('');
  const blockText = (b: MdBlock): string => {
    switch (b.t) {
      case 'p':
      case 'h':
        return inlineText(b.c);
      case 'ul':
      case 'ol':
        return b.items.map((item) => item.map(blockText).join('\n')).join('\n');
      case 'quote':
        return b.c.map(blockText).join('\n');
      case 'pre':
        return b.v;
      case 'hr':
        return '';
    }
  };
  return tree.map(blockText).join('\n');
}

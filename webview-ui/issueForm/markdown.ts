// Markdown in the issue form (a form's markdown elements, field descriptions) as DOM nodes. The host
// parses the repository's Markdown into an inert tree (core/shared/markdownTree: MdBlock, MdInline);
// this builds it from elements and text nodes only, never as HTML, because the content is untrusted.
// Links are plain anchors with their address as the title (VS Code opens them outside the webview).
import type { MdBlock, MdInline } from '../../src/protocol/issueForm';
import { el } from './dom';

function inline(nodes: MdInline[]): (Node | string)[] {
  return nodes.map((n) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'code':
        return el('code', { textContent: n.v });
      case 'br':
        return el('br');
      case 'a':
        return el('a', { href: n.href, title: n.href }, ...inline(n.c));
      default:
        return el(n.t, {}, ...inline(n.c));
    }
  });
}

function block(b: MdBlock): HTMLElement {
  switch (b.t) {
    case 'p':
      return el('p', {}, ...inline(b.c));
    case 'h':
      // Headings start at h3: the form's own title is the h1.
      return el(`h${Math.min(6, Math.max(3, b.level + 2))}` as 'h3', {}, ...inline(b.c));
    case 'ul':
      return el('ul', {}, ...b.items.map((item) => el('li', {}, ...item.map(block))));
    case 'ol':
      return el('ol', { start: b.start }, ...b.items.map((item) => el('li', {}, ...item.map(block))));
    case 'quote':
      return el('blockquote', {}, ...b.c.map(block));
    case 'pre':
      return el('pre', {}, el('code', { textContent: b.v }));
    case 'hr':
      return el('hr');
  }
}

/** Markdown from the host's tree: elements and text nodes only. */
export function markdownNodes(blocks: MdBlock[]): HTMLElement[] {
  return blocks.map(block);
}

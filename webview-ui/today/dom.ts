// Small DOM builders for the Today webview. Text always goes in as textContent or a text node, never
// as markup, so repo content (standups, names, titles) cannot become HTML or script.
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function button(label: string, onClick: () => void, options: { secondary?: boolean; title?: string; className?: string } = {}): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (options.secondary) b.setAttribute('secondary', '');
  if (options.title) b.title = options.title;
  if (options.className) b.className = options.className;
  b.addEventListener('click', onClick);
  return b;
}

export function link(text: string, onClick: () => void, title?: string): HTMLAnchorElement {
  const a = el('a', { className: 'link', href: '#', textContent: text, ...(title ? { title } : {}) });
  a.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return a;
}

// Small DOM builders for the issue form webview. Text always goes in as textContent, a text node or an
// attribute value, never as markup, so what comes from the repository or GitHub (labels, options,
// names, messages) cannot become HTML or script.
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function button(label: string, onClick: () => void, secondary = false, id?: string): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (secondary) b.setAttribute('secondary', '');
  if (id) b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

/** A link that does nothing in the page itself: the click goes to the host (which opens it outside). */
export function link(text: string, onClick: () => void): HTMLAnchorElement {
  const a = el('a', { href: '#', className: 'link', textContent: text });
  a.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return a;
}

/** One entry of a vscode-single-select or vscode-multi-select. */
export function option(text: string, value: string): HTMLElementTagNameMap['vscode-option'] {
  const o = document.createElement('vscode-option');
  o.textContent = text;
  o.setAttribute('value', value);
  return o;
}

export function labelFor(id: string, text: string, required: boolean): HTMLElement {
  const label = document.createElement('vscode-label');
  label.setAttribute('for', id);
  label.textContent = text;
  label.required = required;
  return label;
}

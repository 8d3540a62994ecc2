// A tiny element builder. Text always goes in as text nodes, never as HTML, so nothing from the server is markup.

/** el('div', {class: 'x', onclick: fn, 'aria-label': 'y'}, child, 'text', ...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) {
      continue;
    }

    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }

  for (const child of children.flat()) {
    if (child == null || child === false) {
      continue;
    }

    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  return node;
}

/** Shorthand for document.getElementById. */
export const byId = (id) => document.getElementById(id);

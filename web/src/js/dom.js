// DOM building without HTML strings. Every piece of text, including anything that came from the
// API, goes in as a text node (textContent), so it can never be parsed as markup. Attribute
// names are fixed by our code; `style` and event-handler attributes are refused, because the
// Content-Security-Policy forbids inline styles and scripts.

/**
 * Creates an element: h('a', {href: '/x', class: 'govuk-link'}, 'text', childNode, [more]).
 * Attribute values of null, undefined or false are skipped; true sets an empty attribute.
 * `dataset` takes an object of data-* values. Children may be strings, numbers, nodes, arrays,
 * or null (skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'style' || name.startsWith('on')) throw new Error(`attribute ${name} is not allowed`);
    if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) element.dataset[key] = String(data);
    } else {
      element.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (strings become text nodes) to `parent`. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** The element with this id; throws if the page lacks it (a programming error). */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  return element;
}

/** Text for a value that may be missing: the value, Yes/No for a boolean, or an em dash. */
export function text(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(text).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A short unique suffix for ids made at run time (so ids never repeat on a page). */
let counter = 0;
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

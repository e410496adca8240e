// DOM helpers shared by the views. Elements are built with text only: stored or imported text never reaches
// innerHTML.
export const $$ = (sel) => [...document.querySelectorAll(sel)];

export function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') e.addEventListener(k, v);
    else if (v !== false && v != null) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...kids.flat());
  return e;
}

// An achievement's icon: a reference to the page's inline sprite of theme icons (no request, no emoji font).
export function icon(id) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const use = document.createElementNS(ns, 'use');
  svg.setAttribute('class', 'course-icon');
  svg.setAttribute('aria-hidden', 'true');
  use.setAttribute('href', `#course-icon-${id}`);
  svg.append(use);
  return svg;
}

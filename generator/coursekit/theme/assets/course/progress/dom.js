// Helpers shared by the views: the elements they build and the UI text they show. Elements are built with text
// only: stored or imported text never reaches innerHTML. (One module rather than two: every page loads it, and
// each module a page loads is one more compressed response.)
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

// UI strings as the reader sees them: plural forms picked for a count with the browser's CLDR rules
// (Intl.PluralRules: English one/other, Korean other only), then {placeholders} filled in. A string is a text or
// a mapping of plural categories, as in coursekit/i18n/<lang>.yml; coursekit/i18n/plural.py picks alike in the build.
const rules = new Map();

export function pluralCategory(lang, count) {
  if (!rules.has(lang)) rules.set(lang, new Intl.PluralRules(lang));
  return rules.get(lang).select(count);
}

// `count` picks the form of a plural mapping; with no number, the `other` form.
export function format(value, vars = {}, { lang = 'en', count } = {}) {
  let text = value;
  if (value !== null && typeof value === 'object') {
    text = typeof count === 'number' && Number.isFinite(count) ? (value[pluralCategory(lang, count)] ?? value.other) : value.other;
  }
  return String(text ?? '').replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
}

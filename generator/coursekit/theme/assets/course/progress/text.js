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

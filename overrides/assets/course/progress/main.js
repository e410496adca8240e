// The one DOM module: fills the template's slots, wires the controls and keeps tabs in step.
// Runs once per page load; per-page work is re-run on each Material instant navigation (document$).
import { addsTo, asImport, emptyDoc, isOn, merge, recordDay, recordUnlocks, recordVisit, reset, setFlag } from './facts.js';
import { derive } from './rules.js';
import { openStore } from './store.js';
import { MAX_BYTES, changes, decodeCode, encodeCode, exportText, parseImport } from './transfer.js';

const S = { store: null, doc: emptyDoc(), m: null, ctx: null, gen: 0, persisted: false };
const manifests = new Map();
const now = () => Date.now();
const pad = (n) => String(n).padStart(2, '0');
const today = (d = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const $$ = (sel) => [...document.querySelectorAll(sel)];
const t = (key, vars = {}) => (S.m.strings[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
const tr = (o) => o[S.ctx.lang] ?? Object.values(o)[0];
const date = (ms) => new Intl.DateTimeFormat(S.ctx.lang, { dateStyle: 'medium' }).format(ms);
const quiet = () => isOn(S.doc.prefs.quiet);
const readonly = () => S.store.mode === 'readonly';

// Builds elements with text only: stored or imported text never reaches innerHTML.
function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') e.addEventListener(k, v);
    else if (v !== false && v != null) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...kids.flat());
  return e;
}

const json = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
// Page context from the template: a [data-course-context] attribute, or the #course-context JSON script
// (Material's instant navigation re-runs inline scripts as JavaScript and drops them, hence the fallbacks).
const pageContext = () => {
  const e = document.querySelector('[data-course-context]');
  return json(e ? e.dataset.courseContext : document.getElementById('course-context')?.textContent) || {};
};
// The language root and manifest never change within one document: a language switch is a full page load.
const first = pageContext();
const ROOT = new URL(first.root ?? `${(json(document.getElementById('__config')?.textContent)?.base ?? '.').replace(/\/+$/, '')}/`, location.href).href;
const MANIFEST = new URL(first.manifest ?? 'course-manifest.json', first.manifest ? location.href : ROOT).href;
const LANG = first.lang ?? document.documentElement.lang.slice(0, 2);

function readContext(m) {
  const here = location.origin + location.pathname;
  const ctx = pageContext();
  const match = m.lessons.find((l) => new URL(l.path, ROOT).href === here);
  return { lang: LANG, lessonId: ctx.lessonId ?? match?.id ?? null };
}

function loadManifest(url) {
  if (!manifests.has(url)) {
    manifests.set(url, fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return manifests.get(url);
}

// Apply a reader action: derive, date new unlocks, save (merging with other tabs), announce, re-render.
function commit(fn, announce = true) {
  if (readonly()) return render();
  const before = derive(S.doc, S.m).achievements;
  let doc = fn(S.doc);
  const after = derive(doc, S.m).achievements;
  doc = recordUnlocks(doc, after, now());
  if (doc !== S.doc) S.doc = S.store.save(doc);
  if (S.store.mode === 'saved' && !S.persisted) {
    S.persisted = true;
    navigator.storage?.persist?.().catch(() => {});
  }
  const fresh = after.filter((id) => !before.includes(id));
  if (announce && fresh.length && !quiet()) celebrate(fresh);
  render();
}

// One polite live region, shown as a small toast while it holds text (animated only if motion is welcome).
let live;
function celebrate(ids) {
  if (!live?.isConnected) document.body.append((live = el('div', { class: 'course-toast', role: 'status', 'aria-live': 'polite' })));
  live.textContent = ids.map((id) => t('unlocked_announce', { name: tr(S.m.achievements.find((a) => a.id === id).name) })).join(' ');
  clearTimeout(live.timer);
  live.timer = setTimeout(() => (live.textContent = ''), 6000);
}

function renderBar(d) {
  const levels = S.m.levels;
  const lo = d.nextXp === null ? 0 : levels[d.level].xp;
  const hi = d.nextXp ?? d.xp;
  const next = d.nextXp === null ? t('top') : t('next', { xp: d.xp, next: d.nextXp, left: d.toGo });
  const pct = t('percent', { percent: d.percent });
  const q = quiet();
  const stat = (name, text, hidden) => el('span', { class: 'course-stat', 'data-course-stat': name, hidden }, text);
  const fill = el('span', { class: 'course-meter__fill' });
  fill.style.setProperty('--p', hi > lo ? (d.xp - lo) / (hi - lo) : 1);
  const notices = [...S.store.notices].map((n) => {
    const [kind, key] = n.split(/:(.*)/);
    return el('p', { class: 'course-notice', role: 'status' }, t(`notice_${kind}`, { key }));
  });
  for (const slot of $$('[data-course-slot="bar"]')) {
    slot.replaceChildren(
      el('div', { class: 'course-stats' },
        stat('level', t('level', { level: d.level, name: tr(d.levelName) }), q),
        stat('xp', t('xp', { xp: d.xp }), q),
        stat('lessons', t('lessons', { done: d.lessonsDone.length, total: d.lessonsTotal })),
        stat('achievements', t('achievements', { done: d.achievements.length, total: d.achievementsTotal }), q),
        q ? el('span', { class: 'course-stat' }, t('quiet_bar')) : ''),
      el('div', { class: 'course-level', hidden: q },
        el('div', {
          class: 'course-meter', role: 'progressbar', 'aria-label': t('bar_label'), 'aria-valuemin': lo,
          'aria-valuemax': hi, 'aria-valuenow': d.xp, 'aria-valuetext': `${next}; ${pct}`,
        }, fill),
        el('span', { class: 'course-next' }, `${next} · ${pct}`)),
      ...notices);
  }
}

// Toggle controls are built once and updated in place, so keyboard focus stays on them.
function renderToggle(slotName, action, kind, id, label) {
  for (const slot of $$(`[data-course-slot="${slotName}"]`)) {
    if (!slot.firstChild) {
      const button = el('button', {
        type: 'button', class: 'md-button course-toggle', 'data-course-action': action,
        click: () => commit((doc) => recordDay(setFlag(doc, kind, id, !isOn(doc[kind][id]), now()), today(), now())),
      }, label);
      slot.append(button, el('span', { class: 'course-when' }));
    }
    const reg = S.doc[kind][id];
    const button = slot.firstChild;
    button.setAttribute('aria-pressed', String(isOn(reg)));
    button.classList.toggle('md-button--primary', isOn(reg));
    button.disabled = readonly();
    slot.lastChild.textContent = isOn(reg) && reg.t ? t('done_on', { date: date(reg.t) }) : '';
  }
}

function renderNav(d) {
  const done = new Set(S.m.lessons.filter((l) => d.lessonsDone.includes(l.id)).map((l) => new URL(l.path, ROOT).pathname));
  for (const a of $$('a.md-nav__link[href]')) {
    const url = new URL(a.getAttribute('href'), location.href);
    const on = !url.hash && done.has(url.pathname); // links with a #fragment are the table of contents
    a.classList.toggle('course-done', on);
    const mark = a.querySelector('.course-navmark');
    if (on && !mark) a.append(el('span', { class: 'course-navmark' }, el('span', { class: 'course-sr' }, ` (${t('nav_done')})`)));
    if (!on && mark) mark.remove();
  }
}

function renderAchievements(d) {
  for (const slot of $$('[data-course-slot="achievements-page"]')) {
    if (quiet()) {
      slot.replaceChildren(el('p', {}, t('quiet_hidden')));
      continue;
    }
    const item = (a, text) => el('li', { 'data-achievement': a.id, class: d.achievements.includes(a.id) ? '' : 'course-locked' },
      el('span', { class: 'course-icon', 'aria-hidden': 'true' }, a.icon), el('strong', {}, tr(a.name)), ' ',
      el('span', {}, text));
    const got = S.m.achievements.filter((a) => d.achievements.includes(a.id));
    const rest = S.m.achievements.filter((a) => !d.achievements.includes(a.id));
    const list = (items, empty, f) => (items.length ? el('ul', { class: 'course-achievements' }, items.map(f)) : el('p', {}, t(empty)));
    slot.replaceChildren(
      el('h2', {}, t('unlocked_heading')),
      list(got, 'none_yet', (a) => item(a, S.doc.unlocked[a.id] ? t('unlocked_on', { date: date(S.doc.unlocked[a.id]) }) : '')),
      el('h2', {}, t('locked_heading')),
      list(rest, 'all_earned', (a) => item(a, t('how_to_earn', { description: tr(a.description) }))));
  }
}

function describe(counts) {
  const parts = Object.keys(counts).filter((k) => counts[k] > 0).map((k) => t(`change_${k}`, { n: counts[k] }));
  return parts.join(', ') || t('change_none');
}

function importText(text) {
  if (!S.m) return { ok: false, message: 'not ready' };
  const r = parseImport(text, S.m.course);
  if (!r.ok) return { ok: false, message: t(`err_${r.error}`, { kb: MAX_BYTES / 1024, detail: r.detail }) };
  if (readonly()) return { ok: false, message: t('notice_readonly') };
  const incoming = asImport(r.doc, S.doc.resetAt);
  const counts = changes(S.doc, incoming);
  commit((doc) => merge(doc, incoming));
  return { ok: true, message: t('imported', { changes: describe(counts) }), counts };
}

function download(text) {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: `${S.m.course}-progress-${today()}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

const button = (label, click, attrs) => el('button', { type: 'button', class: 'md-button', click, ...attrs }, t(label));
const labelled = (input, label, ...rest) => el('p', {}, el('label', { for: input.id }, t(label)), ' ', input, ...rest);

function buildProgressPage(slot) {
  const status = el('p', { class: 'course-message', role: 'status' });
  const say = (text) => (status.textContent = text);
  const merged = (doc) => {
    const counts = changes(S.doc, doc);
    commit((d) => merge(d, doc));
    say(t('imported', { changes: describe(counts) }));
  };
  const applyCode = (text) => {
    const doc = decodeCode(text, S.m.lessons, now());
    doc ? merged(doc) : say(t('share_bad'));
  };
  const file = el('input', { type: 'file', accept: '.json,application/json', id: 'course-import', change: async () => {
    const f = file.files[0];
    file.value = '';
    if (f) say(f.size > MAX_BYTES ? t('err_size', { kb: MAX_BYTES / 1024 }) : importText(await f.text()).message);
  } });
  const link = el('input', { type: 'text', readonly: true, class: 'course-link', id: 'course-link', 'aria-label': t('share_heading') });
  const code = el('input', { type: 'text', id: 'course-code', autocomplete: 'off', spellcheck: 'false' });
  const quietBox = el('input', { type: 'checkbox', id: 'course-quiet', change: () => commit((d) => setFlag(d, 'prefs', 'quiet', quietBox.checked, now()), false) });
  slot.append(
    el('p', { class: 'course-note' }, t('local_note')),
    status,
    el('h2', {}, t('export_heading')),
    el('p', {}, button('export_button', () => download(exportText(S.doc, S.m.course)), { 'data-course-action': 'export' })),
    labelled(file, 'import_label'),
    el('h2', {}, t('share_heading')),
    el('p', {}, t('share_explain')),
    el('p', {}, link, ' ', button('share_copy', () => {
      link.select();  // so that a refused copy still leaves the reader one keystroke away
      const copied = navigator.clipboard ? navigator.clipboard.writeText(link.value) : Promise.reject();
      copied.then(() => say(t('share_copied')), () => say(t('share_copy_failed')));
    })),
    el('p', {}, t('share_code'), ' ', el('code', { id: 'course-code-now' })),
    labelled(code, 'share_code_label', ' ', button('share_apply', () => applyCode(code.value))),
    el('h2', {}, t('settings_heading')),
    el('p', {}, quietBox, ' ', el('label', { for: quietBox.id }, t('quiet_label'))),
    el('p', {}, button('reset_button', () => confirm(t('reset_confirm')) && (commit((d) => reset(d, now()), false), say(t('reset_done'))),
      { 'data-course-action': 'reset' })));
  // A shared link lands here with the code in the fragment; nothing is added until the reader agrees.
  const hash = /^#progress=(.+)$/.exec(location.hash);
  if (!hash) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  const shared = decodeCode(decodeURIComponent(hash[1]), S.m.lessons, now());
  if (!shared) return say(t('share_bad'));
  const offer = el('p', { class: 'course-offer' }, t('share_found', { changes: describe(changes(S.doc, shared)) }), ' ',
    button('share_merge', () => (offer.remove(), merged(shared)), { class: 'md-button md-button--primary' }));
  slot.prepend(offer);
}

function renderProgressPage() {
  for (const slot of $$('[data-course-slot="progress-page"]')) {
    if (!slot.firstChild) buildProgressPage(slot);
    const code = encodeCode(S.doc, S.m.lessons);
    slot.querySelector('#course-link').value = new URL(`progress/#progress=${code}`, ROOT).href;
    slot.querySelector('#course-code-now').textContent = code;
    slot.querySelector('#course-quiet').checked = quiet();
    for (const c of slot.querySelectorAll('input, button')) c.disabled = readonly() && c.id !== 'course-link' && c.dataset.courseAction !== 'export';
  }
}

function render() {
  if (!S.m) return;
  const d = derive(S.doc, S.m);
  renderBar(d);
  const lesson = S.m.lessons.find((l) => l.id === S.ctx.lessonId);
  if (lesson) {
    renderToggle('lesson-complete', 'complete-lesson', 'lessons', lesson.id, t('complete_lesson'));
    if (lesson.exercise) renderToggle('exercise-done', 'complete-exercise', 'exercises', lesson.exercise, t('exercise_done'));
  }
  renderNav(d);
  renderAchievements(d);
  renderProgressPage();
}

async function setup() {
  const gen = ++S.gen;
  const m = await loadManifest(MANIFEST);
  if (!m || gen !== S.gen) return; // a newer navigation took over
  const ctx = (S.ctx = readContext(m));
  S.m = m;
  if (!S.store) {
    S.store = openStore(m.course);
    S.doc = S.store.load();
  }
  const lesson = m.lessons.find((l) => l.id === ctx.lessonId);
  if (lesson) commit((doc) => recordDay(recordVisit(doc, lesson.id, ctx.lang, now()), today(), now()));
  else commit((doc) => doc, false);
}

// Another tab saved: fold its facts into ours (a union) and redraw.
addEventListener('storage', (e) => {
  if (!S.store || e.key !== S.store.key) return;
  const other = S.store.reload();
  if (other) {
    // Tabs see each other's writes a moment late, so the other tab may have saved without our latest fact: put
    // it back, or it would live only in this tab's memory.
    S.doc = addsTo(other, S.doc) ? S.store.save(merge(S.doc, other)) : merge(S.doc, other);
    render();
  }
});

if (!window.courseProgress) {
  window.courseProgress = Object.freeze({
    snapshot() {
      const d = S.m && derive(S.doc, S.m);
      return d
        ? { xp: d.xp, level: d.level, lessonsDone: d.lessonsDone, exercisesDone: d.exercisesDone, achievements: d.achievements, quiet: quiet(), storage: S.store.mode }
        : { xp: 0, level: 0, lessonsDone: [], exercisesDone: [], achievements: [] };
    },
    export: () => exportText(S.doc, S.m?.course),
    import: importText,
  });
  if (window.document$) window.document$.subscribe(() => setup());
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
}

// The page entry: reads the page's context and the course manifest, keeps the reader's facts (store), applies
// actions (commit), redraws every view and keeps tabs in step. Runs once per page load; per-page work re-runs on
// each Material instant navigation (document$). Each view lives in its own module.
import { addsTo, asImport, emptyDoc, isOn, merge, recordDay, recordUnlocks, recordVisit } from './facts.js';
import { derive, selfCheck } from './rules.js';
import { openStore } from './store.js';
import { MAX_BYTES, changes, exportText, parseImport } from './transfer.js';
import { $$, el, format } from './dom.js';
import { renderBar } from './bar.js';
import { renderToggles } from './toggles.js';
import { renderMastery, renderNavMarks, renderSeriesProgress } from './marks.js';

// Views of some pages only are fetched by the pages that show them: the progress, achievements and review pages,
// and pages with self-check questions.
const pageViews = {
  '[data-course-slot="progress-page"]': () => import('./progress-page.js').then((v) => v.renderProgressPage),
  '[data-course-slot="achievements-page"]': () => import('./achievements.js').then((v) => v.renderAchievements),
  '[data-course-slot="review-page"]': () => import('./questions.js').then((v) => v.renderReviewPage),
  '[data-course-question]': () => import('./questions.js').then((v) => v.renderQuestions),
};
const loaded = {};

const S = { store: null, doc: emptyDoc(), m: null, ctx: null, gen: 0, persisted: false };
const manifests = new Map();
const pad = (n) => String(n).padStart(2, '0');
const json = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
// Page context from the template, as an attribute: Material's instant navigation re-runs inline scripts.
const pageContext = () => json(document.querySelector('[data-course-context]')?.dataset.courseContext) || {};
// The language root and manifest never change within one document: a language switch is a full page load.
const first = pageContext();
const ROOT = new URL(first.root ?? `${(json(document.getElementById('__config')?.textContent)?.base ?? '.').replace(/\/+$/, '')}/`, location.href).href;
const MANIFEST = new URL(first.manifest ?? 'course-manifest.json', first.manifest ? location.href : ROOT).href;
const LANG = first.lang ?? document.documentElement.lang.slice(0, 2);

// What every view reads and calls: the current facts and manifest, the UI strings, and the one way to change facts.
const app = {
  root: ROOT,
  get m() { return S.m; },
  get doc() { return S.doc; },
  get ctx() { return S.ctx; },
  get store() { return S.store; },
  now: () => Date.now(),
  today: (d = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
  // The manifest names, per key with a count, the placeholder whose number picks the plural form.
  t: (key, vars = {}) => format(S.m.strings[key] ?? key, vars, { lang: LANG, count: vars[S.m.plural_counts?.[key]] }),
  tr: (o) => o[LANG] ?? Object.values(o)[0],
  date: (ms) => new Intl.DateTimeFormat(LANG, { dateStyle: 'medium' }).format(ms),
  quiet: () => isOn(S.doc.prefs.quiet),
  readonly: () => S.store.mode === 'readonly',
  commit,
  describe,
  importText,
};

function describe(counts) {
  const parts = Object.keys(counts).filter((k) => counts[k] > 0).map((k) => app.t(`change_${k}`, { n: counts[k] }));
  return parts.join(', ') || app.t('change_none');
}

function importText(text) {
  if (!S.m) return { ok: false, message: 'not ready' };
  const r = parseImport(text, S.m.course);
  if (!r.ok) return { ok: false, message: app.t(`err_${r.error}`, { kb: MAX_BYTES / 1024, detail: r.detail }) };
  if (app.readonly()) return { ok: false, message: app.t('notice_readonly') };
  const incoming = asImport(r.doc, S.doc.resetAt);
  const counts = changes(S.doc, incoming);
  commit((doc) => merge(doc, incoming));
  return { ok: true, message: app.t('imported', { changes: describe(counts) }), counts };
}

// One polite live region, shown as a small toast while it holds text (animated only if motion is welcome).
let live;
function celebrate(ids) {
  if (!live?.isConnected) document.body.append((live = el('div', { class: 'course-toast', role: 'status', 'aria-live': 'polite' })));
  live.textContent = ids.map((id) => app.t('unlocked_announce', { name: app.tr(S.m.achievements.find((a) => a.id === id).name) })).join(' ');
  clearTimeout(live.timer);
  live.timer = setTimeout(() => (live.textContent = ''), 6000);
}

function readContext(m) {
  const here = location.origin + location.pathname;
  const match = m.lessons.find((l) => new URL(l.path, ROOT).href === here);
  return { lang: LANG, lessonId: pageContext().lessonId ?? match?.id ?? null };
}

function loadManifest(url) {
  if (!manifests.has(url)) {
    manifests.set(url, fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return manifests.get(url);
}

// Apply a reader action: derive, date new unlocks, save (merging with other tabs), announce, re-render.
function commit(fn, announce = true) {
  if (app.readonly()) return render();
  const before = derive(S.doc, S.m).achievements;
  let doc = fn(S.doc);
  const after = derive(doc, S.m).achievements;
  doc = recordUnlocks(doc, after, app.now());
  if (doc !== S.doc) S.doc = S.store.save(doc);
  if (S.store.mode === 'saved' && !S.persisted) {
    S.persisted = true;
    navigator.storage?.persist?.().catch(() => {});
  }
  const fresh = after.filter((id) => !before.includes(id));
  if (announce && fresh.length && !app.quiet()) celebrate(fresh);
  render();
}

// What the views show: XP and counts from the lesson facts, and the self-check state from the answers (apart).
const derived = () => ({ ...derive(S.doc, S.m), check: selfCheck(S.doc, S.m, app.now()) });

function render() {
  if (!S.m) return;
  const d = derived();
  renderBar(app, d);
  renderToggles(app);
  renderNavMarks(app, d);
  renderSeriesProgress(app, d);
  renderMastery(app, d);
  for (const [slot, load] of Object.entries(pageViews)) {
    if (!$$(slot).length) continue;
    if (loaded[slot]) loaded[slot](app, d);
    else load().then((view) => ((loaded[slot] = view), render()), () => {});
  }
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
  if (lesson) commit((doc) => recordDay(recordVisit(doc, lesson.id, ctx.lang, app.now()), app.today(), app.now()));
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
      const d = S.m && derived();
      return d
        ? {
          xp: d.xp, level: d.level, lessonsDone: d.lessonsDone, exercisesDone: d.exercisesDone, achievements: d.achievements, quiet: app.quiet(), storage: S.store.mode,
          questionsCorrect: d.check.questionsCorrect, mastery: d.check.mastery, reviewDue: d.check.reviewDue,
        }
        : { xp: 0, level: 0, lessonsDone: [], exercisesDone: [], achievements: [], questionsCorrect: [], mastery: {}, reviewDue: [] };
    },
    export: () => exportText(S.doc, S.m?.course),
    import: importText,
  });
  if (window.document$) window.document$.subscribe(() => setup());
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
}

// The stored document of facts (no DOM, no storage): shape checks, migration and a merge that is a true union.
// Toggles are last-writer-wins registers {on, t}; other facts keep their latest time. A reset is itself a fact
// (resetAt): every fact older than it is dropped, on both sides, before merging, so no merge can undo a reset.
// Answers to self-check questions are events: answers[<lesson id>/<question id>][<version>] = {c: [times right],
// w: [times wrong]}; a merge is the union of the time sets, so the same answer is never counted twice.

export const SCHEMA = 3;
const QKEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^[0-9a-f]{6,16}$/;
const MAX_EVENTS = 5000; // answers to one question: far above any reader, a bound on hostile imports
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2}$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isTime = (v) => Number.isInteger(v) && v >= 0 && v < 1e15;
const isReg = (r) => isObj(r) && typeof r.on === 'boolean' && isTime(r.t) && Object.keys(r).length === 2;
const own = (o) => Object.keys(o);

export const emptyDoc = () => ({
  schema: SCHEMA, resetAt: 0, lessons: {}, exercises: {}, visits: {}, days: {}, unlocked: {}, prefs: {}, answers: {},
});
const isTimes = (v) => Array.isArray(v) && v.length <= MAX_EVENTS && v.every(isTime);
const isEvents = (e) => isObj(e) && own(e).every((k) => (k === 'c' || k === 'w') && isTimes(e[k]));
const isAnswers = (v) => isObj(v) && own(v).length <= 50 && own(v).every((h) => VERSION.test(h) && isEvents(v[h]));

// Check every part of a schema-3 document; keep what is valid and list what is not (never throws).
export function normalize(raw) {
  const problems = [];
  const doc = emptyDoc();
  if (!isObj(raw)) return { doc, problems: ['not an object'] };
  if (raw.schema !== SCHEMA) problems.push('schema');
  if (raw.resetAt !== undefined) isTime(raw.resetAt) ? (doc.resetAt = raw.resetAt) : problems.push('resetAt');
  const map = (name, keyOk, valOk) => {
    const src = raw[name];
    if (src === undefined) return;
    if (!isObj(src)) return problems.push(name);
    for (const k of own(src)) {
      if (keyOk.test(k) && valOk(src[k])) doc[name][k] = src[k];
      else problems.push(`${name}.${k}`);
    }
  };
  map('lessons', ID, isReg);
  map('exercises', ID, isReg);
  map('visits', ID, (v) => isObj(v) && own(v).length > 0 && own(v).every((l) => LANG.test(l) && isTime(v[l])));
  map('days', DAY, isTime);
  map('unlocked', ID, isTime);
  map('prefs', /^quiet$/, isReg);
  map('answers', QKEY, isAnswers);
  for (const k of own(raw)) if (!Object.hasOwn(doc, k) && k !== 'format') problems.push(k);
  return { doc: prune(doc), problems };
}

// Schema 1 (first release): {version: 1, completed: {id: ISO date}, exercises: [id], quiet: bool}.
// Unknown dates become time 0, which any later change overrides.
export function migrateV1(raw) {
  if (!isObj(raw) || raw.version !== 1) return null;
  const doc = emptyDoc();
  for (const [id, iso] of Object.entries(isObj(raw.completed) ? raw.completed : {})) {
    const t = Date.parse(iso);
    if (ID.test(id)) doc.lessons[id] = { on: true, t: isTime(t) ? t : 0 };
  }
  for (const id of Array.isArray(raw.exercises) ? raw.exercises : []) {
    if (typeof id === 'string' && ID.test(id)) doc.exercises[id] = { on: true, t: 0 };
  }
  if (typeof raw.quiet === 'boolean') doc.prefs.quiet = { on: raw.quiet, t: 0 };
  return doc;
}

// Schema 2 had every fact of schema 3 but answers: it reads as it is, its key left in place by the store.
export const migrateV2 = (raw) => (isObj(raw) && raw.schema === 2 ? normalize({ ...raw, schema: SCHEMA }) : null);

// Keep only the facts dated at or after the last reset (never mutates its input).
const keep = (m, f) => Object.fromEntries(Object.entries(m).flatMap(([k, v]) => ((v = f(v)) === undefined ? [] : [[k, v]])));
// `keep` through `depth` levels of maps down to lists; emptied lists and maps are dropped.
const nest = (m, depth, f) => keep(m, (v) => ((v = depth ? nest(v, depth - 1, f) : f(v)), (Array.isArray(v) ? v : own(v)).length ? v : undefined));
function prune(doc) {
  const r = doc.resetAt;
  if (!r) return doc;
  const time = (t) => (t < r ? undefined : t);
  const reg = (g) => (g.t < r ? undefined : g);
  return {
    ...doc,
    lessons: keep(doc.lessons, reg),
    exercises: keep(doc.exercises, reg),
    visits: keep(doc.visits, (v) => ((v = keep(v, time)), own(v).length ? v : undefined)),
    days: keep(doc.days, time),
    unlocked: keep(doc.unlocked, time),
    answers: nest(doc.answers, 2, (ts) => ts.filter((t) => t >= r)),
  };
}

// Later change wins; at the same instant "done" wins, so the choice does not depend on the merge order.
const mergeReg = (a, b) => (a.t !== b.t ? (a.t > b.t ? a : b) : a.on ? a : b);

function mergeMap(a, b, f) {
  const out = {};
  // A key on one side only is merged with itself, which copies it.
  for (const k of new Set([...own(a), ...own(b)])) out[k] = f(a[k] ?? b[k], b[k] ?? a[k]);
  return out;
}

const union = (p, q) => [...new Set([...p, ...q])].sort((x, y) => x - y);

// Commutative, associative, idempotent: merging two tabs, an import or another device never counts a fact twice.
export function merge(x, y) {
  const resetAt = Math.max(x.resetAt, y.resetAt);
  const [a, b] = [prune({ ...x, resetAt }), prune({ ...y, resetAt })];
  return {
    schema: SCHEMA,
    resetAt,
    lessons: mergeMap(a.lessons, b.lessons, mergeReg),
    exercises: mergeMap(a.exercises, b.exercises, mergeReg),
    visits: mergeMap(a.visits, b.visits, (p, q) => mergeMap(p, q, Math.max)),
    days: mergeMap(a.days, b.days, Math.max),
    unlocked: mergeMap(a.unlocked, b.unlocked, Math.max),
    prefs: mergeMap(a.prefs, b.prefs, mergeReg),
    answers: mergeMap(a.answers, b.answers, (p, q) => mergeMap(p, q, (x, y) => mergeMap(x, y, union))),
  };
}

// Whether `doc` holds a fact that `base` lacks (both go through merge, so key order cannot tell them apart).
export const addsTo = (base, doc) => JSON.stringify(merge(base, doc)) !== JSON.stringify(merge(base, base));

export const isOn = (reg) => !!reg && reg.on;

// The operations a reader performs; each returns a new document (the same one when nothing changes).
export const setFlag = (doc, kind, id, on, now) => ({ ...doc, [kind]: { ...doc[kind], [id]: { on, t: now } } });

export const recordDay = (doc, day, now) => (doc.days[day] >= now ? doc : { ...doc, days: { ...doc.days, [day]: now } });

export function recordVisit(doc, id, lang, now) {
  const v = doc.visits[id] || {};
  return v[lang] >= now ? doc : { ...doc, visits: { ...doc.visits, [id]: { ...v, [lang]: now } } };
}

export function recordUnlocks(doc, ids, now) {
  const fresh = ids.filter((id) => !Object.hasOwn(doc.unlocked, id));
  return fresh.length ? { ...doc, unlocked: { ...doc.unlocked, ...Object.fromEntries(fresh.map((id) => [id, now])) } } : doc;
}

// One answer to a question under its current version (a second answer in the same millisecond is the same event).
export function recordAnswer(doc, key, version, right, now) {
  const a = doc.answers[key] || {};
  const e = a[version] || {};
  const k = right ? 'c' : 'w';
  const ts = e[k] || [];
  return ts.includes(now) ? doc : { ...doc, answers: { ...doc.answers, [key]: { ...a, [version]: { ...e, [k]: union(ts, [now]) } } } };
}

export const reset = (doc, now) => prune({ ...emptyDoc(), prefs: doc.prefs, resetAt: Math.max(now, doc.resetAt) });

// An imported document joins as facts, never as a reset or a preference. Its times (every number but the schema)
// are raised to our last reset, so a backup restored after a reset is kept instead of pruned.
export const asImport = (doc, resetAt) =>
  JSON.parse(JSON.stringify({ ...doc, prefs: {} }), (k, v) => (typeof v === 'number' && k !== 'schema' ? Math.max(v, resetAt) : v));

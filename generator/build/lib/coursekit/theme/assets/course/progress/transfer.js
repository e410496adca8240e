// Moving progress in and out (no DOM): export text, strict import checks, the short share code, change summaries.
import { SCHEMA, emptyDoc, isOn, merge, migrateV1, migrateV2, normalize, recordAnswer } from './facts.js';

export const MAX_BYTES = 256 * 1024;
export const FORMAT = 'course-progress';
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function exportText(doc, course) {
  return JSON.stringify({ format: FORMAT, course, ...doc }, null, 2);
}

// Reserved keys could poison prototypes; markup could become HTML somewhere. Reject both anywhere in the tree.
function unsafe(v, depth = 0) {
  if (depth > 6) return true;
  if (typeof v === 'string') return /[<>]/.test(v);
  if (v === null || typeof v !== 'object') return false;
  return Object.keys(v).some((k) => RESERVED.has(k) || /[<>]/.test(k) || unsafe(v[k], depth + 1));
}

// -> {ok: true, doc} or {ok: false, error: 'size'|'json'|'unsafe'|'newer'|'shape', detail}; never throws.
export function parseImport(text, course) {
  if (typeof text !== 'string' || text.length > MAX_BYTES) return { ok: false, error: 'size' };
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  if (unsafe(raw)) return { ok: false, error: 'unsafe' };
  const bad = (detail) => ({ ok: false, error: 'shape', detail });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return bad('not an object');
  if (raw.course !== undefined && raw.course !== course) return bad(`course "${raw.course}"`);
  if (raw.version === 1) return { ok: true, doc: migrateV1(raw) };
  if (!Number.isInteger(raw.schema)) return bad('schema');
  if (raw.schema > SCHEMA) return { ok: false, error: 'newer' };
  const { course: _c, ...rest } = raw;
  const { doc, problems } = raw.schema === 2 ? migrateV2(rest) : normalize(rest);
  return problems.length ? bad(problems.slice(0, 3).join(', ')) : { ok: true, doc };
}

// Short code: completed lessons and exercises as base-36 bit masks by lesson number, one pair per series in the
// manifest's order, then the self-check questions whose last answer was right, as one mask in the manifest's
// order of questions: "3-sf-7.3-1--2bz". Codes "2-…" (no questions) and "1-sf-7" (one series) still read.
const masks = (doc, lessons) => {
  const mask = (pick) => lessons.reduce((m, l) => (pick(l) ? m | (1n << BigInt(l.number - 1)) : m), 0n).toString(36);
  return `${mask((l) => isOn(doc.lessons[l.id]))}-${mask((l) => l.exercise && isOn(doc.exercises[l.exercise]))}`;
};

const questionKeys = (lessons) => lessons.flatMap((l) => (l.questions || []).map((q) => [`${l.id}/${q.id}`, q.v]));

export function encodeCode(doc, lessons, series, states = {}) {
  const qs = questionKeys(lessons).reduce((m, [k], i) => (states[k]?.last ? m | (1n << BigInt(i)) : m), 0n);
  return `3-${series.map((s) => masks(doc, lessons.filter((l) => l.series === s.id))).join('.')}--${qs.toString(36)}`;
}

export function decodeCode(code, lessons, series, now) {
  const text = String(code).trim().toLowerCase();
  const m = /^([123])-([0-9a-z]{1,12}-[0-9a-z]{1,12}(?:\.[0-9a-z]{1,12}-[0-9a-z]{1,12})*)(?:--([0-9a-z]{1,80}))?$/.exec(text);
  if (!m || (m[1] === '1' && m[2].includes('.')) || (m[1] === '3') !== (m[3] !== undefined)) return null;
  const bits = (s) => [...s].reduce((n, c) => n * 36n + BigInt(parseInt(c, 36)), 0n);
  let doc = emptyDoc();
  // A question answered right on the other device arrives as one right answer now, under the current version.
  const right = m[3] ? bits(m[3]) : 0n;
  questionKeys(lessons).forEach(([k, v], i) => {
    if (right & (1n << BigInt(i))) doc = recordAnswer(doc, k, v, true, now);
  });
  m[2].split('.').forEach((pair, i) => {
    const [c, e] = pair.split('-').map(bits);
    for (const l of lessons.filter((l) => l.series === series[i]?.id)) {
      const bit = 1n << BigInt(l.number - 1);
      if (c & bit) doc.lessons[l.id] = { on: true, t: now };
      if (e & bit && l.exercise) doc.exercises[l.exercise] = { on: true, t: now };
    }
  });
  return doc;
}

// What a merge would add, counted per kind of fact.
export function changes(before, incoming) {
  const after = merge(before, incoming);
  const gained = (k) => Object.keys(after[k]).filter((id) => isOn(after[k][id]) && !isOn(before[k][id])).length;
  const visits = (d) => Object.values(d.visits).reduce((n, v) => n + Object.keys(v).length, 0);
  const answers = (d) => Object.values(d.answers).flatMap(Object.values).reduce((n, e) => n + (e.c?.length || 0) + (e.w?.length || 0), 0);
  return {
    lessons: gained('lessons'),
    exercises: gained('exercises'),
    visits: visits(after) - visits(before),
    days: Object.keys(after.days).length - Object.keys(before.days).length,
    answers: answers(after) - answers(before),
  };
}

// Moving progress in and out (no DOM): export text, strict import checks, the short share code, change summaries.
import { SCHEMA, emptyDoc, isOn, merge, migrateV1, normalize } from './facts.js';

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
  const { doc, problems } = normalize(rest);
  return problems.length ? bad(problems.slice(0, 3).join(', ')) : { ok: true, doc };
}

// Short code: completed lessons and exercises as base-36 bit masks by lesson number, one pair per series in the
// manifest's order: "2-sf-7.3-1". Codes from the one-series site ("1-sf-7") still read, as the first series.
const masks = (doc, lessons) => {
  const mask = (pick) => lessons.reduce((m, l) => (pick(l) ? m | (1n << BigInt(l.number - 1)) : m), 0n).toString(36);
  return `${mask((l) => isOn(doc.lessons[l.id]))}-${mask((l) => l.exercise && isOn(doc.exercises[l.exercise]))}`;
};

export function encodeCode(doc, lessons, series) {
  return `2-${series.map((s) => masks(doc, lessons.filter((l) => l.series === s.id))).join('.')}`;
}

export function decodeCode(code, lessons, series, now) {
  const text = String(code).trim().toLowerCase();
  const m = /^([12])-([0-9a-z]{1,12}-[0-9a-z]{1,12}(?:\.[0-9a-z]{1,12}-[0-9a-z]{1,12})*)$/.exec(text);
  if (!m || (m[1] === '1' && m[2].includes('.'))) return null;
  const bits = (s) => [...s].reduce((n, c) => n * 36n + BigInt(parseInt(c, 36)), 0n);
  const doc = emptyDoc();
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
  return {
    lessons: gained('lessons'),
    exercises: gained('exercises'),
    visits: visits(after) - visits(before),
    days: Object.keys(after.days).length - Object.keys(before.days).length,
  };
}

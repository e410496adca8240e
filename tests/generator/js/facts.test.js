import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEMA, addsTo, asImport, emptyDoc, merge, migrateV1, normalize, recordDay, recordVisit, reset, setFlag } from '../../../generator/coursekit/theme/assets/course/progress/facts.js';

const a = recordVisit(setFlag(setFlag(emptyDoc(), 'lessons', 'alpha', true, 10), 'exercises', 'alpha-exercise', true, 12), 'alpha', 'en', 5);
const b = recordDay(recordVisit(setFlag(emptyDoc(), 'lessons', 'beta', true, 20), 'alpha', 'ko', 7), '2026-11-26', 20);
const c = setFlag(setFlag(emptyDoc(), 'lessons', 'alpha', true, 3), 'lessons', 'alpha', false, 30);

test('merge is a union: facts from both sides survive', () => {
  const m = merge(a, b);
  assert.deepEqual(Object.keys(m.lessons).sort(), ['alpha', 'beta']);
  assert.deepEqual(m.visits.alpha, { en: 5, ko: 7 });
  assert.equal(m.exercises['alpha-exercise'].on, true);
});

test('merge never counts twice: merging a state with itself changes nothing', () => {
  assert.deepEqual(merge(a, a), merge(a, emptyDoc()));
  assert.deepEqual(merge(merge(a, b), b), merge(a, b));
});

test('merge order does not matter', () => {
  assert.deepEqual(merge(a, b), merge(b, a));
  assert.deepEqual(merge(merge(a, b), c), merge(a, merge(b, c)));
});

test('the later toggle wins, whichever side it comes from', () => {
  assert.equal(merge(a, c).lessons.alpha.on, false);
  assert.equal(merge(c, a).lessons.alpha.on, false);
  const again = merge(merge(a, c), setFlag(emptyDoc(), 'lessons', 'alpha', true, 40));
  assert.deepEqual(again.lessons.alpha, { on: true, t: 40 });
});

test('at the same instant, done wins over not done', () => {
  const off = setFlag(emptyDoc(), 'lessons', 'alpha', false, 50);
  const on = setFlag(emptyDoc(), 'lessons', 'alpha', true, 50);
  assert.equal(merge(off, on).lessons.alpha.on, true);
  assert.equal(merge(on, off).lessons.alpha.on, true);
});

test('a reset is not undone by merging with a stale tab', () => {
  const cleared = reset(a, 100);
  const m = merge(cleared, a);
  assert.deepEqual(m.lessons, {});
  assert.deepEqual(m.visits, {});
  const later = setFlag(a, 'lessons', 'beta', true, 150); // the stale tab acts after the reset
  assert.deepEqual(Object.keys(merge(cleared, later).lessons), ['beta']);
});

test('an imported backup is kept even when older than a reset', () => {
  const cleared = reset(emptyDoc(), 100);
  const m = merge(cleared, asImport(a, cleared.resetAt));
  assert.equal(m.lessons.alpha.on, true);
  assert.equal(m.resetAt, 100);
});

test('quiet mode is a preference that a reset keeps', () => {
  const q = setFlag(emptyDoc(), 'prefs', 'quiet', true, 5);
  assert.equal(reset(q, 10).prefs.quiet.on, true);
});

const normalizeCases = [
  ['a valid document has no problems', JSON.parse(JSON.stringify(merge(a, b))), []],
  ['wrong types are reported and dropped', { schema: SCHEMA, lessons: { alpha: { on: 'yes', t: 1 }, beta: { on: true, t: 2 } } }, ['lessons.alpha']],
  ['a list where a map belongs', { schema: SCHEMA, lessons: [] }, ['lessons']],
  ['ids must be kebab-case', { schema: SCHEMA, visits: { '<b>x</b>': { en: 1 } } }, ['visits.<b>x</b>']],
  ['unknown fields are reported', { schema: SCHEMA, xp: 99999 }, ['xp']],
  ['not an object at all', 'hello', ['not an object']],
];

for (const [name, raw, problems] of normalizeCases) {
  test(`normalize: ${name}`, () => assert.deepEqual(normalize(raw).problems, problems));
}

test('normalize keeps the valid part of a damaged document', () => {
  const { doc } = normalize({ schema: SCHEMA, lessons: { alpha: { on: 'yes', t: 1 }, beta: { on: true, t: 2 } } });
  assert.deepEqual(doc.lessons, { beta: { on: true, t: 2 } });
});

test('schema 1 data migrates with nothing lost', () => {
  const v1 = { version: 1, completed: { alpha: '2026-01-02T03:04:05Z', beta: 'unknown' }, exercises: ['alpha-exercise'], quiet: true };
  const doc = migrateV1(v1);
  assert.deepEqual(doc.lessons.alpha, { on: true, t: Date.parse('2026-01-02T03:04:05Z') });
  assert.equal(doc.lessons.beta.on, true);
  assert.equal(doc.exercises['alpha-exercise'].on, true);
  assert.equal(doc.prefs.quiet.on, true);
  assert.deepEqual(normalize(JSON.parse(JSON.stringify(doc))).problems, []);
});

test('inherited names at the top level are reported, not trusted', () => {
  assert.deepEqual(normalize({ schema: SCHEMA, toString: 1 }).problems, ['toString']);
});

// Random documents from a fixed seed: the merge laws hold for many shapes, reproducibly.
function randomDoc(seed) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  let doc = emptyDoc();
  for (let i = 0; i < 8; i++) {
    const time = 1 + Math.floor(next() * 50);
    const id = pick(['alpha', 'beta', 'gamma']);
    const action = pick(['lesson', 'exercise', 'visit', 'day', 'reset']);
    if (action === 'lesson') doc = setFlag(doc, 'lessons', id, next() < 0.7, time);
    if (action === 'exercise') doc = setFlag(doc, 'exercises', `${id}-exercise`, next() < 0.7, time);
    if (action === 'visit') doc = recordVisit(doc, id, pick(['en', 'ko']), time);
    if (action === 'day') doc = recordDay(doc, pick(['2026-01-01', '2026-01-02']), time);
    if (action === 'reset' && next() < 0.3) doc = reset(doc, time);
  }
  return doc;
}

test('merge laws hold for 200 random documents', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const [x, y, z] = [randomDoc(seed), randomDoc(seed + 1000), randomDoc(seed + 2000)];
    assert.deepEqual(merge(x, y), merge(y, x), `commutative, seed ${seed}`);
    assert.deepEqual(merge(merge(x, y), z), merge(x, merge(y, z)), `associative, seed ${seed}`);
    const xy = merge(x, y);
    assert.deepEqual(merge(xy, xy), xy, `idempotent, seed ${seed}`);
  }
});

test('addsTo tells whether a document holds a fact the other lacks, whatever its key order', () => {
  assert.equal(addsTo(b, a), true);
  assert.equal(addsTo(merge(a, b), a), false);
  assert.equal(addsTo(a, a), false);
  const reordered = JSON.parse(JSON.stringify({ ...a, lessons: a.lessons, schema: a.schema }));
  assert.equal(addsTo(reordered, a), false);
  assert.equal(addsTo(a, setFlag(a, 'lessons', 'alpha', false, 99)), true); // a later toggle is news too
});

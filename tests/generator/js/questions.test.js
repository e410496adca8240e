// Self-check answers: Leitner scheduling, mastery, versions, merge laws with answer events, imports and the code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyDoc, merge, migrateV2, normalize, recordAnswer, reset } from '../../../generator/coursekit/theme/assets/course/progress/facts.js';
import { DAY, replay, selfCheck } from '../../../generator/coursekit/theme/assets/course/progress/rules.js';
import { changes, decodeCode, encodeCode, parseImport } from '../../../generator/coursekit/theme/assets/course/progress/transfer.js';

const manifest = {
  series: [{ id: 'main' }],
  lessons: [
    { id: 'alpha', series: 'main', number: 1, questions: [{ id: 'q1', v: 'aaaaaaaa' }, { id: 'q2', v: 'bbbbbbbb' }] },
    { id: 'beta', series: 'main', number: 2, questions: [] },
    { id: 'gamma', series: 'main', number: 3, questions: [{ id: 'q1', v: 'cccccccc' }] },
  ],
};
const T0 = 1_700_000_000_000;
const answer = (doc, key, right, t, v) => recordAnswer(doc, key, v ?? { 'alpha/q1': 'aaaaaaaa', 'alpha/q2': 'bbbbbbbb', 'gamma/q1': 'cccccccc' }[key], right, t);

test('a right answer moves a question up one box at a time: due after 1, 3, 7, then every 21 days', () => {
  let doc = emptyDoc();
  let t = T0;
  const waits = [];
  for (let i = 0; i < 5; i++) {
    doc = answer(doc, 'alpha/q1', true, t);
    const s = replay(doc.answers['alpha/q1'].aaaaaaaa);
    waits.push((s.due - t) / DAY);
    t = s.due; // answered exactly when due
  }
  assert.deepEqual(waits, [1, 3, 7, 21, 21]);
});

test('a wrong answer sends a question back to box 1; answering again before it is due does not move it up', () => {
  let doc = answer(answer(answer(emptyDoc(), 'alpha/q1', true, T0), 'alpha/q1', true, T0 + DAY), 'alpha/q1', true, T0 + 4 * DAY);
  assert.equal(replay(doc.answers['alpha/q1'].aaaaaaaa).box, 3);
  doc = answer(doc, 'alpha/q1', false, T0 + 12 * DAY);
  let s = replay(doc.answers['alpha/q1'].aaaaaaaa);
  assert.deepEqual([s.box, s.due, s.last], [1, T0 + 13 * DAY, false]);
  doc = answer(doc, 'alpha/q1', true, T0 + 12 * DAY + 1000); // a retry on the spot: right now, but not due
  s = replay(doc.answers['alpha/q1'].aaaaaaaa);
  assert.deepEqual([s.box, s.due, s.last, s.ever], [1, T0 + 13 * DAY, true, true]);
});

test('mastery counts each lesson\'s questions whose last answer is right; due lists what waits, oldest first', () => {
  let doc = answer(emptyDoc(), 'alpha/q1', true, T0);
  doc = answer(doc, 'alpha/q2', false, T0 + 5);
  doc = answer(doc, 'gamma/q1', false, T0 + 10);
  doc = answer(doc, 'gamma/q1', true, T0 + 20);
  const now = selfCheck(doc, manifest, T0 + 100);
  assert.deepEqual(now.mastery, { alpha: 0.5, gamma: 1 });
  assert.deepEqual(now.questionsCorrect, ['alpha/q1', 'gamma/q1']);
  assert.deepEqual(now.reviewDue, []);
  assert.deepEqual(now.lessons.alpha, { correct: 1, total: 2, due: 0, answered: 2 });
  assert.equal(now.next, T0 + DAY);
  const later = selfCheck(doc, manifest, T0 + 2 * DAY);
  assert.deepEqual(later.reviewDue, ['alpha/q1', 'alpha/q2', 'gamma/q1']);
  assert.equal(later.lessons.beta, undefined); // a lesson without questions has no mastery
});

test('answers under another version of a question (the author edited it) do not count', () => {
  const doc = answer(answer(emptyDoc(), 'alpha/q1', true, T0, '0123abcd'), 'alpha/q2', true, T0);
  const r = selfCheck(doc, manifest, T0 + 1);
  assert.deepEqual(r.questionsCorrect, ['alpha/q2']);
  assert.equal(r.mastery.alpha, 0.5);
  assert.deepEqual(doc.answers['alpha/q1'], { '0123abcd': { c: [T0] } }); // kept, in case the edit is undone
});

test('merging answers is a union of events: commutative, associative, idempotent, never counting twice', () => {
  const a = answer(answer(emptyDoc(), 'alpha/q1', false, T0), 'alpha/q1', true, T0 + 1);
  const b = answer(answer(emptyDoc(), 'alpha/q1', true, T0 + 1), 'gamma/q1', true, T0 + 2);
  const c = answer(emptyDoc(), 'alpha/q1', true, T0 + DAY * 2);
  assert.deepEqual(merge(a, b), merge(b, a));
  assert.deepEqual(merge(merge(a, b), c), merge(a, merge(b, c)));
  assert.deepEqual(merge(a, a), merge(a, emptyDoc()));
  const ab = merge(a, b);
  assert.deepEqual(ab.answers['alpha/q1'].aaaaaaaa, { c: [T0 + 1], w: [T0] }); // the same answer once
  assert.deepEqual(changes(a, b).answers, 1);
  assert.deepEqual(changes(ab, b).answers, 0);
});

test('a reset drops earlier answers on both sides of a merge', () => {
  const old = answer(emptyDoc(), 'alpha/q1', true, T0);
  const cleared = reset(old, T0 + 10);
  assert.deepEqual(cleared.answers, {});
  assert.deepEqual(merge(cleared, old).answers, {});
});

test('schema 2 migrates to 3 with every fact kept and no answers', () => {
  const v2 = { schema: 2, resetAt: 0, lessons: { alpha: { on: true, t: 5 } }, exercises: {}, visits: {}, days: {}, unlocked: {}, prefs: {} };
  const { doc, problems } = migrateV2(v2);
  assert.deepEqual(problems, []);
  assert.deepEqual(doc, { ...v2, schema: 3, answers: {} });
  assert.equal(parseImport(JSON.stringify(v2), 'c').ok, true);
});

const hostile = {
  'a version that is not a hash': { 'alpha/q1': { 'not-hex!': { c: [1] } } },
  'a time that is not a time': { 'alpha/q1': { aaaaaaaa: { c: ['soon'] } } },
  'an unknown kind of event': { 'alpha/q1': { aaaaaaaa: { c: [1], maybe: [2] } } },
  'a key that is no question id': { '../../x': { aaaaaaaa: { c: [1] } } },
  'far too many events': { 'alpha/q1': { aaaaaaaa: { c: Array.from({ length: 6000 }, (_, i) => i) } } },
};
for (const [name, answers] of Object.entries(hostile)) {
  test(`an import with ${name} is rejected`, () => {
    assert.equal(normalize({ ...emptyDoc(), answers }).problems.length > 0, true);
    const r = parseImport(JSON.stringify({ schema: 3, answers }), 'c');
    assert.equal(r.ok, false);
  });
}

test('the share code carries the questions whose last answer was right, as right answers now', () => {
  let doc = answer(emptyDoc(), 'alpha/q2', true, T0);
  doc = answer(doc, 'gamma/q1', false, T0);
  const code = encodeCode(doc, manifest.lessons, manifest.series, selfCheck(doc, manifest, T0).states);
  assert.equal(code, '3-0-0--2'); // question 2 of 3 in the manifest's order
  const back = decodeCode(code, manifest.lessons, manifest.series, T0 + 50);
  assert.deepEqual(back.answers, { 'alpha/q2': { bbbbbbbb: { c: [T0 + 50] } } });
  assert.equal(decodeCode('3-0-0', manifest.lessons, manifest.series, 1), null); // a 3- code has its question part
  assert.notEqual(decodeCode('2-0-0', manifest.lessons, manifest.series, 1), null); // older codes still read
});

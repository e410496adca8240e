import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyDoc, recordDay, recordVisit, setFlag } from '../../../generator/coursekit/theme/assets/course/progress/facts.js';
import { derive } from '../../../generator/coursekit/theme/assets/course/progress/rules.js';
import { manifest } from './fixtures.js';

const complete = (doc, id, t = 1) => setFlag(doc, 'lessons', id, true, t);
const exercise = (doc, id, t = 1) => setFlag(doc, 'exercises', `${id}-exercise`, true, t);

const cases = [
  ['nothing done is level 0 Spark at 0 XP', emptyDoc(), { xp: 0, level: 0, toGo: 200, percent: 0 }],
  ['one lesson is 100 XP', complete(emptyDoc(), 'alpha'), { xp: 100, level: 0, toGo: 100, percent: 22 }],
  ['every series counts its own lessons', complete(emptyDoc(), 'gamma'),
    { lessonsTotal: 3, series: { main: { done: 0, total: 2 }, extra: { done: 1, total: 1 } } }],
  ['two lessons reach level 1', complete(complete(emptyDoc(), 'alpha'), 'beta'), { xp: 200, level: 1, toGo: 250 }],
  ['finishing everything reaches the top level', ['alpha', 'beta', 'gamma'].reduce((d, id) => exercise(complete(d, id), id), emptyDoc()),
    { xp: 450, level: 2, nextXp: null, toGo: 0, percent: 100 }],
  ['an unmarked lesson gives no XP', setFlag(complete(emptyDoc(), 'alpha', 1), 'lessons', 'alpha', false, 2), { xp: 0 }],
  ['lessons not in the manifest are kept but not counted', complete(emptyDoc(), 'removed-lesson'), { xp: 0, lessonsDone: [] }],
];

for (const [name, doc, expected] of cases) {
  test(name, () => {
    const d = derive(doc, manifest);
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(d[k], v, k);
  });
}

test('changing the XP rules recomputes from the same facts', () => {
  const doc = exercise(complete(emptyDoc(), 'alpha'), 'alpha');
  assert.equal(derive(doc, manifest).xp, 150);
  assert.equal(derive(doc, { ...manifest, xp: { lesson_completed: 10, exercise_done: 5 } }).xp, 15);
});

const achievementCases = [
  ['first lesson', complete(emptyDoc(), 'alpha'), ['first']],
  ['listed lessons all done', complete(complete(emptyDoc(), 'beta'), 'alpha'), ['first', 'pair']],
  ['one listed lesson is not enough', complete(emptyDoc(), 'beta'), ['first']],
  ['a rule over no lessons is never earned', ['alpha', 'beta', 'gamma'].reduce((d, id) => complete(d, id), emptyDoc()), ['first', 'pair']],
  ['visits in two languages', recordVisit(recordVisit(emptyDoc(), 'alpha', 'en', 1), 'beta', 'ko', 2), ['both-langs']],
  ['lesson with its exercise', exercise(complete(emptyDoc(), 'gamma'), 'gamma'), ['first', 'thorough']],
  ['exercise without the lesson', exercise(emptyDoc(), 'gamma'), []],
  ['study on two days', recordDay(recordDay(emptyDoc(), '2026-01-01', 1), '2026-03-09', 2), ['days']],
  ['the same day twice counts once', recordDay(recordDay(emptyDoc(), '2026-01-01', 1), '2026-01-01', 2), []],
];

for (const [name, doc, expected] of achievementCases) {
  test(`achievements: ${name}`, () => assert.deepEqual(derive(doc, manifest).achievements, expected));
}

test('a course without gamification (default levels, no achievements, a lesson without exercise) reaches 100%', () => {
  const plain = {
    ...manifest,
    gamified: false,
    xp: { lesson_completed: 10, exercise_done: 5 },
    levels: [{ level: 0, xp: 0, name: { en: 'Getting started' } }, { level: 1, xp: 25, name: { en: 'Course complete' } }],
    achievements: [],
    lessons: manifest.lessons.slice(0, 2).map((l, i) => (i === 1 ? { ...l, exercise: null } : l)),
  };
  const none = derive(emptyDoc(), plain);
  assert.deepEqual([none.achievements, none.achievementsTotal, none.percent], [[], 0, 0]);
  const all = derive(complete(exercise(complete(emptyDoc(), 'alpha'), 'alpha'), 'beta'), plain);
  assert.deepEqual([all.xp, all.level, all.percent, all.exercisesDone], [25, 1, 100, ['alpha-exercise']]);
});

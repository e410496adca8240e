// A reader's progress saved by the one-series site keeps every fact on the site of several series.
// fixtures/progress-v2-0b67fdf.json was written by the progress code of commit 0b67fdf (facts.js and transfer.js as
// they were then): four lessons completed, one lesson un-marked, two exercises, visits in two languages, four days.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { merge, migrateV2 } from '../../../generator/coursekit/theme/assets/course/progress/facts.js';
import { parseImport } from '../../../generator/coursekit/theme/assets/course/progress/transfer.js';
import { derive } from '../../../generator/coursekit/theme/assets/course/progress/rules.js';

const text = readFileSync(new URL('./fixtures/progress-v2-0b67fdf.json', import.meta.url), 'utf8');
const { format, course, ...stored } = JSON.parse(text);

// Schema 3 added answers to self-check questions; a schema-2 document migrates with every fact kept.
const asV3 = { ...stored, schema: 3, answers: {} };

test('the stored document reads with no problem and every fact kept', () => {
  const { doc, problems } = migrateV2(stored);
  assert.deepEqual(problems, []);
  assert.deepEqual(doc, asV3);
});

test('the exported file imports on the new site', () => {
  const r = parseImport(text, 'diffusion-course');
  assert.equal(r.ok, true);
  assert.deepEqual(merge(r.doc, r.doc), asV3);
});

test('its facts count on a site of two series', () => {
  const lesson = (id, series, number) => ({ id, series, number, path: `${series}/${number}/`, title: {}, exercise: `${id}-exercise` });
  const m = {
    xp: { lesson_completed: 100, exercise_done: 50 },
    levels: [{ level: 0, xp: 0, name: {} }, { level: 1, xp: 1050, name: {} }, { level: 2, xp: 2100, name: {} }],
    achievements: [{ id: 'first-step', rule: { count: 'lessons_completed', at_least: 1 } }],
    series: [{ id: 'diffusion' }, { id: 'foundations' }],
    lessons: [
      ...['what-a-generative-model-learns', 'diffusion-intuition', 'forward-process', 'signal-to-noise', 'spectral-view']
        .map((id, i) => lesson(id, 'diffusion', i + 1)),
      lesson('gaussians', 'foundations', 1),
    ],
  };
  const d = derive(migrateV2(stored).doc, m);
  assert.deepEqual(d.lessonsDone, ['what-a-generative-model-learns', 'diffusion-intuition', 'forward-process', 'signal-to-noise']);
  assert.equal(d.xp, 4 * 100 + 2 * 50);
  assert.deepEqual(d.series, { diffusion: { done: 4, total: 5 }, foundations: { done: 0, total: 1 } });
  assert.equal(d.counts.languages_visited, 2);
});

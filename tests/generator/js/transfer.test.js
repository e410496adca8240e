import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyDoc, setFlag } from '../../../generator/coursekit/theme/assets/course/progress/facts.js';
import { MAX_BYTES, changes, decodeCode, encodeCode, exportText, parseImport } from '../../../generator/coursekit/theme/assets/course/progress/transfer.js';
import { manifest } from './fixtures.js';

const doc = setFlag(setFlag(emptyDoc(), 'lessons', 'alpha', true, 10), 'exercises', 'gamma-exercise', true, 11);
const good = exportText(doc, 'test-course');

test('an exported file imports back to the same facts', () => {
  assert.deepEqual(parseImport(good, 'test-course'), { ok: true, doc });
});

const rejects = [
  ['not JSON', 'this is not json', 'json'],
  ['several megabytes', `{"schema":2,"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`, 'size'],
  ['just over the limit', 'x'.repeat(MAX_BYTES + 1), 'size'],
  ['a JSON array', '[1,2,3]', 'shape'],
  ['a JSON string', '"hello"', 'shape'],
  ['no schema', '{"lessons":{}}', 'shape'],
  ['wrong types', '{"schema":2,"lessons":{"alpha":{"on":1,"t":"x"}}}', 'shape'],
  ['another course', '{"schema":2,"course":"other-course"}', 'shape'],
  ['a newer schema', '{"schema":4,"course":"test-course"}', 'newer'],
  ['__proto__ keys', '{"schema":2,"__proto__":{"polluted":true}}', 'unsafe'],
  ['nested __proto__ keys', '{"schema":2,"lessons":{"__proto__":{"on":true,"t":1}}}', 'unsafe'],
  ['constructor keys', '{"schema":2,"prefs":{"constructor":{"prototype":{}}}}', 'unsafe'],
  ['HTML in strings', '{"schema":2,"course":"<img src=x onerror=alert(1)>"}', 'unsafe'],
  ['HTML in keys', '{"schema":2,"visits":{"<script>":{"en":1}}}', 'unsafe'],
];

for (const [name, text, error] of rejects) {
  test(`import rejects ${name}`, () => {
    const r = parseImport(text, 'test-course');
    assert.equal(r.ok, false);
    assert.equal(r.error, error);
    assert.equal({}.polluted, undefined);
  });
}

test('a schema 1 file is accepted and migrated', () => {
  const r = parseImport('{"version":1,"completed":{"beta":"2026-01-01T00:00:00Z"},"exercises":[]}', 'test-course');
  assert.equal(r.ok, true);
  assert.equal(r.doc.lessons.beta.on, true);
});

const { lessons, series } = manifest;

test('the share code carries completed lessons and exercises of every series', () => {
  const code = encodeCode(doc, lessons, series);
  assert.equal(code, '3-1-0.0-1--0'); // alpha is lesson 1 of "main"; gamma is lesson 1 of "extra"; no questions
  const back = decodeCode(code, lessons, series, 99);
  assert.deepEqual(Object.keys(back.lessons), ['alpha']);
  assert.deepEqual(Object.keys(back.exercises), ['gamma-exercise']);
});

test('a lesson numbered 1 in two series keeps its own bit', () => {
  const both = setFlag(setFlag(emptyDoc(), 'lessons', 'alpha', true, 1), 'lessons', 'gamma', true, 1);
  assert.deepEqual(Object.keys(decodeCode(encodeCode(both, lessons, series), lessons, series, 2).lessons).sort(), ['alpha', 'gamma']);
});

test('a code from the one-series site (1-…) still reads, as the first series', () => {
  const back = decodeCode('1-3-2', lessons, series, 5);
  assert.deepEqual(Object.keys(back.lessons), ['alpha', 'beta']);
  assert.deepEqual(Object.keys(back.exercises), ['beta-exercise']);
});

for (const bad of ['', 'hello', '3-1-1', '1-1', '1-1-1.1-1', '1-<b>-1', '1-zzzzzzzzzzzzzz-1', '2-1-1.']) {
  test(`the share code ${JSON.stringify(bad)} is rejected`, () => assert.equal(decodeCode(bad, lessons, series, 1), null));
}

test('changes counts only what is new', () => {
  const counts = changes(doc, setFlag(setFlag(emptyDoc(), 'lessons', 'alpha', true, 5), 'lessons', 'beta', true, 6));
  assert.deepEqual(counts, { lessons: 1, exercises: 0, visits: 0, days: 0, answers: 0 });
});

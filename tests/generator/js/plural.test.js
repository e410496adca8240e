import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format, pluralCategory } from '../../../generator/coursekit/theme/assets/course/progress/dom.js';

const exercises = { one: '{n} exercise', other: '{n} exercises' };

const cases = [
  ['English one', exercises, { n: 1 }, { lang: 'en', count: 1 }, '1 exercise'],
  ['English other', exercises, { n: 2 }, { lang: 'en', count: 2 }, '2 exercises'],
  ['English zero is other', exercises, { n: 0 }, { lang: 'en', count: 0 }, '0 exercises'],
  ['Korean has only other', { other: '연습 {n}개' }, { n: 1 }, { lang: 'ko', count: 1 }, '연습 1개'],
  ['a form the language lacks falls back to other', exercises, { n: 1 }, { lang: 'ko', count: 1 }, '1 exercises'],
  ['no count gives other', exercises, { n: 1 }, { lang: 'en' }, '1 exercises'],
  ['a plain string is filled as before', 'Due now: {n}', { n: 1 }, { lang: 'en', count: 1 }, 'Due now: 1'],
  ['a missing placeholder is empty', '{a}-{b}', { a: 'x' }, {}, 'x-'],
];

for (const [name, value, vars, options, expected] of cases) {
  test(name, () => assert.equal(format(value, vars, options), expected));
}

test('categories come from the browser\'s CLDR rules', () => {
  assert.deepEqual([1, 2, 21].map((n) => pluralCategory('en', n)), ['one', 'other', 'other']);
  assert.deepEqual([1, 2, 5].map((n) => pluralCategory('ru', n)), ['one', 'few', 'many']);
  assert.equal(pluralCategory('ko', 1), 'other');
});

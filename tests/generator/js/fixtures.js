// A small manifest in the shape the build emits (two series, three lessons, three levels, a few rules).
export const manifest = {
  course: 'test-course',
  lang: 'en',
  languages: ['en', 'ko'],
  xp: { lesson_completed: 100, exercise_done: 50 },
  levels: [
    { level: 0, xp: 0, name: { en: 'Spark', ko: '불씨' } },
    { level: 1, xp: 200, name: { en: 'One', ko: '하나' } },
    { level: 2, xp: 450, name: { en: 'Top', ko: '끝' } },
  ],
  achievements: [
    { id: 'first', rule: { count: 'lessons_completed', at_least: 1 } },
    { id: 'pair', rule: { lessons: ['alpha', 'beta'] } },
    { id: 'nothing-yet', rule: { lessons: [] } },
    { id: 'both-langs', rule: { count: 'languages_visited', at_least: 2 } },
    { id: 'thorough', rule: { count: 'lessons_with_exercise', at_least: 1 } },
    { id: 'days', rule: { count: 'days_learned', at_least: 2 } },
  ].map((a) => ({ ...a, icon: '*', name: { en: a.id, ko: a.id }, description: { en: a.id, ko: a.id } })),
  lessons: [
    { id: 'alpha', series: 'main', number: 1, path: 'lessons/01-alpha/', title: { en: 'A' }, exercise: 'alpha-exercise' },
    { id: 'beta', series: 'main', number: 2, path: 'lessons/02-beta/', title: { en: 'B' }, exercise: 'beta-exercise' },
    { id: 'gamma', series: 'extra', number: 1, path: 'extra/01-gamma/', title: { en: 'C' }, exercise: 'gamma-exercise' },
  ],
  series: [{ id: 'main', title: { en: 'Main' } }, { id: 'extra', title: { en: 'Extra' } }],
  strings: {},
};

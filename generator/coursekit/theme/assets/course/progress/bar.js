// The header bar on every page: level, XP, lessons and achievements across every series, and the level meter.
// A course without gamification (manifest `gamified: false`) shows lessons done and the share done only; a course
// with no achievements shows no achievements count.
import { $$, el } from './dom.js';

export function renderBar(app, d) {
  const { t, tr } = app;
  const levels = app.m.levels;
  const lo = d.nextXp === null ? 0 : levels[d.level].xp;
  const hi = d.nextXp ?? d.xp;
  const game = app.m.gamified !== false;
  const next = d.nextXp === null ? t('top') : t('next', { xp: d.xp, next: d.nextXp, left: d.toGo });
  const pct = t('percent', { percent: d.percent });
  const meter = game ? `${next}; ${pct}` : pct;
  const q = app.quiet();
  const hideGame = q || !game;
  const stat = (name, text, hidden) => el('span', { class: 'course-stat', 'data-course-stat': name, hidden }, text);
  const fill = el('span', { class: 'course-meter__fill' });
  fill.style.setProperty('--p', hi > lo ? (d.xp - lo) / (hi - lo) : 1);
  const notices = [...app.store.notices].map((n) => {
    const [kind, key] = n.split(/:(.*)/);
    return el('p', { class: 'course-notice', role: 'status' }, t(`notice_${kind}`, { key }));
  });
  for (const slot of $$('[data-course-slot="bar"]')) {
    slot.replaceChildren(
      el('div', { class: 'course-stats' },
        stat('level', t('level', { level: d.level, name: tr(d.levelName) }), hideGame),
        stat('xp', t('xp', { xp: d.xp }), hideGame),
        stat('lessons', t('lessons', { done: d.lessonsDone.length, total: d.lessonsTotal })),
        stat('achievements', t('achievements', { done: d.achievements.length, total: d.achievementsTotal }),
          hideGame || !d.achievementsTotal),
        q ? el('span', { class: 'course-stat' }, t('quiet_bar')) : '',
        // Questions due for review: a quiet link, absent when none are due and in quiet mode.
        !q && app.m.review && d.check.reviewDue.length
          ? el('a', { class: 'course-stat', 'data-course-stat': 'due', href: new URL(app.m.review, app.root).href }, t('due', { n: d.check.reviewDue.length }))
          : ''),
      el('div', { class: 'course-level', hidden: q },
        el('div', {
          class: 'course-meter', role: 'progressbar', 'aria-label': t('bar_label'), 'aria-valuemin': lo,
          'aria-valuemax': hi, 'aria-valuenow': d.xp, 'aria-valuetext': meter,
        }, fill),
        el('span', { class: 'course-next' }, game ? `${next} · ${pct}` : pct)),
      ...notices);
  }
}

// Marks on completed lessons wherever they are listed: the nav, and each series' count on the home page.
import { $$, el } from './dom.js';

export function renderNavMarks(app, d) {
  const done = new Set(app.m.lessons.filter((l) => d.lessonsDone.includes(l.id)).map((l) => new URL(l.path, app.root).pathname));
  for (const a of $$('a.md-nav__link[href]')) {
    const url = new URL(a.getAttribute('href'), location.href);
    const on = !url.hash && done.has(url.pathname); // links with a #fragment are the table of contents
    a.classList.toggle('course-done', on);
    const mark = a.querySelector('.course-navmark');
    if (on && !mark) a.append(el('span', { class: 'course-navmark' }, el('span', { class: 'course-sr' }, ` (${app.t('nav_done')})`)));
    if (!on && mark) mark.remove();
  }
}

export function renderSeriesProgress(app, d) {
  for (const slot of $$('[data-course-slot="series-progress"]')) {
    const counts = d.series[slot.dataset.courseSeries];
    slot.textContent = counts ? app.t('series_done', counts) : '';
  }
}

// Each lesson's self-check mastery, apart from XP: on the lesson and in the home list.
export function renderMastery(app, d) {
  for (const slot of $$('[data-course-slot="mastery"]')) {
    const row = d.check.lessons[slot.dataset.courseLesson];
    slot.textContent = row ? app.t(row.answered ? 'mastery' : 'mastery_new', row) : '';
  }
}

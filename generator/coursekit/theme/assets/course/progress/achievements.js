// The achievements page: earned ones with their date, the rest with how to earn them.
import { $$, el, icon } from './dom.js';

export function renderAchievements(app, d) {
  const { t, tr } = app;
  for (const slot of $$('[data-course-slot="achievements-page"]')) {
    // A course without achievements has nothing to list (the page is the author's, and says what it wants).
    if (!app.m.achievements.length) {
      slot.replaceChildren();
      continue;
    }
    if (app.quiet()) {
      slot.replaceChildren(el('p', {}, t('quiet_hidden')));
      continue;
    }
    const item = (a, text) => el('li', { 'data-achievement': a.id, class: d.achievements.includes(a.id) ? '' : 'course-locked' },
      icon(a.id), el('strong', {}, tr(a.name)), ' ', el('span', {}, text));
    const got = app.m.achievements.filter((a) => d.achievements.includes(a.id));
    const rest = app.m.achievements.filter((a) => !d.achievements.includes(a.id));
    const list = (items, empty, f) => (items.length ? el('ul', { class: 'course-achievements' }, items.map(f)) : el('p', {}, t(empty)));
    slot.replaceChildren(
      el('h2', {}, t('unlocked_heading')),
      list(got, 'none_yet', (a) => item(a, app.doc.unlocked[a.id] ? t('unlocked_on', { date: app.date(app.doc.unlocked[a.id]) }) : '')),
      el('h2', {}, t('locked_heading')),
      list(rest, 'all_earned', (a) => item(a, t('how_to_earn', { description: tr(a.description) }))));
  }
}

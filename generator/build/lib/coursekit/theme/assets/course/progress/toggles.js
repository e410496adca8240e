// The current lesson's "complete" and "exercise done" toggles. Built once and updated in place, so keyboard focus
// stays on them.
import { isOn, recordDay, setFlag } from './facts.js';
import { $$, el } from './dom.js';

function renderToggle(app, slotName, action, kind, id, label) {
  for (const slot of $$(`[data-course-slot="${slotName}"]`)) {
    if (!slot.firstChild) {
      const button = el('button', {
        type: 'button', class: 'md-button course-toggle', 'data-course-action': action,
        click: () => app.commit((doc) => recordDay(setFlag(doc, kind, id, !isOn(doc[kind][id]), app.now()), app.today(), app.now())),
      }, label);
      slot.append(button, el('span', { class: 'course-when' }));
    }
    const reg = app.doc[kind][id];
    const button = slot.firstChild;
    button.setAttribute('aria-pressed', String(isOn(reg)));
    button.classList.toggle('md-button--primary', isOn(reg));
    button.disabled = app.readonly();
    slot.lastChild.textContent = isOn(reg) && reg.t ? app.t('done_on', { date: app.date(reg.t) }) : '';
  }
}

export function renderToggles(app) {
  const lesson = app.m.lessons.find((l) => l.id === app.ctx.lessonId);
  if (!lesson) return;
  renderToggle(app, 'lesson-complete', 'complete-lesson', 'lessons', lesson.id, app.t('complete_lesson'));
  if (lesson.exercise) renderToggle(app, 'exercise-done', 'complete-exercise', 'exercises', lesson.exercise, app.t('exercise_done'));
}

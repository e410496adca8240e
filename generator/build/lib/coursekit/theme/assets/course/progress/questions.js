// Self-check questions on a page (lessons, and the review page): answering by mouse, touch or keyboard, feedback in
// the question's aria-live region, and the last answer's state after a reload. The markup is the build's; this
// module adds behaviour only, so nothing moves when it arrives. The review page's view lives here too: it is the
// only other page that asks questions, and one file gzips smaller than two.
import { recordAnswer, recordDay } from './facts.js';
import { $$, el } from './dom.js';

const keyOf = (q) => `${q.dataset.courseLesson}/${q.dataset.courseQuestion}`;
const number = (text) => {
  const s = String(text).trim().replace(/[\u2212\u2013]/g, '-').replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
};

function feedback(app, q, verdict, explains) {
  q.querySelector('.course-feedback').replaceChildren(el('p', { class: 'course-verdict' }, verdict),
    ...explains.map((n) => {
      const c = n.cloneNode(true);
      c.hidden = false;
      c.removeAttribute('data-course-explain');
      return c;
    }));
}

function answer(app, q, right, explains) {
  q.dataset.courseResult = right ? 'correct' : 'incorrect';
  q.dataset.courseFresh = '';
  feedback(app, q, app.t(right ? 'q_correct' : 'q_incorrect'), explains);
  app.commit((d) => recordDay(recordAnswer(d, keyOf(q), q.dataset.courseVersion, right, app.now()), app.today(), app.now()));
}

function wire(app, q) {
  q.dataset.courseWired = '';
  const choices = [...q.querySelectorAll('button[data-course-choice]')];
  const explain = (i) => q.querySelector(`[data-course-explain="${i}"]`);
  const kind = q.dataset.courseKind;
  if (kind === 'single') {
    for (const b of choices) {
      b.addEventListener('click', () => {
        for (const c of choices) c.removeAttribute('data-course-mark');
        const right = b.hasAttribute('data-course-correct');
        b.dataset.courseMark = right ? 'right' : 'wrong';
        answer(app, q, right, [explain(b.dataset.courseChoice)]);
      });
    }
  } else if (kind === 'multiple') {
    for (const b of choices) b.addEventListener('click', () => b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')));
    q.querySelector('[data-course-action="check"]').addEventListener('click', () => {
      const picked = (b) => b.getAttribute('aria-pressed') === 'true';
      for (const b of choices) picked(b) ? (b.dataset.courseMark = b.hasAttribute('data-course-correct') ? 'right' : 'wrong') : b.removeAttribute('data-course-mark');
      const right = choices.every((b) => picked(b) === b.hasAttribute('data-course-correct'));
      answer(app, q, right, choices.filter((b) => picked(b) || b.hasAttribute('data-course-correct')).map((b) => explain(b.dataset.courseChoice)));
    });
  } else {
    const input = q.querySelector('input[data-course-choice]');
    const check = () => {
      const x = number(input.value);
      if (Number.isNaN(x)) return feedback(app, q, app.t('q_number'), []);
      answer(app, q, Math.abs(x - Number(q.dataset.courseAnswer)) <= Number(q.dataset.courseTolerance) * (1 + 1e-9), [q.querySelector('[data-course-explain]')]);
    };
    q.querySelector('[data-course-action="check"]').addEventListener('click', check);
    input.addEventListener('keydown', (e) => e.key === 'Enter' && check());
  }
}

// Put a question back as new (the review page asks it afresh).
function clearQuestion(q) {
  delete q.dataset.courseResult;
  q.dataset.courseFresh = '';
  q.querySelector('.course-feedback').replaceChildren();
  for (const b of q.querySelectorAll('button[data-course-choice]')) {
    b.removeAttribute('data-course-mark');
    if (b.hasAttribute('aria-pressed')) b.setAttribute('aria-pressed', 'false');
  }
  const input = q.querySelector('input[data-course-choice]');
  if (input) input.value = '';
}

export function renderQuestions(app, d) {
  for (const q of $$('[data-course-question]')) {
    if (!('courseWired' in q.dataset)) wire(app, q);
    const s = d.check.states[keyOf(q)];
    if (!s?.answered) continue;
    // A reload shows the last stored result until the reader answers again in this view.
    if (!('courseFresh' in q.dataset)) q.dataset.courseResult = s.last ? 'correct' : 'incorrect';
    q.querySelector('[data-course-slot="question-status"]').textContent = app.t(s.last ? 'q_last_correct' : 'q_last_incorrect', { date: app.date(s.due) });
  }
}

// The review page: the due questions of every lesson, one at a time. The build put every question in the page
// (hidden), so a review needs no request once the page is loaded.

const find = (key) => {
  const [lesson, id] = key.split('/');
  return document.querySelector(`[data-course-bank] [data-course-lesson="${lesson}"][data-course-question="${id}"]`);
};

export function renderReviewPage(app, d) {
  for (const slot of $$('[data-course-slot="review-page"]')) {
    if (!slot.firstChild) slot.append(el('p', { class: 'course-review-count' }), el('div', { class: 'course-review-stage' }), el('p', {}));
    const [count, stage, after] = slot.children;
    const bank = document.querySelector('[data-course-bank]');
    let q = stage.querySelector('[data-course-question]');
    const next = () => {
      if (q) clearQuestion(q), bank.append(q);
      q = null;
      renderReviewPage(app, d);
      stage.querySelector('button, input')?.focus();
    };
    if (!q && d.check.reviewDue.length) {
      q = find(d.check.reviewDue[0]);
      if (q) clearQuestion(q), stage.append(q);
    }
    const left = d.check.reviewDue.filter((k) => !q || k !== `${q.dataset.courseLesson}/${q.dataset.courseQuestion}` || !q.dataset.courseResult).length;
    count.textContent = left || q ? app.t('review_count', { n: left }) : '';
    after.replaceChildren();
    if (q?.dataset.courseResult && left) after.append(el('button', { type: 'button', class: 'md-button md-button--primary', 'data-course-action': 'next', click: next }, app.t('review_next')));
    else if (!q || q.dataset.courseResult) after.append(d.check.next ? `${app.t('review_none')} ${app.t('review_later', { date: app.date(d.check.next) })}` : app.t('review_empty'));
  }
  renderQuestions(app, d);
}

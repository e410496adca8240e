// Everything the reader sees is derived here from facts + manifest (no DOM): XP, level, counts, achievements,
// each series' share. Facts about lessons missing from the manifest stay stored but are not counted.
import { isOn } from './facts.js';

function metrics(doc, lessons) {
  const done = lessons.filter((l) => isOn(doc.lessons[l.id]));
  const ex = lessons.filter((l) => l.exercise && isOn(doc.exercises[l.exercise]));
  const visited = lessons.filter((l) => doc.visits[l.id]);
  return {
    done,
    ex,
    counts: {
      lessons_completed: done.length,
      exercises_done: ex.length,
      lessons_with_exercise: done.filter((l) => ex.includes(l)).length,
      lessons_visited: visited.length,
      languages_visited: new Set(visited.flatMap((l) => Object.keys(doc.visits[l.id]))).size,
      days_learned: Object.keys(doc.days).length,
    },
  };
}

// The build settles every rule to a count or to a list of lesson ids; an empty list (a series with nothing
// published yet) is never earned.
export function earned(rule, counts, doneIds) {
  if (rule.lessons) return rule.lessons.length > 0 && rule.lessons.every((id) => doneIds.has(id));
  return (counts[rule.count] ?? 0) >= rule.at_least;
}

export function derive(doc, manifest) {
  const { done, ex, counts } = metrics(doc, manifest.lessons);
  const xp = done.length * manifest.xp.lesson_completed + ex.length * manifest.xp.exercise_done;
  const levels = manifest.levels;
  const current = levels.filter((l) => xp >= l.xp).pop();
  const next = levels[current.level + 1] || null;
  const top = levels[levels.length - 1].xp;
  const doneIds = new Set(done.map((l) => l.id));
  return {
    xp,
    level: current.level,
    levelName: current.name,
    nextXp: next ? next.xp : null,
    toGo: next ? next.xp - xp : 0,
    percent: top ? Math.min(100, Math.floor((xp * 100) / top)) : 0,
    lessonsDone: done.map((l) => l.id),
    exercisesDone: ex.map((l) => l.exercise),
    lessonsTotal: manifest.lessons.length,
    series: Object.fromEntries(manifest.series.map((s) => {
      const mine = manifest.lessons.filter((l) => l.series === s.id);
      return [s.id, { done: mine.filter((l) => doneIds.has(l.id)).length, total: mine.length }];
    })),
    achievements: manifest.achievements.filter((a) => earned(a.rule, counts, doneIds)).map((a) => a.id),
    achievementsTotal: manifest.achievements.length,
    counts,
  };
}

// Self-check state, from the answer facts: each question's Leitner box and due time, each lesson's mastery (apart
// from XP: answers earn none), what is due. Only answers under a question's current version count (manifest `v`).
export const DAY = 864e5;
export const INTERVALS = [1, 3, 7, 21]; // days to wait in boxes 1..4

// Replay one question's answers in time order. A wrong answer sends it to box 1; a right one moves it up a box only
// when it was due (or new), so answering again on the spot cannot skip the waiting.
export function replay(events) {
  const all = [...(events?.c || []).map((t) => [t, 1]), ...(events?.w || []).map((t) => [t, 0])].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let box = 0;
  let due = 0;
  let last = null;
  let ever = false;
  for (const [t, ok] of all) {
    if (!ok) (box = 1), (due = t + DAY);
    else if (box === 0 || t >= due) (box = Math.min(box + 1, INTERVALS.length)), (due = t + INTERVALS[box - 1] * DAY);
    last = ok === 1;
    ever ||= last;
  }
  return { box, due, last, ever, answered: all.length > 0 };
}

export function selfCheck(doc, manifest, now) {
  const states = {};
  const lessons = {};
  const mastery = {};
  const questionsCorrect = [];
  const due = [];
  let next = null;
  for (const l of manifest.lessons) {
    const qs = l.questions || [];
    if (!qs.length) continue;
    const row = (lessons[l.id] = { correct: 0, total: qs.length, due: 0, answered: 0 });
    for (const q of qs) {
      const key = `${l.id}/${q.id}`;
      const a = Object.hasOwn(doc.answers, key) ? doc.answers[key] : {};
      const s = (states[key] = replay(Object.hasOwn(a, q.v) ? a[q.v] : null));
      if (s.ever) questionsCorrect.push(key);
      if (s.answered) row.answered++;
      if (s.last) row.correct++;
      if (s.answered && s.due <= now) due.push([s.due, key]), row.due++;
      else if (s.answered && (next === null || s.due < next)) next = s.due;
    }
    mastery[l.id] = row.correct / row.total;
  }
  return { states, lessons, mastery, questionsCorrect, reviewDue: due.sort((a, b) => a[0] - b[0]).map((d) => d[1]), next };
}

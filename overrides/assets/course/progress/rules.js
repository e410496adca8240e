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

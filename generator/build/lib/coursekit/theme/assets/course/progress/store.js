// Browser storage for the facts document (no DOM). Never throws: blocked, full, corrupt, old and newer data all
// leave the page working; what happened is collected in `notices` for the page to show.
import { SCHEMA, emptyDoc, merge, migrateV1, migrateV2, normalize } from './facts.js';

const parseJSON = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export function openStore(course, getStorage = () => window.localStorage) {
  const prefix = `${course}/progress/`;
  const key = `${prefix}v${SCHEMA}`;
  const notices = new Set();
  const kept = new Set();
  let mode = 'saved'; // saved | memory (kept for this visit only) | readonly (a newer schema's data is present)
  let ls = null;
  try {
    ls = getStorage();
    ls.getItem(key);
  } catch {
    ls = null;
  }
  const get = (k) => {
    try {
      return ls.getItem(k);
    } catch {
      return null;
    }
  };
  const set = (k, v) => {
    try {
      return ls.setItem(k, v), true;
    } catch {
      return false;
    }
  };
  const toMemory = () => {
    mode = 'memory';
    notices.add('unsaved');
  };
  // Unreadable data is copied to its own key (once) before anything may overwrite it; if that fails, nothing
  // is written at all this visit.
  const backup = (raw) => {
    if (kept.has(raw)) return;
    kept.add(raw);
    const bkey = `${prefix}backup-${Date.now()}`;
    if (set(bkey, raw)) notices.add(`corrupt:${bkey}`);
    else toMemory();
  };
  const read = (raw) => {
    if (raw === null) return null;
    const data = parseJSON(raw);
    if (data === undefined) return backup(raw), null;
    const { doc, problems } = normalize(data);
    if (problems.length) backup(raw);
    return doc;
  };
  const newerKey = () => {
    for (let i = 0; i < ls.length; i++) {
      const m = /^(.*\/progress\/)v(\d+)$/.exec(ls.key(i));
      if (m && m[1] === prefix && +m[2] > SCHEMA) return ls.key(i);
    }
    const own = parseJSON(get(key));
    return own && own.schema > SCHEMA ? key : null;
  };

  function load() {
    if (!ls) return toMemory(), emptyDoc();
    const newer = newerKey();
    if (newer) {
      mode = 'readonly';
      notices.add('readonly');
      return normalize({ ...parseJSON(get(newer)), schema: SCHEMA }).doc; // best-effort view of what we understand
    }
    const doc = read(get(key));
    if (doc) return doc;
    // Older schemas' keys are left as they were (a reader who goes back to an older build still has them).
    const v2 = migrateV2(parseJSON(get(`${prefix}v2`)));
    if (v2) return save(v2.doc);
    const v1 = migrateV1(parseJSON(get(`${prefix}v1`)));
    return v1 ? save(v1) : emptyDoc(); // the v1 key itself is left as it was
  }

  // Read-merge-write, so a write from another tab is never overwritten; returns the merged document.
  function save(doc) {
    if (mode !== 'saved') return doc;
    const current = read(get(key));
    const merged = current ? merge(current, doc) : doc;
    if (mode === 'saved' && !set(key, JSON.stringify(merged))) toMemory();
    return merged;
  }

  const reload = () => (mode === 'saved' ? read(get(key)) : null);

  return { key, load, save, reload, notices, get mode() { return mode; } };
}

// The progress page: back up to a file, import one, move to another device by link or code, quiet mode, reset.
import { merge, reset, setFlag } from './facts.js';
import { MAX_BYTES, changes, decodeCode, encodeCode, exportText } from './transfer.js';
import { $$, el } from './dom.js';

function download(app, text) {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: `${app.m.course}-progress-${app.today()}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

function build(app, slot) {
  const { t } = app;
  const button = (label, click, attrs) => el('button', { type: 'button', class: 'md-button', click, ...attrs }, t(label));
  const labelled = (input, label, ...rest) => el('p', {}, el('label', { for: input.id }, t(label)), ' ', input, ...rest);
  const status = el('p', { class: 'course-message', role: 'status' });
  const say = (text) => (status.textContent = text);
  const merged = (doc) => {
    const counts = changes(app.doc, doc);
    app.commit((d) => merge(d, doc));
    say(t('imported', { changes: app.describe(counts) }));
  };
  const decode = (text) => decodeCode(text, app.m.lessons, app.m.series, app.now());
  const applyCode = (text) => {
    const doc = decode(text);
    doc ? merged(doc) : say(t('share_bad'));
  };
  const file = el('input', { type: 'file', accept: '.json,application/json', id: 'course-import', change: async () => {
    const f = file.files[0];
    file.value = '';
    if (f) say(f.size > MAX_BYTES ? t('err_size', { kb: MAX_BYTES / 1024 }) : app.importText(await f.text()).message);
  } });
  const link = el('input', { type: 'text', readonly: true, class: 'course-link', id: 'course-link', 'aria-label': t('share_heading') });
  const code = el('input', { type: 'text', id: 'course-code', autocomplete: 'off', spellcheck: 'false' });
  const quietBox = el('input', { type: 'checkbox', id: 'course-quiet', change: () => app.commit((d) => setFlag(d, 'prefs', 'quiet', quietBox.checked, app.now()), false) });
  slot.append(
    el('p', { class: 'course-note' }, t('local_note')),
    status,
    el('h2', {}, t('export_heading')),
    el('p', {}, button('export_button', () => download(app, exportText(app.doc, app.m.course)), { 'data-course-action': 'export' })),
    labelled(file, 'import_label'),
    el('h2', {}, t('share_heading')),
    el('p', {}, t('share_explain')),
    el('p', {}, link, ' ', button('share_copy', () => {
      link.select();  // so that a refused copy still leaves the reader one keystroke away
      const copied = navigator.clipboard ? navigator.clipboard.writeText(link.value) : Promise.reject();
      copied.then(() => say(t('share_copied')), () => say(t('share_copy_failed')));
    })),
    el('p', {}, t('share_code'), ' ', el('code', { id: 'course-code-now' })),
    labelled(code, 'share_code_label', ' ', button('share_apply', () => applyCode(code.value))),
    el('h2', {}, t('settings_heading')),
    el('p', {}, quietBox, ' ', el('label', { for: quietBox.id }, t('quiet_label'))),
    el('p', {}, button('reset_button', () => confirm(t('reset_confirm')) && (app.commit((d) => reset(d, app.now()), false), say(t('reset_done'))),
      { 'data-course-action': 'reset' })));
  // A shared link lands here with the code in the fragment; nothing is added until the reader agrees.
  const hash = /^#progress=(.+)$/.exec(location.hash);
  if (!hash) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  const shared = decode(decodeURIComponent(hash[1]));
  if (!shared) return say(t('share_bad'));
  const offer = el('p', { class: 'course-offer' }, t('share_found', { changes: app.describe(changes(app.doc, shared)) }), ' ',
    button('share_merge', () => (offer.remove(), merged(shared)), { class: 'md-button md-button--primary' }));
  slot.prepend(offer);
}

export function renderProgressPage(app, d) {
  for (const slot of $$('[data-course-slot="progress-page"]')) {
    if (!slot.firstChild) build(app, slot);
    const code = encodeCode(app.doc, app.m.lessons, app.m.series, d.check.states);
    slot.querySelector('#course-link').value = new URL(`progress/#progress=${code}`, app.root).href;
    slot.querySelector('#course-code-now').textContent = code;
    slot.querySelector('#course-quiet').checked = app.quiet();
    for (const c of slot.querySelectorAll('input, button')) c.disabled = app.readonly() && c.id !== 'course-link' && c.dataset.courseAction !== 'export';
  }
}

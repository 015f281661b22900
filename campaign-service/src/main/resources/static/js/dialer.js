// Shared helpers for the UI pages: JSON calls to the REST API with the session's CSRF token, field errors, the
// server's messages and dates in the page's language, a confirmation dialog and the phone menu.
const Dialer = (() => {
  const meta = name => (document.querySelector(`meta[name="${name}"]`) || {}).content;
  const lang = () => document.documentElement.lang || 'en';
  const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;
  const catalogue = (typeof SERVER_MESSAGES === 'undefined' ? [] : SERVER_MESSAGES)
    .map(([pattern, wording]) => [new RegExp('^(?:' + pattern + ')$', 's'), wording]);

  // An instant as the user reads it: their language, the given zone (the campaign's) or the browser's.
  function when(iso, zone) {
    if (iso === null || iso === undefined || iso === '') return '';
    const d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    try {
      return new Intl.DateTimeFormat(lang(), {dateStyle: 'medium', timeStyle: 'medium', timeZone: zone || undefined}).format(d);
    } catch (e) {
      return new Intl.DateTimeFormat(lang(), {dateStyle: 'medium', timeStyle: 'medium'}).format(d);
    }
  }

  // A calendar date (yyyy-mm-dd) in the user's language, never shifted by a zone.
  function day(date) {
    if (!date) return '';
    const d = new Date(String(date).substring(0, 10) + 'T00:00:00Z');
    return isNaN(d.getTime()) ? String(date) : new Intl.DateTimeFormat(lang(), {dateStyle: 'medium', timeZone: 'UTC'}).format(d);
  }

  // A message from the server in the page's words: the first catalogue pattern that matches it, instants as dates.
  function tr(message) {
    if (message === null || message === undefined) return '';
    let text = String(message);
    for (const [pattern, wording] of catalogue) {
      if (pattern.test(text)) {
        // the stored names a reworded message quotes (STOPPED, PREVIEW) read as the page names them
        text = text.replace(pattern, wording).replace(/\b[A-Z][A-Z0-9_]+\b/g, w => (typeof option === 'function' && option(w) !== w) ? option(w)
          : (typeof STATUS !== 'undefined' && STATUS[w]) || (typeof STATES !== 'undefined' && STATES[w]) || w);
        break;
      }
    }
    return text.replace(ISO_INSTANT, m => when(m));
  }

  async function api(method, url, body, contentType) {
    const headers = {'Accept': 'application/json'};
    const token = meta('_csrf'), header = meta('_csrf_header');
    if (token && header) headers[header] = token;
    let payload = body;
    if (body !== undefined && body !== null && !(body instanceof FormData) && typeof body !== 'string') {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (typeof body === 'string') {
      headers['Content-Type'] = contentType || 'text/plain';
    }
    const response = await fetch(url, {method, headers, body: payload, credentials: 'same-origin'});
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const error = new Error(tr((json && (json.detail || json.error)) || text || response.statusText));
      error.status = response.status;
      error.errors = ((json && json.errors) || []).map(fe => ({field: fe.field, message: tr(fe.message)}));
      throw error;
    }
    return json;
  }

  function text(el, value) {
    if (typeof el === 'string') el = document.getElementById(el);
    if (el) el.textContent = value === null || value === undefined ? '' : String(value);
  }

  // Shows each {field, message} next to the input named after the field, the rest in the form's message box;
  // the first refused field is scrolled to, marked and focused.
  function showErrors(form, error) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('.bad').forEach(e => e.classList.remove('bad'));
    const box = form.querySelector('.form-message');
    const unplaced = [];
    let first = null;
    (error.errors || []).forEach(fe => {
      const input = form.querySelector(`[name="${fe.field}"]`);
      if (input) {
        const span = document.createElement('span');
        span.className = 'field-error';
        span.id = 'error-' + fe.field;
        span.textContent = fe.message;
        const label = input.closest('label.field') || input.closest('label');
        label.appendChild(span);
        label.classList.add('bad');
        if (!first) first = input;
      } else {
        unplaced.push((fe.field ? fe.field + ': ' : '') + fe.message);
      }
    });
    if (box) {
      box.className = 'form-message error';
      box.textContent = unplaced.length ? unplaced.join('; ') : (error.errors && error.errors.length ? '' : error.message);
    }
    if (first) {
      first.scrollIntoView({block: 'center'});
      first.focus({preventScroll: true});
    }
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'onclick') e.addEventListener('click', v);
      else if (v !== null && v !== undefined) e.setAttribute(k, v);
    });
    children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? '' : String(c))));
    return e;
  }

  // Asks in the page (a dialog a test can click, not window.confirm); resolves true when confirmed.
  function confirm(message, okLabel) {
    let dialog = document.getElementById('confirm-dialog');
    if (!dialog) {
      dialog = el('dialog', {id: 'confirm-dialog', class: 'confirm'}, el('p', {id: 'confirm-text'}),
        el('div', {class: 'buttons'}, el('button', {id: 'confirm-ok', type: 'button', class: 'danger'}),
          el('button', {id: 'confirm-cancel', type: 'button'}, UI.cancel)));
      document.body.appendChild(dialog);
    }
    text('confirm-text', message);
    text('confirm-ok', okLabel || UI.ok);
    return new Promise(resolve => {
      const done = answer => { dialog.close(); resolve(answer); };
      document.getElementById('confirm-ok').onclick = () => done(true);
      document.getElementById('confirm-cancel').onclick = () => done(false);
      dialog.oncancel = () => resolve(false);
      dialog.showModal();
    });
  }

  // One row per attempt of a lead: number, when (in the lead's campaign zone), outcome, disposition, notes, recording.
  function attemptRows(attempts, zone) {
    return attempts.map(a => el('tr', {class: 'attempt'},
      el('td', {}, '#' + a.attempt_no), el('td', {class: 'when'}, when(a.placed_at, zone)), el('td', {}, option(a.result || a.state)),
      el('td', {}, a.disposition_code ? (DISPOSITIONS[a.disposition_code] || a.disposition_code) : ''),
      el('td', {}, a.notes || ''),
      el('td', {}, a.recording_path ? el('audio', {controls: '', preload: 'none', class: 'recording', src: `/api/attempts/${a.id}/recording`}) : '')));
  }

  // The phone layout folds the navigation behind one button.
  document.addEventListener('DOMContentLoaded', () => {
    const toggle = document.getElementById('nav-toggle'), nav = document.getElementById('nav');
    if (toggle && nav) toggle.addEventListener('click', () => {
      const open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    });
  });

  return {api, text, showErrors, el, attemptRows, when, day, tr, confirm};
})();

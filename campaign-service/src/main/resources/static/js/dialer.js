// Shared helpers for the UI pages: JSON calls to the REST API with the session's CSRF token, and field errors.
const Dialer = (() => {
  const meta = name => (document.querySelector(`meta[name="${name}"]`) || {}).content;

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
      const error = new Error((json && (json.detail || json.error)) || text || response.statusText);
      error.status = response.status;
      error.errors = (json && json.errors) || [];
      throw error;
    }
    return json;
  }

  function text(el, value) {
    if (typeof el === 'string') el = document.getElementById(el);
    if (el) el.textContent = value === null || value === undefined ? '' : String(value);
  }

  // Shows each {field, message} next to the input named after the field; the rest in the form's message box.
  function showErrors(form, error) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    const box = form.querySelector('.form-message');
    const unplaced = [];
    (error.errors || []).forEach(fe => {
      const input = form.querySelector(`[name="${fe.field}"]`);
      if (input) {
        const span = document.createElement('span');
        span.className = 'field-error';
        span.id = 'error-' + fe.field;
        span.textContent = fe.message;
        input.closest('label').appendChild(span);
      } else {
        unplaced.push((fe.field ? fe.field + ': ' : '') + fe.message);
      }
    });
    if (box) {
      box.className = 'form-message error';
      box.textContent = unplaced.length ? unplaced.join('; ') : (error.errors && error.errors.length ? '' : error.message);
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

  // One row per attempt of a lead: number, when, outcome, disposition, notes, and its recording when there is one.
  function attemptRows(attempts) {
    return attempts.map(a => el('tr', {class: 'attempt'},
      el('td', {}, '#' + a.attempt_no), el('td', {}, a.placed_at), el('td', {}, a.result || a.state), el('td', {}, a.disposition_code || ''),
      el('td', {}, a.notes || ''),
      el('td', {}, a.recording_path ? el('audio', {controls: '', preload: 'none', class: 'recording', src: `/api/attempts/${a.id}/recording`}) : '')));
  }

  return {api, text, showErrors, el, attemptRows};
})();

// The supervisor's floor: every logged-in agent (state, time in it, campaign, the call's lead and duration), refreshed
// every two seconds, and listen / whisper / barge through the supervisor's own browser phone, which Asterisk calls.
import {BrowserPhone} from '/js/softphone.js';

const $ = id => document.getElementById(id);
const {el} = Dialer;
const box = $('floor-message');
const say = e => { box.className = 'form-message error'; box.textContent = Dialer.tr(e.message || String(e)); };
const phone = new BrowserPhone($('phone-audio'), (state, detail) => {
  // between calls a supervisor's phone is simply registered: a listen that ended is no dropped line
  $('phone-state').textContent = PHONE_T[state] || state;
  $('phone-state').dataset.state = state === 'dropped' && phone.everRegistered ? 'registered' : state;
  $('phone-detail').textContent = detail;
});
window.dialerPhone = phone;
const clock = s => s === null || s === undefined ? '' : Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');

$('supervisor-phone').onclick = async () => {
  try { await phone.microphone(); await phone.open(); box.textContent = ''; } catch (e) { say(e); }
};
$('supervisor-leave').onclick = async () => {
  try { if (phone.session) await phone.session.bye(); } catch (e) { say(e); }
};
async function monitor(agentId, mode) {
  try {
    if (phone.state !== 'registered' && phone.state !== 'on-line' && phone.state !== 'dropped') { await phone.microphone(); await phone.open(); }
    if (phone.session) { await phone.session.bye(); }
    await Dialer.api('POST', `/api/supervisor/agents/${agentId}/${mode}`, {});
    box.textContent = '';
  } catch (e) { say(e); }
}
async function refresh() {
  let rows;
  try { rows = await Dialer.api('GET', '/api/supervisor/agents'); } catch (e) { return; }
  $('floor-agents').querySelector('tbody').replaceChildren(...rows.map(a => el('tr', {class: 'floor-agent', 'data-agent': a.agentId, 'data-state': a.state},
    el('td', {translate: 'no'}, a.name), el('td', {}, (STATES[a.state] || a.state) + (a.pauseReason ? ' (' + a.pauseReason + ')' : '')),
    el('td', {class: 'timer'}, clock(a.secondsInState)), el('td', {translate: 'no'}, a.campaignName),
    el('td', {translate: 'no'}, a.leadName || (a.leadId ? '#' + a.leadId : '')), el('td', {class: 'timer'}, clock(a.callSeconds)),
    el('td', {}, ...['listen', 'whisper', 'barge'].map(m => {
      const b = el('button', {type: 'button', class: 'monitor-' + m}, FLOOR_T[m]);
      b.onclick = () => monitor(a.agentId, m);
      return b;
    })))));
  if (phone.state === 'on-line') {
    const s = await phone.stats();
    $('speaker-level').value = Math.min(1, s.audioLevel * 4);
  }
}
setInterval(refresh, 2000);
refresh();

// The agent desktop's phone card: the browser phone as the agent's line when chosen, and the call controls, which
// act on the call in front of the agent through the server (Asterisk, or the simulated PBX's call), except mute,
// which is the browser's own.
import {BrowserPhone, levelMeter} from '/js/softphone.js';

const $ = id => document.getElementById(id);
const box = $('call-message');
const say = (e) => { box.className = 'form-message error'; box.textContent = Dialer.tr(e.message || String(e)); };
const phone = new BrowserPhone($('phone-audio'), (state, detail) => {
  $('phone-state').textContent = PHONE_T[state] || state;
  $('phone-state').dataset.state = state;
  $('phone-state').className = state === 'dropped' || state === 'failed' ? 'over' : '';
  $('phone-detail').textContent = detail;
});
window.dialerPhone = phone; // what the page's line carries, for a look from the console

let call = {attemptId: null, held: false, recordingPaused: false, simulated: true, digits: ''};
function showCall() {
  const onCall = !!call.attemptId;
  ['call-hangup', 'call-hold', 'call-recording', 'call-transfer'].forEach(id => { $(id).disabled = !onCall; });
  document.querySelectorAll('#keypad button').forEach(b => { b.disabled = !onCall; });
  $('call-hold').textContent = call.held ? PHONE_T.resume : PHONE_T.hold;
  $('call-mute').textContent = phone.muted ? PHONE_T.unmute : PHONE_T.mute;
  $('call-recording').textContent = call.recordingPaused ? PHONE_T.resumeRecording : PHONE_T.pauseRecording;
  const flags = [call.held && PHONE_T.held, phone.muted && PHONE_T.muted, call.recordingPaused && PHONE_T.recordingPaused,
    onCall && call.digits && PHONE_T.sent + ' ' + call.digits, onCall && call.simulated && PHONE_T.simulated].filter(x => x);
  $('call-flags').textContent = flags.join(' · ');
  $('phone').dataset.call = onCall ? String(call.attemptId) : '';
  $('phone').dataset.held = String(call.held);
}
async function control(path, body) {
  try {
    call = await Dialer.api('POST', '/api/me/call/' + path, body || {});
    box.textContent = '';
  } catch (e) { say(e); }
  showCall();
}
const hangup = () => control('hangup');
const hold = () => control(call.held ? 'resume' : 'hold');
const mute = () => { phone.mute(!phone.muted); showCall(); };
const digit = d => control('digit', {digit: d});
$('call-hangup').onclick = hangup;
$('call-hold').onclick = hold;
$('call-mute').onclick = mute;
$('call-recording').onclick = () => control(call.recordingPaused ? 'recording/resume' : 'recording/pause');
document.querySelectorAll('#keypad button').forEach(b => { b.onclick = () => digit(b.dataset.digit); });
// the transfer menu: ready agents of the campaign (value agent:<id>), then the server's transfer numbers
$('call-transfer').onclick = () => {
  const to = $('transfer-number').value;
  control('transfer', to.startsWith('agent:') ? {agentId: Number(to.substring(6))} : {number: to});
};
let transferNumbers = [];
let transferAgents = [];
function showTransferMenu() {
  const menu = $('transfer-number'), chosen = menu.value;
  menu.replaceChildren(...transferAgents.map(a => Dialer.el('option', {value: 'agent:' + a.agentId, class: 'transfer-agent'}, a.name)),
    ...transferNumbers.map(n => Dialer.el('option', {value: n}, n)));
  if ([...menu.options].some(o => o.value === chosen)) menu.value = chosen;
  $('transfer').hidden = menu.options.length === 0;
}
Dialer.api('GET', '/api/me/call/transfer-numbers').then(numbers => { transferNumbers = numbers; showTransferMenu(); })
  .catch(() => { /* no transfer numbers then */ });
document.addEventListener('keydown', ev => {
  if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const k = ev.key.toLowerCase();
  if (k === 'h' && call.attemptId) { ev.preventDefault(); hangup(); }
  else if (k === 'o' && call.attemptId) { ev.preventDefault(); hold(); }
  else if (k === 'm') { ev.preventDefault(); mute(); }
  else if (/^[0-9]$/.test(ev.key) && call.attemptId) { ev.preventDefault(); digit(ev.key); }
});

// the call in front of the agent, followed once a second
async function follow() {
  try { call = await Dialer.api('GET', '/api/me/call'); } catch (e) { /* next time */ }
  showCall();
  if (call.attemptId) {
    try { transferAgents = await Dialer.api('GET', '/api/me/call/transfer-agents'); } catch (e) { transferAgents = []; }
    showTransferMenu();
  }
  if (phone.state === 'on-line') {
    const s = await phone.stats();
    $('speaker-level').value = Math.min(1, s.audioLevel * 4);
  }
}
setInterval(follow, 1000);
follow();

// logging in with the browser phone: microphone, registration, then the dialer calls the phone as the agent's line
const availability = await Dialer.api('GET', '/api/me/softphone').catch(() => ({available: false, reason: ''}));
$('phone-use').checked = availability.available;
$('phone-use').disabled = !availability.available;
if (!availability.available) {
  $('phone-unavailable').hidden = false;
  $('phone-unavailable').dataset.reason = availability.reason || ''; // the server's own words, for the operator
}
let meter = null;
document.addEventListener('click', async ev => {
  if (ev.target.id !== 'login' || !$('phone-use').checked) return;
  ev.stopPropagation(); // the desktop's own log-in (the phone on the account) is not wanted
  const message = $('session-message');
  try {
    const mic = await phone.microphone();
    if (!meter) meter = levelMeter(mic, $('mic-level'));
    await phone.open();
    await Dialer.api('POST', '/api/me/softphone/login', {campaignId: Number($('campaign').value)});
    message.textContent = '';
  } catch (e) {
    message.className = 'form-message error';
    message.textContent = Dialer.tr(e.message || String(e));
  }
}, true);
$('logout').addEventListener('click', () => { if (phone.state !== 'off') phone.close(); });

// The browser phone: a SIP.js user agent registered on Asterisk over its WebSocket with the credentials the dialer
// made for the signed-in user. It answers the calls the dialer places to it by itself: the agent's line (nailed up
// for the whole session) or, for a supervisor, the listen / whisper / barge call. Microphone and speaker levels,
// and a state that says plainly when the registration or the line has dropped.
import {UserAgent, Registerer, RegistererState, SessionState} from '/js/vendor/sip.js/lib/index.js';

export class BrowserPhone {
  // onState(state, detail): off, microphone, connecting, registered, on-line, dropped, failed
  constructor(audio, onState) {
    this.audio = audio;
    this.onState = onState;
    this.state = 'off';
    this.session = null;
    this.muted = false;
    this.everRegistered = false;
  }

  set(state, detail) {
    this.state = state;
    this.onState(state, detail || '');
  }

  // The microphone first: without one there is nothing to log in with. Resolves with the stream (for the meter).
  async microphone() {
    this.set('microphone');
    try {
      this.mic = await navigator.mediaDevices.getUserMedia({audio: true, video: false});
      return this.mic;
    } catch (e) {
      this.set('failed', e.message || String(e));
      throw e;
    }
  }

  // Registers; resolves once Asterisk accepted the registration.
  async open() {
    if (this.state === 'registered' || this.state === 'on-line') return this.credentials;
    if (this.ua) { // a dropped phone starts over: the old agent would register again over the new one
      const old = this.ua;
      this.ua = null;
      try { await old.stop(); } catch (e) { /* gone already */ }
    }
    const c = this.credentials = await Dialer.api('POST', '/api/me/softphone', {});
    this.set('connecting');
    const ua = this.ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${c.endpoint}@${c.sipDomain}`),
      transportOptions: {server: c.websocketUrl, traceSip: false},
      authorizationUsername: c.endpoint,
      authorizationPassword: c.password,
      logBuiltinEnabled: false,
      sessionDescriptionHandlerFactoryOptions: {peerConnectionConfiguration: {iceServers: []}, iceGatheringTimeout: 500},
      delegate: {
        onInvite: invitation => this.answer(invitation),
        onDisconnect: error => { if (this.state !== 'off' && this.ua === ua) this.set('dropped', error ? error.message : ''); }
      }
    });
    await this.ua.start();
    const registerer = this.registerer = new Registerer(ua, {expires: 120});
    const registered = new Promise((resolve, reject) => {
      registerer.stateChange.addListener(s => {
        if (this.registerer !== registerer) return; // an earlier phone's registration ending
        if (s === RegistererState.Registered) {
          this.everRegistered = true;
          if (this.state !== 'on-line') this.set('registered');
          resolve(c);
        } else if (s === RegistererState.Unregistered || s === RegistererState.Terminated) {
          if (this.everRegistered && this.state !== 'off') this.set('dropped');
          reject(new Error('registration refused'));
        }
      });
    });
    await registerer.register({requestDelegate: {onReject: r => this.set('failed', r.message.reasonPhrase)}});
    return registered;
  }

  answer(invitation) {
    const busy = this.session && [SessionState.Establishing, SessionState.Established].includes(this.session.state);
    if (busy) { invitation.reject(); return; } // one line at a time
    this.session = invitation;
    invitation.stateChange.addListener(s => {
      if (s === SessionState.Established) {
        const pc = invitation.sessionDescriptionHandler.peerConnection;
        const remote = new MediaStream();
        pc.getReceivers().forEach(r => r.track && remote.addTrack(r.track));
        this.audio.srcObject = remote;
        this.audio.play().catch(() => { /* autoplay waits for a click */ });
        this.mute(this.muted);
        this.set('on-line');
      } else if (s === SessionState.Terminated && this.session === invitation) {
        this.session = null;
        if (this.state !== 'off') this.set('dropped');
      }
    });
    invitation.accept({sessionDescriptionHandlerOptions: {constraints: {audio: true, video: false}}});
  }

  peer() {
    return this.session && this.session.sessionDescriptionHandler ? this.session.sessionDescriptionHandler.peerConnection : null;
  }

  // The agent's own audio off or on: local to the browser, the callee hears silence.
  mute(on) {
    this.muted = on;
    const pc = this.peer();
    if (pc) pc.getSenders().forEach(s => { if (s.track) s.track.enabled = !on; });
  }

  // What the line carries now: RTP packets and levels both ways (WebRTC statistics).
  async stats() {
    const pc = this.peer();
    const out = {state: this.state, packetsReceived: 0, packetsSent: 0, audioLevel: 0, totalAudioEnergy: 0, bytesReceived: 0};
    if (!pc) return out;
    (await pc.getStats()).forEach(s => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        out.packetsReceived = s.packetsReceived || 0; out.bytesReceived = s.bytesReceived || 0;
        out.audioLevel = s.audioLevel || 0; out.totalAudioEnergy = s.totalAudioEnergy || 0;
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio') out.packetsSent = s.packetsSent || 0;
    });
    return out;
  }

  async close() {
    this.set('off');
    try { if (this.session) await this.session.bye(); } catch (e) { /* gone already */ }
    try { if (this.registerer) await this.registerer.unregister(); } catch (e) { /* gone already */ }
    try { if (this.ua) await this.ua.stop(); } catch (e) { /* gone already */ }
  }
}

// A level meter on a microphone stream: the <meter> follows the loudness, about ten times a second.
export function levelMeter(stream, meter) {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const tick = () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const x of samples) sum += x * x;
    meter.value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
    // the loudest so far: a microphone that never moved the meter is a microphone that hears nothing
    meter.dataset.peak = Math.max(Number(meter.dataset.peak || 0), meter.value).toFixed(3);
  };
  context.resume().catch(() => {});
  return setInterval(tick, 100);
}

// Click-to-call: a Dial button that asks the agent's campaign to call a lead now. The answer comes to the agent's
// desktop; a refusal (not ready, outside the calling window, do-not-call, ...) is shown next to the button.
const ClickToCall = (() => {
  function button(leadId, label, box, placed) {
    const b = Dialer.el('button', {type: 'button', class: 'dial-lead', 'data-lead': leadId}, label);
    b.onclick = async () => {
      b.disabled = true;
      try {
        const r = await Dialer.api('POST', '/api/me/dial', {leadId});
        box.className = 'form-message note dial-placed';
        box.setAttribute('data-attempt', r.attemptId);
        box.textContent = placed;
      } catch (e) {
        box.className = 'form-message error dial-refused';
        box.textContent = e.message;
      } finally {
        b.disabled = false;
      }
    };
    return b;
  }
  return {button};
})();

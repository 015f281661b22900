package org.opendialer.service.softphone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link Pbx} in memory: live channels by unique id, and every request written down in Asterisk's words. */
public final class RecordingPbx implements Pbx {

    public final Map<String, String> channels = new LinkedHashMap<>();
    public final List<String> requests = new ArrayList<>();
    public String refusal;

    @Override
    public void reloadPhones() {
        act("reload res_pjsip.so");
    }

    @Override
    public Optional<String> channel(String uniqueIdPrefix) {
        return channels.entrySet().stream().filter(e -> e.getKey().startsWith(uniqueIdPrefix)).map(Map.Entry::getValue).findFirst();
    }

    @Override
    public void hangup(String channel) {
        act("hangup " + channel);
    }

    @Override
    public void redirect(String channel, String context, String exten) {
        act("redirect " + channel + " to " + context + "," + exten + ",1");
    }

    @Override
    public void playDigit(String channel, char digit) {
        act("dtmf " + digit + " to " + channel);
    }

    @Override
    public void muteRecording(String channel, boolean muted) {
        act("recording of " + channel + (muted ? " muted" : " unmuted"));
    }

    @Override
    public void spy(String phone, String target, String options, String callerId) {
        act("call " + phone + " into ChanSpy(" + target + "," + options + ")");
    }

    private void act(String request) {
        if (refusal != null) {
            throw new PbxException(refusal);
        }
        requests.add(request);
    }
}

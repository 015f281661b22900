package org.opendialer.service.softphone;

import java.io.IOException;
import java.util.Optional;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.asteriskjava.manager.action.ModuleLoadAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.opendialer.engine.asterisk.AsteriskServer;

/**
 * {@link Pbx} over one AMI session of its own to the server the agents' lines are on (the first configured one),
 * opened on first use and again after it was lost. Synchronized: one action at a time is plenty for clicks.
 */
public final class AmiPbx implements Pbx, AutoCloseable {

    private static final long TIMEOUT_MS = 5_000;

    private final AsteriskServer server;
    private ManagerConnection connection;

    public AmiPbx(AsteriskServer server) {
        this.server = server;
    }

    @Override
    public void reloadPhones() {
        send(new ModuleLoadAction("res_pjsip.so", ModuleLoadAction.LOAD_TYPE_RELOAD));
    }

    @Override
    public synchronized Optional<String> channel(String uniqueIdPrefix) {
        try {
            ResponseEvents listing = connected().sendEventGeneratingAction(new CoreShowChannelsAction(), TIMEOUT_MS);
            for (ResponseEvent event : listing.getEvents()) {
                if (event instanceof CoreShowChannelEvent c && c.getUniqueid() != null && c.getUniqueid().startsWith(uniqueIdPrefix)) {
                    return Optional.of(c.getChannel());
                }
            }
            return Optional.empty();
        } catch (IOException | org.asteriskjava.manager.TimeoutException e) {
            throw lost(e);
        }
    }

    @Override
    public void hangup(String channel) {
        send(new HangupAction(channel, 16));
    }

    @Override
    public void redirect(String channel, String context, String exten) {
        send(new RedirectAction(channel, context, exten, 1));
    }

    @Override
    public void playDigit(String channel, char digit) {
        PlayDtmfAction play = new PlayDtmfAction(channel, String.valueOf(digit));
        play.setDuration(200);
        send(play);
    }

    @Override
    public void muteRecording(String channel, boolean muted) {
        send(new MixMonitorMuteAction(channel, "both", muted ? 1 : 0));
    }

    @Override
    public void spy(String phone, String target, String options, String callerId) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(phone);
        originate.setApplication("ChanSpy");
        originate.setData(target + "," + options);
        originate.setCallerId(callerId);
        originate.setTimeout(30_000L);
        originate.setAsync(true);
        send(originate);
    }

    private synchronized void send(ManagerAction action) {
        ManagerResponse response;
        try {
            response = connected().sendAction(action, TIMEOUT_MS);
        } catch (IOException | org.asteriskjava.manager.TimeoutException e) {
            throw lost(e);
        }
        if (response instanceof ManagerError error) {
            throw new PbxException("Asterisk " + server.name() + " refused " + action.getAction() + ": " + error.getMessage());
        }
    }

    private ManagerConnection connected() {
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            return connection;
        }
        close();
        ManagerConnection fresh = new ManagerConnectionFactory(server.host(), server.port(), server.user(), server.secret())
                .createManagerConnection();
        try {
            fresh.login("off"); // answers only, no events: this session only acts
        } catch (Exception e) {
            try {
                fresh.logoff();
            } catch (RuntimeException ignored) {
                // it never got in
            }
            throw new PbxException("cannot reach Asterisk " + server.name() + " at " + server.host() + ":" + server.port()
                    + " over AMI: " + e.getMessage());
        }
        connection = fresh;
        return fresh;
    }

    private PbxException lost(Exception e) {
        close();
        return new PbxException("Asterisk " + server.name() + " did not answer: " + e.getMessage());
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.logoff();
            } catch (RuntimeException ignored) {
                // already gone
            }
            connection = null;
        }
    }
}

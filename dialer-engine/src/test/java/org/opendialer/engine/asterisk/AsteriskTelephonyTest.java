package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.OriginateRequest;

/** The Asterisk telephony through Asterisk-Java's real ManagerConnection against the AMI test server on loopback. */
class AsteriskTelephonyTest {

    private TestAmiServer asterisk;
    private AsteriskTelephony telephony;
    private SystemClock clock;
    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<AgentLineEvent> agentLines = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        asterisk = new TestAmiServer("s3cret", Map.of(
                "14155550001", new TestAmiServer.Callee("human", 100, 0),
                "14155550002", new TestAmiServer.Callee("busy", 50, 0),
                "14155550003", new TestAmiServer.Callee("machine", 80, 200),
                "14155550004", new TestAmiServer.Callee("noanswer", 50, 0),
                "14155550005", new TestAmiServer.Callee("congestion", 10, 0)));
        clock = new SystemClock("test-clock");
        telephony = new AsteriskTelephony(clock, List.of(new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(), "dialer", "s3cret",
                "PJSIP/{number}@trunk1", 10)));
        telephony.setListener(new CallEventListener() {
            @Override
            public void onEvent(CallEvent event) {
                events.add(event);
            }

            @Override
            public void onAgentLine(AgentLineEvent event) {
                agentLines.add(event);
            }
        });
        telephony.connect();
    }

    @AfterEach
    void close() throws Exception {
        telephony.close();
        asterisk.close();
        clock.close();
    }

    private static OriginateRequest request(long attempt, String number, boolean amd) {
        return new OriginateRequest(new AttemptId(attempt), new CampaignId(3), new PhoneNumber("+" + number), "4155550100",
                Duration.ofSeconds(22), amd, false, Map.of("LEAD_ID", "77"));
    }

    private CallEvent next() throws InterruptedException {
        CallEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("an event within 5 s").isNotNull();
        return event;
    }

    @Test
    void anAnsweredCallRingsIsAnsweredAndIsBridgedToTheAgent() throws Exception {
        assertThat(telephony.serversInRotation()).containsExactly("pbx1");
        telephony.originate(request(1, "14155550001", false));

        CallEvent ringing = next();
        assertThat(ringing).isInstanceOfSatisfying(CallEvent.CallRinging.class, r -> {
            assertThat(r.server()).isEqualTo("pbx1");
            assertThat(r.uniqueId()).isEqualTo("dialer-1");
            assertThat(r.channel()).startsWith("PJSIP/14155550001@trunk1");
        });
        assertThat(next()).isInstanceOf(CallEvent.CallAnswered.class);

        var originate = asterisk.actions("Originate").get(0);
        assertThat(originate).containsEntry("Context", "dialer-outbound").containsEntry("ChannelId", "dialer-1")
                .containsEntry("Timeout", "22000").containsEntry("Async", "true");
        assertThat(originate.get("Variable")).contains("ATTEMPT_ID=1").contains("CAMPAIGN_ID=3").contains("LEAD_ID=77");

        telephony.bridge(new AttemptId(1), new AgentEndpoint(9, "PJSIP/agent1009"));
        assertThat(next()).as("the agent's phone is not on its line").isInstanceOfSatisfying(CallEvent.AgentUnreached.class,
                u -> assertThat(u.reason()).contains("not on its line"));
        assertThat(asterisk.actions("Redirect")).isEmpty();

        telephony.connectAgent(new AgentEndpoint(9, "PJSIP/agent1009"));
        assertThat(agentLines.poll(5, TimeUnit.SECONDS)).isInstanceOf(AgentLineEvent.AgentConnected.class);
        assertThat(asterisk.actions("Originate").get(1)).containsEntry("Channel", "PJSIP/agent1009")
                .containsEntry("Context", "dialer-agent-line").containsEntry("Exten", "9");
        telephony.bridge(new AttemptId(1), new AgentEndpoint(9, "PJSIP/agent1009"));
        assertThat(next()).isInstanceOf(CallEvent.CallBridged.class);
        assertThat(asterisk.actions("Redirect")).singleElement().satisfies(a -> assertThat(a).containsEntry("Context", "dialer-agent")
                .containsEntry("Exten", "9"));

        telephony.hangup(new AttemptId(1));
        assertThat(next()).isInstanceOfSatisfying(CallEvent.CallEnded.class, e -> {
            assertThat(e.result()).isEqualTo(CallResult.HUMAN);
            assertThat(e.cause()).isEqualTo(16);
        });
    }

    @Test
    void anAgentsPhoneIsCalledOnceIntoItsConferenceDropsWhenItDoesNotAnswerAndIsHungUpAtLogout() throws Exception {
        telephony.connectAgent(new AgentEndpoint(31, "PJSIP/agent1901"));
        assertThat(agentLines.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(AgentLineEvent.AgentPhoneDropped.class,
                d -> assertThat(d.reason()).contains("PJSIP/agent1901").contains("did not answer"));

        telephony.connectAgent(new AgentEndpoint(32, "PJSIP/agent1002"));
        assertThat(agentLines.poll(5, TimeUnit.SECONDS)).isInstanceOf(AgentLineEvent.AgentConnected.class);
        telephony.disconnectAgent(32);
        assertThat(agentLines.poll(300, TimeUnit.MILLISECONDS)).as("a line hung up at logout is not reported as dropped").isNull();
        assertThat(asterisk.actions("Hangup")).singleElement().satisfies(h -> assertThat(h).containsEntry("Cause", "16")
                .hasEntrySatisfying("Channel", c -> assertThat(c).startsWith("PJSIP/agent1002")));
    }

    @Test
    void busyNoAnswerAndCongestionEndAsSuch() throws Exception {
        telephony.originate(request(2, "14155550002", false));
        telephony.originate(request(4, "14155550004", false));
        telephony.originate(request(5, "14155550005", false));
        Map<Long, CallResult> results = new java.util.HashMap<>();
        while (results.size() < 3) {
            if (next() instanceof CallEvent.CallEnded ended) {
                results.put(ended.attemptId().value(), ended.result());
            }
        }
        assertThat(results).containsEntry(2L, CallResult.BUSY).containsEntry(4L, CallResult.NO_ANSWER)
                .containsEntry(5L, CallResult.CONGESTION);
        assertThat(telephony.freeLines()).isEqualTo(10);
    }

    @Test
    void machineDetectionReportsTheVerdictFromTheDialplan() throws Exception {
        telephony.originate(request(3, "14155550003", true));
        CallEvent.CallAnswered answered = null;
        CallEvent.CallEnded ended = null;
        while (ended == null) {
            CallEvent e = next();
            if (e instanceof CallEvent.CallAnswered a) {
                answered = a;
            } else if (e instanceof CallEvent.CallEnded x) {
                ended = x;
            }
        }
        assertThat(answered).isNotNull();
        assertThat(answered.amd()).isEqualTo(AmdStatus.MACHINE);
        assertThat(ended.result()).isEqualTo(CallResult.MACHINE);
    }

    @Test
    void aServerThatCannotBeReachedIsOutOfRotationAndCallsFailCleanly() throws Exception {
        AsteriskTelephony down = new AsteriskTelephony(clock, List.of(new AsteriskServer("pbx9", "127.0.0.1", 1, "dialer", "x",
                "PJSIP/{number}@trunk1", 10)));
        BlockingQueue<CallEvent> mine = new LinkedBlockingQueue<>();
        down.setListener(mine::add);
        down.connect();
        assertThat(down.serversInRotation()).isEmpty();
        assertThat(down.freeLines()).isZero();
        down.originate(request(6, "14155550001", false));
        CallEvent e = mine.poll(2, TimeUnit.SECONDS);
        assertThat(e).isInstanceOfSatisfying(CallEvent.CallEnded.class, x -> assertThat(x.result()).isEqualTo(CallResult.CONGESTION));
    }

    @Test
    void afterAReconnectCallsTheServerLostAreClosedAndTheOthersCarryOn() throws Exception {
        telephony.originate(request(7, "14155550001", false));
        assertThat(next()).isInstanceOf(CallEvent.CallRinging.class);
        assertThat(next()).isInstanceOf(CallEvent.CallAnswered.class);

        asterisk.dropConnections(true); // Asterisk restarted: the call is gone, no Hangup will ever come
        CallEvent closed = events.poll(20, TimeUnit.SECONDS);
        assertThat(closed).as("closed after the reconnect").isInstanceOfSatisfying(CallEvent.CallEnded.class,
                e -> assertThat(e.causeText()).contains("channel gone"));
        assertThat(telephony.serversInRotation()).containsExactly("pbx1");
        assertThat(asterisk.actions("Originate")).hasSize(1); // nothing dialled again because of the reconnect
    }

    @Test
    void theWatchdogClosesACallAsteriskNeverReportedOn() throws Exception {
        AsteriskTelephony silent = new AsteriskTelephony(clock, List.of(new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(),
                "dialer", "s3cret", "PJSIP/{number}@trunk1", 10)));
        BlockingQueue<CallEvent> mine = new LinkedBlockingQueue<>();
        silent.setListener(mine::add);
        silent.connect();
        silent.originate(request(8, "14155550004", false)); // no answer: rings until the test server gives up
        assertThat(silent.watchdog(Duration.ZERO, Duration.ofHours(4))).as("not yet past its ring timeout").isZero();
        assertThat(silent.watchdog(Duration.ofSeconds(-30), Duration.ofHours(4))).isEqualTo(1);
        CallEvent e = mine.poll(2, TimeUnit.SECONDS);
        while (e instanceof CallEvent.CallRinging) {
            e = mine.poll(2, TimeUnit.SECONDS);
        }
        assertThat(e).isInstanceOfSatisfying(CallEvent.CallEnded.class, x -> assertThat(x.causeText()).contains("watchdog"));
        silent.close();
    }

    @Test
    void aLiveCalleeNoAgentCouldTakeHearsTheSafeHarbourMessage() throws Exception {
        telephony.originate(request(9, "14155550001", false));
        assertThat(next()).isInstanceOf(CallEvent.CallRinging.class);
        assertThat(next()).isInstanceOf(CallEvent.CallAnswered.class);
        telephony.playSafeHarbourAndHangup(new AttemptId(9));
        telephony.sendToRobot(new AttemptId(9));
        telephony.leaveMessageAndHangup(new AttemptId(9));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(asterisk.actions("Redirect"))
                .extracting(a -> a.get("Context")).containsExactly("dialer-safe-harbour", "dialer-robot", "dialer-message"));
        assertThat(asterisk.actions("Redirect").get(0).get("Channel")).startsWith("PJSIP/14155550001@trunk1");
    }

    @Test
    void aTransferredCallIsDialledThroughToTheNumberAndEndsForTheDialerAtOnce() throws Exception {
        telephony.originate(request(10, "14155550001", false));
        assertThat(next()).isInstanceOf(CallEvent.CallRinging.class);
        assertThat(next()).isInstanceOf(CallEvent.CallAnswered.class);

        telephony.transfer(new AttemptId(10), new PhoneNumber("+14155550100"));

        assertThat(next()).isInstanceOfSatisfying(CallEvent.CallEnded.class, ended -> {
            assertThat(ended.result()).isEqualTo(CallResult.HUMAN);
            assertThat(ended.cause()).isEqualTo(16);
            assertThat(ended.causeText()).isEqualTo("transferred to +14155550100");
        });
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // the actions are on their way to the server
        while (asterisk.actions("Redirect").isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(asterisk.actions("SetVar")).anySatisfy(a -> assertThat(a)
                .containsEntry("Variable", "DIALER_TRANSFER_TO").containsEntry("Value", "PJSIP/14155550100@trunk1"));
        assertThat(asterisk.actions("Redirect")).singleElement().satisfies(a -> assertThat(a).containsEntry("Context", "dialer-transfer"));
        assertThat(asterisk.actions("Hangup")).as("the callee talks on with the new party").isEmpty();
    }

    @Test
    void malformedAndUnknownEventsAreIgnoredAndCallsCarryOn() throws Exception {
        asterisk.inject("Event: SomethingNew\r\nFoo: bar\r\n\r\n");
        asterisk.inject("this is not AMI at all\r\n\r\n");
        asterisk.inject("Event: Hangup\r\nUniqueid: dialer-does-not-exist\r\nCause: banana\r\n\r\n");
        telephony.originate(request(10, "14155550002", false));
        CallEvent e = next();
        while (!(e instanceof CallEvent.CallEnded)) {
            e = next();
        }
        assertThat(((CallEvent.CallEnded) e).result()).isEqualTo(CallResult.BUSY);
    }

    @Test
    void callsSpreadOverServersByFreeCapacityAndAServerThatGoesDownIsLeftOut() throws Exception {
        try (TestAmiServer second = new TestAmiServer("s3cret", Map.of("14155550001", new TestAmiServer.Callee("human", 100, 0)))) {
            AsteriskTelephony two = new AsteriskTelephony(clock, List.of(
                    new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(), "dialer", "s3cret", "PJSIP/{number}@trunk1", 3),
                    new AsteriskServer("pbx2", "127.0.0.1", second.port(), "dialer", "s3cret", "PJSIP/{number}@trunk1", 3)));
            BlockingQueue<CallEvent> mine = new LinkedBlockingQueue<>();
            two.setListener(mine::add);
            two.connect();
            assertThat(two.freeLines()).isEqualTo(6);
            for (int i = 0; i < 4; i++) {
                two.originate(request(20 + i, "14155550001", false));
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(asterisk.actions("Originate")).hasSize(2);
                assertThat(second.actions("Originate")).hasSize(2);
            });
            assertThat(two.freeLines()).isEqualTo(2);

            second.close(); // pbx2 goes away for good
            await().atMost(Duration.ofSeconds(5)).until(() -> two.serversInRotation().size() == 1);
            assertThat(two.serversInRotation()).containsExactly("pbx1");
            two.originate(request(30, "14155550002", false));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(asterisk.actions("Originate")).hasSize(3));
            two.close();
        }
    }

    @Test
    void aRecordedCallReportsWhereItsRecordingIs() throws Exception {
        telephony.originate(new OriginateRequest(new AttemptId(40), new CampaignId(3), new PhoneNumber("+14155550001"), null,
                Duration.ofSeconds(22), false, true, Map.of()));
        CallEvent.RecordingStarted recording = null;
        while (recording == null) {
            if (next() instanceof CallEvent.RecordingStarted r) {
                recording = r;
            }
        }
        assertThat(recording.path()).isEqualTo("/var/spool/asterisk/monitor/dialer/3/40.wav");
    }

    @Test
    void aStallingServerDelaysEventsButLosesNoCall() throws Exception {
        asterisk.stall(1500);
        telephony.originate(request(41, "14155550002", false));
        CallEvent e = events.poll(10, TimeUnit.SECONDS);
        while (e != null && !(e instanceof CallEvent.CallEnded)) {
            e = events.poll(10, TimeUnit.SECONDS);
        }
        assertThat(e).isInstanceOfSatisfying(CallEvent.CallEnded.class, x -> assertThat(x.result()).isEqualTo(CallResult.BUSY));
    }

    @Test
    void stoppingTheCampaignHangsUpARingingCall() throws Exception {
        telephony.originate(request(42, "14155550004", false)); // rings with no answer
        assertThat(next()).isInstanceOf(CallEvent.CallRinging.class);
        telephony.hangup(new AttemptId(42));
        CallEvent e = next();
        assertThat(e).isInstanceOfSatisfying(CallEvent.CallEnded.class, x -> assertThat(x.result()).isEqualTo(CallResult.NO_ANSWER));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(asterisk.actions("Hangup")).hasSize(1));
    }

    @Test
    void twoCampaignsSharingAServerNeverOpenMoreThanItsMaximumTogether() throws Exception {
        ChannelLeases shared = new InstanceChannelLeases();
        AsteriskServer capped = new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(), "dialer", "s3cret", "PJSIP/{number}@trunk1", 3);
        AsteriskTelephony first = new AsteriskTelephony(clock, List.of(capped), Duration.ofSeconds(5), shared);
        AsteriskTelephony second = new AsteriskTelephony(clock, List.of(capped), Duration.ofSeconds(5), shared);
        BlockingQueue<CallEvent> firstEvents = new LinkedBlockingQueue<>();
        BlockingQueue<CallEvent> secondEvents = new LinkedBlockingQueue<>();
        first.setListener(firstEvents::add);
        second.setListener(secondEvents::add);
        first.connect();
        second.connect();
        try {
            first.originate(request(50, "14155550004", false)); // rings on
            first.originate(request(51, "14155550004", false));
            assertThat(second.freeLines()).as("the other campaign sees the lines taken").isEqualTo(1);
            second.originate(request(52, "14155550004", false));
            second.originate(request(53, "14155550004", false));

            CallEvent refused = secondEvents.poll(2, TimeUnit.SECONDS);
            while (refused instanceof CallEvent.CallRinging) {
                refused = secondEvents.poll(2, TimeUnit.SECONDS);
            }
            assertThat(refused).isInstanceOfSatisfying(CallEvent.CallEnded.class, e -> {
                assertThat(e.attemptId()).isEqualTo(new AttemptId(53));
                assertThat(e.result()).isEqualTo(CallResult.CONGESTION);
            });
            assertThat(first.freeLines()).isZero();
            assertThat(shared.inUse("pbx1")).isEqualTo(3);

            first.hangup(new AttemptId(50));
            await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5)).until(() -> second.freeLines() > 0);
            assertThat(second.freeLines()).as("a line given back is free for either campaign").isEqualTo(1);
            assertThat(asterisk.actions("Originate")).hasSize(3);
        } finally {
            first.close();
            second.close();
        }
    }
}

package org.opendialer.engine.asterisk;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.OriginateRequest;

/**
 * Load on the Asterisk adapter against the loopback AMI server: {@code rate} originates per second for
 * {@code seconds}, each answered after 2 s and kept up {@code talk} seconds (so about rate x (2 + talk) calls
 * are up at once); every answer is routed to an agent at once. Prints the answer-event to route-action
 * latency seen by the server (p50/p99) and the process CPU time. A benchmark, not a test: run it with
 * {@code dialer-engine/bench-ami.sh}.
 */
public final class AmiLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int talk = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int calls = rate * seconds;
        Map<String, TestAmiServer.Callee> callees = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            callees.put(String.format("1415%07d", i), new TestAmiServer.Callee("human", 2000, talk * 1000L));
        }
        try (TestAmiServer asterisk = new TestAmiServer("s3cret", callees); SystemClock clock = new SystemClock("bench-clock")) {
            AsteriskTelephony telephony = new AsteriskTelephony(clock, List.of(new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(),
                    "dialer", "s3cret", "PJSIP/{number}@trunk1", calls)));
            AtomicLong ended = new AtomicLong();
            AtomicLong up = new AtomicLong();
            AtomicLong peak = new AtomicLong();
            telephony.setListener(event -> {
                if (event instanceof CallEvent.CallAnswered a) {
                    peak.accumulateAndGet(up.incrementAndGet(), Math::max);
                    telephony.bridge(a.attemptId(), new AgentEndpoint(1, "PJSIP/agent1"));
                } else if (event instanceof CallEvent.CallEnded) {
                    up.decrementAndGet();
                    ended.incrementAndGet();
                }
            });
            telephony.connect();
            long cpuTime0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                long due = start + (long) i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                telephony.originate(new OriginateRequest(new AttemptId(i + 1), new CampaignId(1),
                        new PhoneNumber(String.format("+1415%07d", i)), null, Duration.ofSeconds(22), false, false, Map.of()));
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            while (ended.get() < calls && System.nanoTime() - start < (seconds + talk + 30) * 1_000_000_000L) {
                Thread.sleep(100);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long cpuTime = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - cpuTime0;
            long[] lat = asterisk.answerToRouteNanos().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%d originates in %.1f s (%.0f/s), %d ended, at most %d calls up at once%n", calls, sendSeconds,
                    calls / sendSeconds, ended.get(), peak.get());
            System.out.printf("answer event -> route action (SetVar/Redirect), seen by the AMI server: p50 %.2f ms, p99 %.2f ms (%d answers)%n",
                    lat[lat.length / 2] / 1e6, lat[(int) (lat.length * 0.99)] / 1e6, lat.length);
            System.out.printf("process CPU %.1f s over %.1f s wall (%.0f %% of one core; AMI server and dialer in one JVM)%n",
                    cpuTime / 1e9, wall, 100 * cpuTime / 1e9 / wall);
            telephony.close();
        }
    }
}

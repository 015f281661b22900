package org.opendialer.service.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.dialer.DialerMetrics;

/** The clock thread hands its database writes to the run's worker: it never waits on them, and none is lost on close. */
class RunWritesTest {

    @Test
    void theCallerGoesOnWhileTheWorkerWritesInTheOrderHandedOver() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch databaseSlow = new CountDownLatch(1);
        RunWrites writes = RunWrites.onWorker("dialer-pacing-writer-test");

        writes.submit("first", () -> {
            await(databaseSlow);
            threads.add(Thread.currentThread().getName());
            written.add("first");
        });
        writes.submit("second", () -> written.add("second"));
        writes.submit("third", () -> written.add("third"));

        assertThat(written).as("the caller returned while the database was still busy").isEmpty();
        databaseSlow.countDown();
        writes.close();
        assertThat(written).containsExactly("first", "second", "third");
        assertThat(threads).containsExactly("dialer-pacing-writer-test");
    }

    @Test
    void aWriteTheDatabaseRefusesDoesNotStopTheNext() {
        List<String> written = new CopyOnWriteArrayList<>();
        RunWrites writes = RunWrites.onWorker("dialer-pacing-writer-test");

        writes.submit("refused", () -> {
            throw new IllegalStateException("connection refused");
        });
        writes.submit("next", () -> written.add("next"));
        writes.close();

        assertThat(written).containsExactly("next");
    }

    @Test
    void inSimulatedTimeAWriteLandsAsItIsHandedOver() {
        List<String> threads = new CopyOnWriteArrayList<>();
        RunWrites writes = RunWrites.inline();

        writes.submit("now", () -> threads.add(Thread.currentThread().getName()));

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aPacingRowIsTakenFromTheMetricsAsTheyWereThatMinute() {
        Instant at = Instant.parse("2026-12-03T15:00:00Z");
        DialerMetrics metrics = new DialerMetrics(at, true, "predictive", Double.NaN, 7, Map.of(),
                Map.of(AgentState.READY, 3, AgentState.ON_CALL, 4, AgentState.WRAP_UP, 2), 0.021, 0.018, 90, 2, 400, 0.8);

        PacingLog.Row row = PacingLog.Row.of(metrics);

        assertThat(row).isEqualTo(new PacingLog.Row(at, 0, 7, 3, 6, 0.021, 0.018));
        assertThat(PacingLog.Row.of(new DialerMetrics(at, true, "predictive", 5_000, 0, Map.of(), Map.of(), 0, 0, 0, 0, 0, 0))
                .dialLevel()).isEqualTo(999);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

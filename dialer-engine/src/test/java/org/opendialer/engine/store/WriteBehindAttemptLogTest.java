package org.opendialer.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.opendialer.engine.dialer.DialLead;

class WriteBehindAttemptLogTest {

    private static final CampaignId CAMPAIGN = new CampaignId(7);
    private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void idsComeFromReservedBlocksAndTheStoreIsAskedOncePerBlock() {
        AtomicInteger reservations = new AtomicInteger();
        AttemptIdBlocks counted = size -> 1000L * reservations.incrementAndGet();
        try (WriteBehindAttemptLog log = new WriteBehindAttemptLog("t", new InMemoryAttemptStore(), counted, 10, WriteJournal.none())) {
            assertThat(reservations.get()).as("two blocks before the first call").isEqualTo(2);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(log.open(CAMPAIGN, lead(i), T0).value());
            }
            assertThat(ids).containsExactly(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L);
            assertThat(reservations.get()).as("no round trip while the block lasts").isEqualTo(2);
            assertThat(log.open(CAMPAIGN, lead(10), T0).value()).as("the block reserved ahead").isEqualTo(2000L);
            await().atMost(Duration.ofSeconds(5)).until(() -> reservations.get() == 3); // the next, reserved off the dialer's thread
        }
    }

    @Test
    void everyWriteIsStoredInTheOrderTheDialerMadeIt() {
        InMemoryAttemptStore store = new InMemoryAttemptStore();
        try (WriteBehindAttemptLog log = new WriteBehindAttemptLog("t", store, AttemptIdBlocks.inMemory(1), 100, WriteJournal.none())) {
            AttemptId id = log.open(CAMPAIGN, lead(1), T0);
            log.progressed(id, AttemptPhase.RINGING, T0.plusSeconds(1), 0);
            log.accept(new AgentStateChange(5, AgentState.READY, AgentState.ON_CALL, T0.plusSeconds(9), id, null));
            log.closed(outcome(id, lead(1)));
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(store.written()).extracting(w -> w.getClass().getSimpleName())
                    .containsExactly("Opened", "Progressed", "AgentStateChanged", "Closed");
            assertThat(log.pending()).isZero();
        }
    }

    @Test
    void writesThatPileUpWhileTheStoreIsBusyGoInOneBatch() throws Exception {
        CountDownLatch firstBatchTaken = new CountDownLatch(1);
        CountDownLatch letItGo = new CountDownLatch(1);
        InMemoryAttemptStore kept = new InMemoryAttemptStore();
        AttemptStore slow = batch -> {
            firstBatchTaken.countDown();
            try {
                letItGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kept.write(batch);
        };
        try (WriteBehindAttemptLog log = new WriteBehindAttemptLog("t", slow, AttemptIdBlocks.inMemory(1), 100, WriteJournal.none())) {
            log.open(CAMPAIGN, lead(0), T0);
            firstBatchTaken.await();
            for (int i = 1; i <= 20; i++) {
                log.open(CAMPAIGN, lead(i), T0); // the dialer goes on while the store is busy
            }
            letItGo.countDown();
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(kept.batchSizes()).containsExactly(1, 20);
        }
    }

    @Test
    void aBatchTheStoreRefusesIsRetriedUntilTakenAndNothingOvertakesIt() {
        InMemoryAttemptStore kept = new InMemoryAttemptStore();
        AtomicInteger refusals = new AtomicInteger(2);
        AttemptStore flaky = batch -> {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("database unreachable");
            }
            kept.write(batch);
        };
        try (WriteBehindAttemptLog log = new WriteBehindAttemptLog("t", flaky, AttemptIdBlocks.inMemory(1), 100, WriteJournal.none())) {
            AttemptId first = log.open(CAMPAIGN, lead(1), T0);
            AttemptId second = log.open(CAMPAIGN, lead(2), T0);
            assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(log.failures()).isEqualTo(2);
            assertThat(kept.written()).extracting(w -> ((AttemptWrite.Opened) w).attempt()).containsExactly(first, second);
        }
    }

    @Test
    void writesAcknowledgedButNotStoredWhenTheProcessDiesAreStoredFromTheJournalAtTheNextStart() {
        Path journalFile = dir.resolve("campaign-7.journal");
        AttemptStore down = batch -> {
            throw new IllegalStateException("database unreachable");
        };
        WriteBehindAttemptLog log = new WriteBehindAttemptLog("t", down, AttemptIdBlocks.inMemory(1), 100, WriteJournal.at(journalFile));
        AttemptId id = log.open(CAMPAIGN, lead(1), T0);
        log.progressed(id, AttemptPhase.RINGING, T0.plusSeconds(1), 0);
        log.closed(outcome(id, lead(1)));
        log.close(Duration.ofMillis(200)); // the process goes away with the database still down

        InMemoryAttemptStore restarted = new InMemoryAttemptStore();
        assertThat(WriteJournal.replay(journalFile, restarted, 100)).isEqualTo(3);
        assertThat(restarted.written()).containsExactly(new AttemptWrite.Opened(id, CAMPAIGN, lead(1), T0),
                new AttemptWrite.Progressed(id, AttemptPhase.RINGING, T0.plusSeconds(1), 0),
                new AttemptWrite.Closed(outcome(id, lead(1))));
        assertThat(Files.exists(journalFile)).isFalse();
    }

    @Test
    void aJournalWhoseWritesWereAllStoredReplaysNothing() {
        Path journalFile = dir.resolve("campaign-8.journal");
        InMemoryAttemptStore store = new InMemoryAttemptStore();
        try (WriteBehindAttemptLog log = new WriteBehindAttemptLog("t", store, AttemptIdBlocks.inMemory(1), 100, WriteJournal.at(journalFile))) {
            AttemptId id = log.open(CAMPAIGN, lead(1), T0);
            log.closed(outcome(id, lead(1)));
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
        }
        InMemoryAttemptStore again = new InMemoryAttemptStore();
        assertThat(WriteJournal.replay(journalFile, again, 100)).isZero();
        assertThat(again.written()).isEmpty();
    }

    private static DialLead lead(int n) {
        return new DialLead(100 + n, new PhoneNumber("+1415555" + String.format("%04d", n)), null,
                java.util.Map.of("first_name", "Lee " + n));
    }

    private static AttemptOutcome outcome(AttemptId id, DialLead lead) {
        return new AttemptOutcome(id, CAMPAIGN, lead, T0, T0.plusSeconds(1), null, null, T0.plusSeconds(23), CallResult.NO_ANSWER,
                19, "no answer", null, null, 0, false, false, "sim", "SIM/1", "sim.1", null);
    }
}

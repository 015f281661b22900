package org.opendialer.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.dialer.LeadSource;

class ReadAheadLeadSourceTest {

    /** A source as slow as a database: it answers only when let. */
    private static final class SlowSource implements LeadSource {
        final Deque<DialLead> leads = new ArrayDeque<>();
        final List<DialLead> returned = new ArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);

        SlowSource(int count) {
            for (int i = 0; i < count; i++) {
                leads.add(new DialLead(i, new PhoneNumber("+1415555" + String.format("%04d", i))));
            }
        }

        @Override
        public synchronized Optional<DialLead> next() {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.ofNullable(leads.pollFirst());
        }

        @Override
        public String whyEmpty() {
            return "the list is exhausted";
        }
    }

    @Test
    void leadsAreReadyBeforeTheyAreAskedForAndTheAskingThreadNeverWaitsForTheSource() {
        SlowSource source = new SlowSource(10);
        try (ReadAheadLeadSource ahead = new ReadAheadLeadSource("t", source, 4, lead -> true, source.returned::addAll)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> ahead.ready() == 4);
            source.gate = new CountDownLatch(1); // the source stalls from now on
            for (int i = 0; i < 4; i++) {
                assertThat(ahead.next()).map(DialLead::leadId).contains((long) i);
            }
            assertThat(ahead.next()).as("empty at once, not waiting for the stalled source").isEmpty();
            source.gate.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> ahead.ready() == 4);
        }
    }

    @Test
    void aLeadNoLongerCallableWhenHandedOutGoesBackToTheSource() {
        SlowSource source = new SlowSource(3);
        List<DialLead> returned = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ReadAheadLeadSource ahead = new ReadAheadLeadSource("t", source, 3, lead -> lead.leadId() != 0, returned::addAll)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> ahead.ready() == 3);
            assertThat(ahead.next()).map(DialLead::leadId).contains(1L);
            await().atMost(Duration.ofSeconds(5)).until(() -> returned.size() == 1);
            assertThat(returned.get(0).leadId()).isZero();
        }
    }

    @Test
    void whenTheSourceRunsDryItsReasonIsGivenWithoutAskingIt() {
        SlowSource source = new SlowSource(1);
        try (ReadAheadLeadSource ahead = new ReadAheadLeadSource("t", source, 4, lead -> true, list -> { })) {
            await().atMost(Duration.ofSeconds(5)).until(() -> ahead.whyEmpty().equals("the list is exhausted"));
            assertThat(ahead.next()).isPresent();
            assertThat(ahead.next()).isEmpty();
        }
    }

    @Test
    void pausingHandsEveryLeadHeldReadyBack() {
        SlowSource source = new SlowSource(5);
        List<DialLead> returned = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ReadAheadLeadSource ahead = new ReadAheadLeadSource("t", source, 5, lead -> true, returned::addAll)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> ahead.ready() == 5);
            ahead.returnAll();
            await().atMost(Duration.ofSeconds(5)).until(() -> returned.size() == 5);
            assertThat(ahead.ready()).isZero();
        }
    }
}

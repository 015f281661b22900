package org.opendialer.service.dialing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.opendialer.engine.store.AttemptStore;
import org.opendialer.engine.store.WriteBehindAttemptLog;
import org.opendialer.engine.store.WriteJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-behind journals of this instance's campaigns, one file per campaign under {@code dialer.data.dir}
 * ({@code data/journal/<instance>-campaign-<id>.journal}). A journal left by a killed process is stored at the next
 * start of the same instance, before its open attempts are recovered, so recovery sees every attempt the dialer
 * placed.
 */
final class AttemptJournals {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptJournals.class);
    private static final String SUFFIX = ".journal";

    private AttemptJournals() {
    }

    static Path folder() {
        return Path.of(System.getProperty("dialer.data.dir", "data"), "journal");
    }

    static Path file(String instance, long campaignId) {
        return folder().resolve(prefix(instance) + campaignId + SUFFIX);
    }

    /** Stores what a left-over journal of the campaign holds, then opens a fresh one. */
    static WriteJournal openAfterReplay(String instance, long campaignId, AttemptStore store) {
        Path file = file(instance, campaignId);
        int replayed = WriteJournal.replay(file, store, WriteBehindAttemptLog.MAX_BATCH);
        if (replayed > 0) {
            LOG.warn("Stored {} attempt write(s) of campaign {} left in its journal by the last run", replayed, campaignId);
        }
        return WriteJournal.at(file);
    }

    /**
     * Stores every journal this instance left behind, each through the store of its campaign; returns how many writes.
     * A journal whose campaign is gone is kept, and named in the log.
     */
    static int replayAll(String instance, LongFunction<AttemptStore> stores) {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.getFileName().toString().startsWith(prefix(instance))
                    && f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the attempt journals in " + folder, e);
        }
        int replayed = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            long campaignId = Long.parseLong(name.substring(prefix(instance).length(), name.length() - SUFFIX.length()));
            AttemptStore store = stores.apply(campaignId);
            if (store == null) {
                LOG.warn("Attempt journal {} belongs to campaign {}, which no longer exists: kept as it is", file, campaignId);
                continue;
            }
            replayed += WriteJournal.replay(file, store, WriteBehindAttemptLog.MAX_BATCH);
        }
        return replayed;
    }

    private static String prefix(String instance) {
        return instance.replaceAll("[^A-Za-z0-9._-]", "_") + "-campaign-";
    }
}

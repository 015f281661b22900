package org.opendialer.reports.export;

import java.io.IOException;
import java.util.List;

/** Receives a report table row by row (so a million rows never sit in memory), then is closed. */
public interface TableWriter extends AutoCloseable {

    void header(List<String> columns) throws IOException;

    void row(List<?> values) throws IOException;

    @Override
    void close() throws IOException;
}

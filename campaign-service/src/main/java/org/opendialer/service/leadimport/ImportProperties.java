package org.opendialer.service.leadimport;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where imports keep their files and how long an upload is kept ({@code dialer.data.dir},
 * {@code dialer.uploads.retention}).
 */
@ConfigurationProperties("dialer")
public record ImportProperties(@DefaultValue Data data, @DefaultValue Uploads uploads) {

    /** @param dir the folder uploads, rejected rows and journals are kept under */
    public record Data(@DefaultValue("data") Path dir) {
    }

    /** @param retention how long after its import ended an uploaded file is deleted (never negative) */
    public record Uploads(@DefaultValue("30d") Duration retention) {

        public Uploads {
            if (retention.isNegative()) {
                throw new IllegalArgumentException("dialer.uploads.retention must not be negative, e.g. 30d or 12h, not " + retention);
            }
        }
    }
}

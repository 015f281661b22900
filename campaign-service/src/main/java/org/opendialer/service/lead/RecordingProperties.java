package org.opendialer.service.lead;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param dir where the PBX's recordings are mounted; a relative recording path is looked up under it ({@code dialer.recordings.dir}) */
@ConfigurationProperties("dialer.recordings")
public record RecordingProperties(@DefaultValue("data/recordings") Path dir) {
}

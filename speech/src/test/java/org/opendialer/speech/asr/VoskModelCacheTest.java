package org.opendialer.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelCacheTest {

    @TempDir
    Path cache;

    private static byte[] archive(String folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of(folder + "am/final.mdl", folder + "conf/mfcc.conf", "AndroidManifest.xml")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("contents of " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void severalStartingAtOnceUnpackTheModelOnceAndAllUseIt() throws Exception {
        byte[] aar = archive(VoskModelCache.MODEL_FOLDER);
        AtomicInteger opened = new AtomicInteger();
        ExecutorService starts = Executors.newFixedThreadPool(4);
        List<Future<Path>> found = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Path> start = () -> VoskModelCache.unpacked(cache, "model-1", () -> {
                opened.incrementAndGet();
                return new ByteArrayInputStream(aar);
            });
            found.add(starts.submit(start));
        }
        for (Future<Path> f : found) {
            assertThat(f.get()).isEqualTo(cache.resolve("model-1"));
        }
        starts.shutdown();
        assertThat(opened).hasValue(1);
        assertThat(Files.readString(cache.resolve("model-1/am/final.mdl"))).isEqualTo("contents of assets/model-en-us/am/final.mdl");
        assertThat(cache.resolve("model-1/AndroidManifest.xml")).doesNotExist();
        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model-1", "model-1.lock");
        }
    }

    @Test
    void aCopyLeftIncompleteIsUnpackedAgain() throws Exception {
        Files.createDirectories(cache.resolve("model-1/am"));
        Files.writeString(cache.resolve("model-1/am/final.mdl"), "half");
        VoskModelCache.unpacked(cache, "model-1", () -> {
            try {
                return new ByteArrayInputStream(archive(VoskModelCache.MODEL_FOLDER));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.readString(cache.resolve("model-1/am/final.mdl"))).startsWith("contents of");
    }

    @Test
    void anArchiveWithoutAModelIsRefusedNamingTheFolderItLacks() throws Exception {
        byte[] aar = archive("assets/other/");
        assertThatThrownBy(() -> VoskModelCache.unpacked(cache, "model-2", () -> new ByteArrayInputStream(aar)))
                .hasMessageContaining("assets/model-en-us/");
        assertThat(cache.resolve("model-2")).doesNotExist();
    }
}

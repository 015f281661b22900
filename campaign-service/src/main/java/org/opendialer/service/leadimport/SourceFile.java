package org.opendialer.service.leadimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What an uploaded file is: its format (CSV, TSV or XLSX), text encoding, delimiter, and how many bytes a
 * byte-order mark takes. Detection reads the first 64 KB: a BOM decides the encoding; otherwise text that
 * decodes as strict UTF-8 is UTF-8, and other text is taken as GB18030 (a superset of GBK), the usual
 * export encoding of Chinese spreadsheets, when it reads as Chinese: valid GB18030 whose non-ASCII
 * characters are mostly the common ones of GB2312. Anything else (Latin-1, Windows-1252, ...) is refused
 * with a request for {@code --encoding} rather than read as nonsense. Binary files are refused before
 * anything is stored.
 */
public record SourceFile(Path path, Format format, Charset encoding, char delimiter, int bomLength) {

    public enum Format { CSV, TSV, XLSX }

    private static final int SAMPLE = 64 * 1024;

    public static SourceFile inspect(Path path, String encodingOverride, Character delimiterOverride) {
        if (!Files.isRegularFile(path)) {
            throw new ImportFailedException(path + ": no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new ImportFailedException(path + ": cannot be read: " + e.getMessage());
        }
        if (head.length == 0) {
            throw new ImportFailedException(path.getFileName() + ": the file is empty, not a lead list");
        }
        if (head.length > 3 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new SourceFile(path, Format.XLSX, StandardCharsets.UTF_8, ',', 0);
        }
        Charset charset;
        int bom = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            if (looksBinary(head)) {
                throw new ImportFailedException(path.getFileName() + ": this is a binary file, not a lead list (CSV, TSV or XLSX)");
            }
            charset = decodesStrictly(head, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        }
        boolean forced = encodingOverride != null && !encodingOverride.isBlank();
        if (!forced && bom == 0 && !charset.equals(StandardCharsets.UTF_8)) {
            String unlikely = ChineseText.unlikelySample(head);
            if (unlikely != null) {
                throw new ImportFailedException(path.getFileName() + ": cannot tell the text encoding: it is not UTF-8, "
                        + "and read as GBK it gives unlikely text (\"" + unlikely + "\"); give the encoding with --encoding, "
                        + "e.g. --encoding windows-1252 for Western European text from Excel, or --encoding GBK");
            }
        }
        if (forced) {
            try {
                charset = Charset.forName(encodingOverride.equalsIgnoreCase("GBK") ? "GB18030" : encodingOverride);
            } catch (IllegalArgumentException e) {
                throw new ImportFailedException("unknown encoding '" + encodingOverride + "' (try UTF-8, GBK, GB18030, UTF-16)");
            }
        }
        String text = new String(head, bom, head.length - bom, charset);
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = delimiterOverride != null ? delimiterOverride : guessDelimiter(firstLine);
        return new SourceFile(path, delimiter == '\t' ? Format.TSV : Format.CSV, charset, delimiter, bom);
    }

    /** A reader over the text after the BOM; malformed bytes become U+FFFD so the row can be rejected by name. */
    public Reader openReader() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.skipNBytes(bomLength);
        CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    private static boolean looksBinary(byte[] head) {
        int zeros = 0;
        int controls = 0;
        for (byte b : head) {
            if (b == 0) {
                zeros++;
            } else if (b > 0 && b < 9 || b > 13 && b < 32 && b != 27) {
                controls++;
            }
        }
        return zeros > 0 || controls > head.length / 20;
    }

    private static boolean decodesStrictly(byte[] bytes, Charset charset) {
        // the sample may end inside a multi-byte character: drop up to 3 trailing bytes before judging
        for (int cut = 0; cut <= Math.min(3, bytes.length - 1); cut++) {
            try {
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length - cut)));
                return true;
            } catch (CharacterCodingException e) {
                if (bytes.length < SAMPLE) {
                    return false;
                }
            }
        }
        return false;
    }

    private static char guessDelimiter(String line) {
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', '\t', ';', '|'}) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}

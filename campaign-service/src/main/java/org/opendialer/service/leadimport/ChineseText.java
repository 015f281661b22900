package org.opendialer.service.leadimport;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Whether bytes that are not UTF-8 are plausibly GBK/GB18030 Chinese text. Almost any byte pair decodes
 * as some GB18030 character (Latin-1 {@code ç o} becomes 鏾), so decoding alone proves nothing; real
 * Chinese text, though, is made mostly of the 7 000 common characters and punctuation of GB2312, while
 * Western text misread as GBK gives rare characters or invalid sequences.
 */
final class ChineseText {

    /** Share of non-ASCII characters that must be common (GB2312) ones. */
    private static final double COMMON_SHARE = 0.8;

    private ChineseText() {
    }

    /** Null when {@code sample} reads as Chinese; else a short piece of it as GBK would show it, to name the problem. */
    static String unlikelySample(byte[] sample) {
        Charset gb18030 = Charset.forName("GB18030");
        CharBuffer text = null;
        // the sample may end inside a multi-byte character: drop up to 3 trailing bytes before judging
        for (int cut = 0; cut <= Math.min(3, sample.length - 1) && text == null; cut++) {
            try {
                text = gb18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Arrays.copyOf(sample, sample.length - cut)));
            } catch (CharacterCodingException e) {
                // try a shorter sample
            }
        }
        String decoded = text != null ? text.toString() : new String(sample, gb18030);
        CharsetEncoder common = Charset.forName("GB2312").newEncoder();
        int foreign = 0;
        int uncommon = 0;
        int firstUncommon = -1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x80) {
                continue;
            }
            foreign++;
            if (c == '\uFFFD' || !common.canEncode(c)) {
                uncommon++;
                firstUncommon = firstUncommon < 0 ? i : firstUncommon;
            }
        }
        if (uncommon <= foreign * (1 - COMMON_SHARE)) {
            return null;
        }
        int at = Math.max(0, firstUncommon);
        int from = at;
        while (from > 0 && at - from < 20 && !Character.isWhitespace(decoded.charAt(from - 1)) && decoded.charAt(from - 1) != ',') {
            from--;
        }
        int to = Math.min(decoded.length(), at + 1);
        while (to < decoded.length() && to - at < 20 && !Character.isWhitespace(decoded.charAt(to)) && decoded.charAt(to) != ',') {
            to++;
        }
        return decoded.substring(from, to);
    }
}

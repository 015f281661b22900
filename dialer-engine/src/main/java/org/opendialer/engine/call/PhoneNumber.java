package org.opendialer.engine.call;

import java.util.regex.Pattern;

/** A dialable number in E.164 form (+ and 7 to 15 digits); normalisation happens at import. */
public record PhoneNumber(String e164) implements java.io.Serializable {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /** The digits without the leading +, as trunks usually want them. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }
}

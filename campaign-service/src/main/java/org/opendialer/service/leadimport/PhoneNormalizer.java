package org.opendialer.service.leadimport;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.List;

/** Turns whatever a spreadsheet holds into E.164, with the number's type and time zone (libphonenumber). */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    /** A valid number. {@code timeZone} is the first zone libphonenumber gives, null when it cannot tell. */
    public record Normalized(String e164, String type, String region, String timeZone) {
    }

    private final String defaultRegion;

    public PhoneNormalizer(String defaultRegion) {
        if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new ImportFailedException("unknown phone region '" + defaultRegion + "' (use a two-letter code like CN, US, GB)");
        }
        this.defaultRegion = defaultRegion;
    }

    /** The normalised number, or an exception whose message says what is wrong with it. */
    public Normalized normalize(String raw) throws InvalidPhoneException {
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneException("'" + raw + "' is not a phone number (" + e.getMessage() + ")");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidPhoneException("'" + raw + "' is not a valid number for " + defaultRegion
                    + " or in international form");
        }
        List<String> zones = ZONES.getTimeZonesForNumber(number);
        String zone = zones.isEmpty() || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()) ? null : zones.get(0);
        return new Normalized(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                UTIL.getNumberType(number).name(), UTIL.getRegionCodeForNumber(number), zone);
    }

    public static final class InvalidPhoneException extends Exception {
        public InvalidPhoneException(String message) {
            super(message);
        }
    }
}

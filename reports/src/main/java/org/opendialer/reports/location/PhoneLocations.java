package org.opendialer.reports.location;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;

/**
 * Where a number is registered (号码归属地): for a Chinese mobile its province and city from the number's first
 * seven digits, for a landline its area code's city, from libphonenumber's offline geocoder data. Worded in Chinese
 * for a Chinese reader and in English otherwise; empty when the data does not know the number. Thread-safe.
 */
public final class PhoneLocations {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();

    private PhoneLocations() {
    }

    /** The location of {@code e164} (such as {@code +8613812345678}) in {@code language} ({@code zh} or {@code en}). */
    public static String of(String e164, String language) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            Phonenumber.PhoneNumber number = NUMBERS.parse(e164, "ZZ");
            Locale locale = "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            // the country's own name is no help on a list of one country's numbers: only a finer place is shown
            String place = GEOCODER.getDescriptionForNumber(number, locale, NUMBERS.getRegionCodeForNumber(number));
            return place == null ? "" : place;
        } catch (NumberParseException e) {
            return "";
        }
    }
}

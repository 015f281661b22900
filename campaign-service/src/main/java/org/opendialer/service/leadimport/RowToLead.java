package org.opendialer.service.leadimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.item.ItemProcessor;

/** Turns a row into a lead (phones normalised, dates parsed, the rest kept as attributes) or a named rejection. */
final class RowToLead implements ItemProcessor<ImportRow, RowOutcome> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("d/M/yyyy"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private final LeadColumns columns;
    private final PhoneNormalizer phones;

    RowToLead(LeadColumns columns, PhoneNormalizer phones) {
        this.columns = columns;
        this.phones = phones;
    }

    @Override
    public RowOutcome process(ImportRow row) {
        if (row.unreadable() != null) {
            return new RowOutcome.Rejected(row.rowNo(), null, "BAD_QUOTES", "cannot be read: " + row.unreadable(), row.raw());
        }
        List<String> cells = row.cells();
        if (row.raw().indexOf('\uFFFD') >= 0) {
            return new RowOutcome.Rejected(row.rowNo(), null, "BAD_ENCODING",
                    "bytes that are not valid in the file's encoding (try --encoding)", row.raw());
        }
        if (cells.size() != columns.width()) {
            return new RowOutcome.Rejected(row.rowNo(), null, "COLUMN_COUNT",
                    "has " + cells.size() + " columns, the header has " + columns.width(), row.raw());
        }
        List<String> candidates = new ArrayList<>();
        for (String field : List.of("phone", "mobile", "alt_phone")) {
            String value = columns.value(field, cells);
            if (value != null) {
                candidates.add(value);
            }
        }
        if (candidates.isEmpty()) {
            return new RowOutcome.Rejected(row.rowNo(), "phone", "MISSING_PHONE", "no phone number", row.raw());
        }
        PhoneNormalizer.Normalized main = null;
        List<String> alternates = new ArrayList<>();
        String firstProblem = null;
        for (String candidate : candidates) {
            try {
                PhoneNormalizer.Normalized normalized = phones.normalize(candidate);
                if (main == null) {
                    main = normalized;
                } else if (!normalized.e164().equals(main.e164())) {
                    alternates.add(normalized.e164());
                }
            } catch (PhoneNormalizer.InvalidPhoneException e) {
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
            }
        }
        if (main == null) {
            return new RowOutcome.Rejected(row.rowNo(), "phone", "BAD_PHONE", firstProblem, row.raw());
        }
        String firstName = columns.value("first_name", cells);
        String lastName = columns.value("last_name", cells);
        String fullName = columns.value("name", cells);
        if (firstName == null && lastName == null && fullName != null) {
            int space = fullName.indexOf(' ');
            firstName = space > 0 ? fullName.substring(0, space) : fullName;
            lastName = space > 0 ? fullName.substring(space + 1) : null;
        }
        ObjectNode attributes = JSON.createObjectNode();
        for (int column : columns.attributeColumns()) {
            String name = columns.header(column).strip();
            if (cells.get(column).length() > LeadLimits.MAX_ATTRIBUTE_VALUE) {
                return tooLong(row, name, name + " has " + cells.get(column).length() + " characters, at most "
                        + LeadLimits.MAX_ATTRIBUTE_VALUE + " are kept in an attribute");
            }
            attributes.put(name, cells.get(column));
        }
        if (fullName != null) {
            attributes.put("name", fullName);
        }
        String json = attributes.toString();
        if (json.length() > LeadLimits.MAX_ATTRIBUTES_JSON) {
            return tooLong(row, "attributes", "the custom attributes take " + json.length() + " characters, at most "
                    + LeadLimits.MAX_ATTRIBUTES_JSON + " fit");
        }
        String zone = columns.value("time_zone", cells);
        String altPhones = alternates.isEmpty() ? null : String.join(",", alternates);
        Map<String, String> text = new LinkedHashMap<>();
        text.put("first_name", firstName);
        text.put("last_name", lastName);
        text.put("email", columns.value("email", cells));
        text.put("company", columns.value("company", cells));
        text.put("time_zone", zone);
        text.put("customer_status", columns.value("customer_status", cells));
        text.put("alt_phones", altPhones);
        for (Map.Entry<String, String> field : text.entrySet()) {
            String problem = LeadLimits.tooLong(field.getKey(), field.getValue());
            if (problem != null) {
                return tooLong(row, field.getKey(), problem);
            }
        }
        try {
            return new RowOutcome.LeadRow(row.rowNo(), main.e164(), main.type(), main.region(),
                    zone != null ? zone : main.timeZone(), altPhones,
                    firstName, lastName, text.get("email"), text.get("company"),
                    json, date("customer_since", cells), date("last_purchase", cells),
                    date("churned_at", cells), text.get("customer_status"), row.raw());
        } catch (BadDateException e) {
            return new RowOutcome.Rejected(row.rowNo(), e.field, "BAD_DATE", e.getMessage(), row.raw());
        }
    }

    private static RowOutcome.Rejected tooLong(ImportRow row, String field, String reason) {
        return new RowOutcome.Rejected(row.rowNo(), field, "TOO_LONG", reason, row.raw());
    }

    private LocalDate date(String field, List<String> cells) throws BadDateException {
        String value = columns.value(field, cells);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) : value, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        throw new BadDateException(field, "'" + value + "' is not a date (use 2024-03-31)");
    }

    private static final class BadDateException extends Exception {
        final String field;

        BadDateException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}

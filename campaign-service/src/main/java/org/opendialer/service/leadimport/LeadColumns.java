package org.opendialer.service.leadimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which header column feeds which lead field. Recognises the usual CRM and spreadsheet names in English
 * and Chinese; an explicit mapping ({@code field=Header,...}) wins. Every other column is kept as a custom
 * attribute that talk tracks use as {@code {column}}.
 */
public final class LeadColumns {

    public static final List<String> FIELDS = List.of("phone", "mobile", "alt_phone", "first_name", "last_name",
            "name", "email", "company", "time_zone", "customer_since", "last_purchase", "churned_at", "customer_status");

    private static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put("phone", List.of("phone", "phone number", "phone_number", "telephone", "tel", "number", "main phone",
                "电话", "电话号码", "联系电话", "号码"));
        SYNONYMS.put("mobile", List.of("mobile", "mobile phone", "cell", "cellphone", "手机", "手机号", "手机号码"));
        SYNONYMS.put("alt_phone", List.of("alt_phone", "alternate phone", "other phone", "phone 2", "phone2", "备用电话"));
        SYNONYMS.put("first_name", List.of("first_name", "first name", "firstname", "given name", "名"));
        SYNONYMS.put("last_name", List.of("last_name", "last name", "lastname", "surname", "family name", "姓"));
        SYNONYMS.put("name", List.of("name", "full name", "contact", "姓名", "客户姓名", "联系人"));
        SYNONYMS.put("email", List.of("email", "e-mail", "email address", "邮箱", "电子邮件"));
        SYNONYMS.put("company", List.of("company", "organisation", "organization", "account", "公司", "单位"));
        SYNONYMS.put("time_zone", List.of("time_zone", "timezone", "time zone", "tz", "时区"));
        SYNONYMS.put("customer_since", List.of("customer_since", "customer since", "signup date", "入网时间", "开户日期"));
        SYNONYMS.put("last_purchase", List.of("last_purchase", "last purchase", "last order", "最近购买", "最后购买"));
        SYNONYMS.put("churned_at", List.of("churned_at", "churned", "churn date", "cancelled", "cancel date",
                "cancellation date", "流失日期", "退订日期", "销户日期"));
        SYNONYMS.put("customer_status", List.of("customer_status", "customer status", "status", "客户状态", "状态"));
    }

    private final List<String> headers;
    private final Map<String, Integer> fieldColumn = new LinkedHashMap<>();
    private final List<Integer> attributeColumns = new ArrayList<>();

    private LeadColumns(List<String> headers) {
        this.headers = headers;
    }

    /** Maps {@code headers}; {@code explicit} maps field → header name and overrides the guesses. */
    public static LeadColumns map(String fileName, List<String> headers, Map<String, String> explicit) {
        LeadColumns columns = new LeadColumns(headers);
        for (Map.Entry<String, String> entry : explicit.entrySet()) {
            if (!FIELDS.contains(entry.getKey())) {
                throw new ImportFailedException("mapping names unknown lead field '" + entry.getKey() + "'; fields: " + FIELDS);
            }
            int index = indexOf(headers, entry.getValue());
            if (index < 0) {
                throw new ImportFailedException(fileName + ": mapping " + entry.getKey() + "=" + entry.getValue()
                        + " names no column of the header " + headers);
            }
            columns.fieldColumn.put(entry.getKey(), index);
        }
        for (Map.Entry<String, List<String>> field : SYNONYMS.entrySet()) {
            if (columns.fieldColumn.containsKey(field.getKey())) {
                continue;
            }
            for (int i = 0; i < headers.size(); i++) {
                String header = normalise(headers.get(i));
                if (field.getValue().contains(header) && !columns.fieldColumn.containsValue(i)) {
                    columns.fieldColumn.put(field.getKey(), i);
                    break;
                }
            }
        }
        if (!columns.fieldColumn.containsKey("phone") && columns.fieldColumn.containsKey("mobile")) {
            columns.fieldColumn.put("phone", columns.fieldColumn.remove("mobile"));
        }
        if (!columns.fieldColumn.containsKey("phone")) {
            throw new ImportFailedException(fileName + ": no phone column in the header " + headers
                    + "; name one phone, mobile or 电话, or map it with --map phone=<column>");
        }
        for (int i = 0; i < headers.size(); i++) {
            if (!columns.fieldColumn.containsValue(i) && !headers.get(i).isBlank()) {
                columns.attributeColumns.add(i);
                if (headers.get(i).strip().length() > LeadLimits.MAX_ATTRIBUTE_NAME) {
                    throw new ImportFailedException(fileName + ": column " + (i + 1) + " has a name of "
                            + headers.get(i).strip().length() + " characters; custom attributes are named in at most "
                            + LeadLimits.MAX_ATTRIBUTE_NAME);
                }
            }
        }
        if (columns.attributeColumns.size() > LeadLimits.MAX_ATTRIBUTES) {
            throw new ImportFailedException(fileName + ": " + columns.attributeColumns.size() + " columns besides the lead "
                    + "fields; at most " + LeadLimits.MAX_ATTRIBUTES + " are kept as custom attributes (remove the others)");
        }
        return columns;
    }

    private static int indexOf(List<String> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (normalise(headers.get(i)).equals(normalise(name))) {
                return i;
            }
        }
        return -1;
    }

    private static String normalise(String header) {
        return header.strip().replace('\uFEFF', ' ').strip().toLowerCase(Locale.ROOT);
    }

    public int width() {
        return headers.size();
    }

    public String header(int column) {
        return headers.get(column);
    }

    /** The value of {@code field} in {@code row}, stripped; null when unmapped or blank. */
    public String value(String field, List<String> row) {
        Integer column = fieldColumn.get(field);
        if (column == null || column >= row.size()) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    public boolean has(String field) {
        return fieldColumn.containsKey(field);
    }

    public List<Integer> attributeColumns() {
        return attributeColumns;
    }
}

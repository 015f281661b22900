package org.opendialer.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A self-contained HTML report: headings, charts inlined as SVG, and tables. A table written through
 * {@link #table} shows its first {@code maxRows} rows (the full data belongs in CSV or XLSX) and says how
 * many there were.
 */
public final class HtmlReport implements AutoCloseable {

    private static final java.util.regex.Pattern SVG_TEXT = java.util.regex.Pattern.compile("(<text[^>]*>)([^<]+)(</text>)");

    private final Writer out;
    private final ReportWords words;

    public HtmlReport(OutputStream stream, String title) throws IOException {
        this(stream, title, ReportWords.ENGLISH);
    }

    /** A report worded by {@code words} (titles, headings, column names, codes and reasons; never names or numbers). */
    public HtmlReport(OutputStream stream, String title, ReportWords words) throws IOException {
        this.words = words;
        out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        String lang = words == ReportWords.ENGLISH ? "en" : "zh-CN";
        out.write("<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
                + "th,td{border:1px solid #ccc;padding:3px 8px;font-size:13px}th{background:#f0f0f0}td.n{text-align:right}"
                + ".chart{margin:1em 0}</style></head><body>\n<h1>" + escape(title) + "</h1>\n");
    }

    public HtmlReport heading(String text) throws IOException {
        out.write("<h2>" + escape(words.say(text)) + "</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) throws IOException {
        out.write("<p>" + escape(words.say(text)) + "</p>\n");
        return this;
    }

    /** Inlines an SVG chart (produced by our own chart code, so trusted markup). */
    public HtmlReport chart(String svg) throws IOException {
        // the chart's own texts (title, axes, series) worded like the rest; escaped text stays escaped
        java.util.regex.Matcher m = SVG_TEXT.matcher(svg);
        StringBuilder worded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(worded, java.util.regex.Matcher.quoteReplacement(m.group(1) + escape(words.say(unescape(m.group(2)))) + m.group(3)));
        }
        m.appendTail(worded);
        out.write("<div class=\"chart\">" + worded + "</div>\n");
        return this;
    }

    /** A table writer that renders into this report, keeping the first {@code maxRows} rows. */
    public TableWriter table(int maxRows) {
        return new TableWriter() {
            private long rows;

            @Override
            public void header(List<String> columns) throws IOException {
                out.write("<table><tr>");
                for (String c : columns) {
                    out.write("<th>" + escape(words.say(c)) + "</th>");
                }
                out.write("</tr>\n");
            }

            @Override
            public void row(List<?> values) throws IOException {
                if (rows++ >= maxRows) {
                    return;
                }
                out.write("<tr>");
                for (Object v : values) {
                    out.write(v instanceof Number ? "<td class=\"n\">" : "<td>");
                    out.write(escape(v instanceof String ? words.say(CellSafety.cell(v)) : CellSafety.cell(v)));
                    out.write("</td>");
                }
                out.write("</tr>\n");
            }

            @Override
            public void close() throws IOException {
                out.write("</table>\n");
                if (rows > maxRows) {
                    out.write("<p>" + escape(words.say(String.format("%,d", maxRows) + " of " + String.format("%,d", rows)
                            + " rows shown; export CSV or XLSX for all of them.")) + "</p>\n");
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        out.write("</body></html>\n");
        out.close();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

package org.opendialer.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming SXSSF: only a window of rows is in memory, the rest goes to a
 * temporary file, so a million-row sheet fits in a small heap. Every text is a text cell, shown as it is
 * (a phone stays {@code +14155550100}); one that looks like a formula is also quote-prefixed, so editing it
 * in Excel or LibreOffice does not turn it into one. Numbers stay numeric. A sheet holds at most 1,048,575 data rows; more go to further sheets.
 */
public final class XlsxTableWriter implements TableWriter {

    private static final int MAX_ROWS = 1_048_575;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final String sheetName;
    private final CellStyle bold;
    private final CellStyle quoted;
    private List<String> columns;
    private SXSSFSheet sheet;
    private int sheets;
    private int rowNo;

    public XlsxTableWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.sheetName = sheetName;
        workbook.setCompressTempFiles(false); // gzip of the temporary sheet costs more time than the disk it saves
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
    }

    @Override
    public void header(List<String> header) {
        this.columns = List.copyOf(header);
        newSheet();
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
        Row row = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(columns.get(c));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
        rowNo = 1;
    }

    @Override
    public void row(List<?> values) {
        if (rowNo > MAX_ROWS) {
            newSheet();
        }
        Row row = sheet.createRow(rowNo++);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                String text = value.toString();
                cell.setCellValue(text);
                if (CellSafety.looksLikeFormula(text)) {
                    cell.setCellStyle(quoted);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
        } finally {
            workbook.close();
            out.close();
        }
    }
}

package org.opendialer.reports.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV in UTF-8, optionally with a BOM so Excel (notably in China) opens Chinese text correctly. */
public final class CsvTableWriter implements TableWriter {

    private final CSVPrinter printer;

    public CsvTableWriter(OutputStream out, boolean bom) throws IOException {
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
    }

    @Override
    public void header(List<String> columns) throws IOException {
        printer.printRecord(columns);
    }

    @Override
    public void row(List<?> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(CellSafety.cell(value));
        }
        printer.printRecord(cells);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}

package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX workbook into a UTF-8 CSV file with POI's event API (SAX), so a
 * million-row sheet never sits in memory. Empty rows are kept so row numbers still match the sheet. The
 * CSV is a scratch file of the import, removed when the import ends.
 */
final class XlsxToCsv {

    private XlsxToCsv() {
    }

    /** Writes the first sheet of {@code xlsx} into {@code csv} (an existing, owner-only scratch file). */
    static void convert(Path xlsx, Path csv) {
        try {
            try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
                 Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new ImportFailedException(xlsx.getFileName() + ": the workbook has no sheet");
                }
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new RowsToCsv(printer), new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof ImportFailedException failed) {
                throw failed;
            }
            throw new ImportFailedException(xlsx.getFileName() + ": not a readable XLSX workbook (" + e.getMessage() + ")");
        }
    }

    private static final class RowsToCsv implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>();
        private int lastRow = -1;

        RowsToCsv(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void startRow(int rowNum) {
            try {
                while (lastRow + 1 < rowNum) {
                    printer.println();
                    lastRow++;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            lastRow = rowNum;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }
}

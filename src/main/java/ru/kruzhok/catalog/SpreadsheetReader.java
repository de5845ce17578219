package ru.kruzhok.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a CSV, XLSX or XLS file into rows of trimmed strings, numbered as a spreadsheet program
 * shows them (the header is usually row 1). CSV: UTF-8 or Windows-1251 (strict UTF-8 decoding
 * first, since a Windows-1251 file is almost never valid UTF-8), a BOM, and `;`, `,` or tab as the
 * separator, whichever the first line uses most.
 */
final class SpreadsheetReader {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** One row of the file; {@code number} is 1-based as in Excel. */
    record SheetRow(int number, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    private SpreadsheetReader() {
    }

    static List<SheetRow> read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new ImportFileException("Файл пустой.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        boolean ole = content.length > 8 && (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF;
        if (zip || ole || name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return readWorkbook(content);
        }
        return readCsv(decode(content));
    }

    static String decode(byte[] content) {
        int start = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (content.length >= 2 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        } else if (content.length >= 2 && (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, start, content.length - start, WINDOWS_1251);
        }
    }

    static List<SheetRow> readCsv(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator(text))
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(clean(value));
                }
                rows.add(new SheetRow((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportFileException("Не получается прочитать CSV: проверьте кавычки в строке около "
                    + (rows.size() + 1) + ".");
        }
        return rows;
    }

    /** The separator the first non-empty line uses most, counted outside quotes. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean seen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seen) {
                    break;
                }
            } else if (!quoted) {
                seen |= !Character.isWhitespace(c);
                if (c == ';') {
                    semicolons++;
                } else if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    private static List<SheetRow> readWorkbook(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ImportFileException("В книге нет листов.");
            }
            Sheet sheet = workbook.getSheetAt(0);
            // Shows cells as Excel does: 12345 not 12345.0, formulas by their cached values.
            DataFormatter formatter = new DataFormatter(new Locale("ru", "RU"));
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : clean(formatter.formatCellValue(cell, evaluator)));
                }
                SheetRow sheetRow = new SheetRow(row.getRowNum() + 1, cells);
                if (!sheetRow.blank()) {
                    rows.add(sheetRow);
                }
            }
            return rows;
        } catch (EncryptedDocumentException e) {
            throw new ImportFileException("Файл защищён паролем: сохраните его без пароля.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportFileException ife) {
                throw ife;
            }
            throw new ImportFileException("Не получается открыть файл как таблицу Excel: сохраните его как .xlsx или .csv.");
        }
    }

    /** Non-breaking and repeated spaces are what copy-paste from the Navigator leaves behind. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        return value.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("[ \\t]+", " ").strip();
    }
}

package ru.kruzhok.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An XLSX file as staff open it in Excel: one sheet per table, a bold frozen header row, columns wide
 * enough to read, numbers as numbers. Every export and report builds its file through this, so all of
 * them look alike. Not thread-safe; one per file.
 */
public final class XlsxBook implements AutoCloseable {

    public static final String MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle bold;

    public XlsxBook() {
        bold = book.createCellStyle();
        XSSFFont font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    /** A sheet with a header row (bold, frozen); rows follow with {@link Table#row}. */
    public Table table(String name, List<String> header) {
        Sheet sheet = book.createSheet(name);
        Table table = new Table(sheet, bold);
        Row row = table.row(header);
        for (Cell c : row) {
            c.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
        for (int i = 0; i < header.size(); i++) {
            sheet.setColumnWidth(i, Math.min(60, Math.max(12, header.get(i).length() + 4)) * 256);
        }
        return table;
    }

    /** A sheet without a header, for title lines and figures written as label/value pairs. */
    public Table sheet(String name) {
        return new Table(book.createSheet(name), bold);
    }

    /**
     * A sheet of pictures (charts) one under another, each scaled to {@code scale} of its pixel size,
     * with a bold caption row above it.
     */
    public void pictures(String name, List<Picture> pictures, double scale) {
        Sheet sheet = book.createSheet(name);
        Table table = new Table(sheet, bold);
        org.apache.poi.ss.usermodel.Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (Picture p : pictures) {
            table.title(p.caption());
            int index = book.addPicture(p.png(), Workbook.PICTURE_TYPE_PNG);
            org.apache.poi.ss.usermodel.ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
            anchor.setCol1(0);
            anchor.setRow1(table.nextRow());
            drawing.createPicture(anchor, index).resize(scale);
            // a default row is 20 px high
            table.skipTo(table.nextRow() + (int) Math.ceil(p.heightPx() * scale / 20.0) + 2);
        }
    }

    /** A PNG to place in a sheet, with its height in pixels (to know where the next one goes). */
    public record Picture(String caption, byte[] png, int heightPx) {
    }

    /** The underlying POI workbook (to add pictures). */
    public Workbook poi() {
        return book;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet being written top to bottom. */
    public static final class Table {
        private final Sheet sheet;
        private final CellStyle bold;
        private int next;

        Table(Sheet sheet, CellStyle bold) {
            this.sheet = sheet;
            this.bold = bold;
        }

        /** Appends a row: numbers become numeric cells, null an empty cell, anything else its text. */
        public Row row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(String.valueOf(v));
                }
            }
            return row;
        }

        /** A row whose first cell is bold (a section title). */
        public Row title(String text) {
            Row row = row(List.of(text));
            row.getCell(0).setCellStyle(bold);
            return row;
        }

        public void skip() {
            next++;
        }

        /** The index of the next row to be written. */
        public int nextRow() {
            return next;
        }

        /** Moves the next row down (below a picture). */
        public void skipTo(int row) {
            next = Math.max(next, row);
        }

        public void width(int column, int characters) {
            sheet.setColumnWidth(column, characters * 256);
        }

        public Sheet poi() {
            return sheet;
        }
    }
}

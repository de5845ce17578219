package ru.kruzhok.catalog;

/** The file as a whole cannot be imported (not a table, no header, required columns missing); the message is for staff, in Russian. */
public class ImportFileException extends RuntimeException {
    public ImportFileException(String message) {
        super(message);
    }
}

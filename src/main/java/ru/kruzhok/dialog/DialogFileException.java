package ru.kruzhok.dialog;

/** A dialog file that cannot be used, with the file, the line and what is wrong, in plain words. */
public class DialogFileException extends RuntimeException {

    private final String file;
    private final int line;

    DialogFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}

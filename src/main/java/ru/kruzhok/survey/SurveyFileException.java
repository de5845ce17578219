package ru.kruzhok.survey;

/** A survey file that cannot be used: file, line and what is wrong, in words a methodist can act on. */
public class SurveyFileException extends RuntimeException {

    SurveyFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}

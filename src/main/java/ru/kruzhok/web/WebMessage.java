package ru.kruzhok.web;

import java.util.List;

/**
 * One bot message as the web page draws it: styled spans (never HTML, so nothing a parent typed
 * can inject markup), rows of buttons, an optional image or file as a data URL.
 *
 * @param replaces the id of an earlier message this one replaces in place ("edit the last message")
 */
record WebMessage(long id, Long replaces, List<Span> spans, List<List<WebButton>> buttons, String image,
                  String fileName, String file) {

    /** {@code style}: plain, bold, italic or link. */
    record Span(String style, String text, String url) {
    }

    record WebButton(String label, String payload, String url) {
    }
}

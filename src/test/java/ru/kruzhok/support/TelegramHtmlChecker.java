package ru.kruzhok.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a text the way Telegram checks a message sent with parse_mode=HTML, for the subset the bot
 * uses: only {@code <b>}, {@code <i>} and {@code <a href="…">}, properly nested and closed, and every
 * {@code <}, {@code >} and {@code &} outside a tag written as an entity. Hand-written because an
 * HTML parser is lenient exactly where Telegram is strict (it would accept a bare {@code &}).
 */
public final class TelegramHtmlChecker {

    /** Telegram's limit on a message's text after entity parsing. */
    public static final int MESSAGE_LIMIT = 4096;

    private static final Pattern OPEN = Pattern.compile("<(b|i)>|<a href=\"([^\"<>]*)\">");
    private static final Pattern CLOSE = Pattern.compile("</(b|i|a)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private TelegramHtmlChecker() {
    }

    /** The text a person sees; throws {@link AssertionError} naming the first thing Telegram would refuse. */
    public static String visibleText(String html) {
        if (html == null) {
            throw new AssertionError("no text");
        }
        StringBuilder visible = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher opening = OPEN.matcher(html).region(i, html.length());
                Matcher closing = CLOSE.matcher(html).region(i, html.length());
                if (opening.lookingAt()) {
                    String tag = opening.group(1) != null ? opening.group(1) : "a";
                    if (open.contains(tag)) {
                        throw new AssertionError("<" + tag + "> nested in itself at " + i + ": " + around(html, i));
                    }
                    if (tag.equals("a")) {
                        checkEntities(opening.group(2), html, i);
                    }
                    open.push(tag);
                    i = opening.end();
                } else if (closing.lookingAt()) {
                    String tag = closing.group(1);
                    if (open.isEmpty() || !open.peek().equals(tag)) {
                        throw new AssertionError("</" + tag + "> does not close the open tag " + open.peek()
                                + " at " + i + ": " + around(html, i));
                    }
                    open.pop();
                    i = closing.end();
                } else {
                    throw new AssertionError("unescaped '<' or unsupported tag at " + i + ": " + around(html, i));
                }
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (!entity.lookingAt()) {
                    throw new AssertionError("unescaped '&' at " + i + ": " + around(html, i));
                }
                visible.append(decode(entity.group(1)));
                i = entity.end();
            } else if (c == '>') {
                throw new AssertionError("unescaped '>' at " + i + ": " + around(html, i));
            } else {
                visible.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new AssertionError("unclosed <" + open.peek() + "> in: " + around(html, html.length()));
        }
        return visible.toString();
    }

    /** Asserts the text is a message Telegram accepts: valid HTML, not blank, at most 4,096 visible characters. */
    public static void assertSendable(String html) {
        String visible = visibleText(html);
        if (visible.isBlank()) {
            throw new AssertionError("empty message text (Telegram refuses it)");
        }
        if (visible.length() > MESSAGE_LIMIT) {
            throw new AssertionError("message of " + visible.length() + " characters, over " + MESSAGE_LIMIT);
        }
    }

    private static void checkEntities(String attribute, String html, int at) {
        for (int i = attribute.indexOf('&'); i >= 0; i = attribute.indexOf('&', i + 1)) {
            if (!ENTITY.matcher(attribute).region(i, attribute.length()).lookingAt()) {
                throw new AssertionError("unescaped '&' in href at " + at + ": " + around(html, at));
            }
        }
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> Character.toString(entity.startsWith("#x")
                    ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1)));
        };
    }

    private static String around(String html, int at) {
        return "…" + html.substring(Math.max(0, at - 30), Math.min(html.length(), at + 30)) + "…";
    }
}

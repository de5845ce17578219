package ru.kruzhok.parent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands how parents write about a child: «7», «7 лет», «Маша 7», «Маша, 2016», «2016 г.р.».
 * Hand-written: a tiny grammar no library covers, and the rules must stay obvious to reviewers.
 */
final class ChildInput {

    record Parsed(String name, int birthYear) {
    }

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,4})");
    private static final Pattern NAME = Pattern.compile("^([А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z\\-]{0,29})");

    private ChildInput() {
    }

    /** Empty when the text has no plausible age (0–18) or birth year. */
    static Optional<Parsed> parse(String text, int currentYear) {
        String s = text.strip();
        Matcher number = NUMBER.matcher(s);
        if (!number.find()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number.group(1));
        int birthYear;
        if (n >= currentYear - 18 && n <= currentYear) {
            birthYear = n;
        } else if (n >= 0 && n <= 18) {
            birthYear = currentYear - n;
        } else {
            return Optional.empty();
        }
        Matcher name = NAME.matcher(s);
        String childName = null;
        if (name.find()) {
            String word = name.group(1);
            String lower = word.toLowerCase();
            if (!lower.startsWith("год") && !lower.startsWith("лет") && !lower.startsWith("мне") && !lower.equals("г")) {
                childName = Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase();
            }
        }
        return Optional.of(new Parsed(childName, birthYear));
    }
}

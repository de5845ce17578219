package ru.kruzhok.channel;

import java.net.IDN;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web address in the two spellings it has: the one people read («https://навигатор.дети/») in
 * message texts, and the ASCII one (punycode, «https://xn--…») that link buttons and platforms need.
 * Config may hold either spelling. The JDK's {@link IDN} does the conversion; only the host part
 * is split out here.
 */
public final class WebAddress {

    private static final Pattern HOST = Pattern.compile("^(\\w+://)([^/:?#]+)(.*)$", Pattern.DOTALL);

    private WebAddress() {
    }

    /** The address as people read it: a punycode host shown in its own letters. */
    public static String forPeople(String url) {
        return convert(url, true);
    }

    /** The address as a link button or a browser needs it: the host in ASCII. */
    public static String forMachines(String url) {
        return convert(url, false);
    }

    private static String convert(String url, boolean toUnicode) {
        if (url == null) {
            return null;
        }
        Matcher m = HOST.matcher(url);
        if (!m.matches()) {
            return url;
        }
        try {
            String host = toUnicode ? IDN.toUnicode(m.group(2), IDN.ALLOW_UNASSIGNED) : IDN.toASCII(m.group(2), IDN.ALLOW_UNASSIGNED);
            return m.group(1) + host + m.group(3);
        } catch (IllegalArgumentException notAHost) {
            return url; // a malformed host stays as configured: the link is the config's to fix
        }
    }
}

package org.talentpipeline.platform;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of every file the application sends (RFC 6266 with RFC 5987's
 * {@code filename*}): browsers take the UTF-8 name, older clients the ASCII one, in which every
 * character outside printable ASCII, and the quote and backslash, become {@code _}.
 */
public final class ContentDisposition {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {}

    /** {@code attachment; filename="ascii.csv"; filename*=UTF-8''percent-encoded.csv}. */
    public static String attachment(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName.strip();
        return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    static String ascii(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder(name.length() * 3);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}

package org.talentpipeline.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-time secrets handed to a person (API tokens, set-up links, invitation codes, temporary
 * passwords): how they are drawn, and the one form in which they are stored, their SHA-256, so
 * that a database dump grants nothing.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Letters and digits no one misreads (no 0/O, 1/I/L): 32 of them, 5 bits each. */
    private static final String READABLE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Secrets() {}

    /** The stored form of a secret: its SHA-256 in hexadecimal. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A code a person types: {@code length} readable characters in groups of {@code group}, joined by dashes. */
    public static String readable(int length, int group) {
        StringBuilder code = new StringBuilder(length + length / group);
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % group == 0) {
                code.append('-');
            }
            code.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return code.toString();
    }

    /** A secret that a machine carries (a token, a link's key): {@code bytes} random bytes, URL-safe Base64. */
    public static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

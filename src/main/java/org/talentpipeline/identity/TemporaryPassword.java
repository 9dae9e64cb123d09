package org.talentpipeline.identity;

import java.security.SecureRandom;

/** The random password of an administrator's reset: 20 characters, about 100 bits, none easily misread. */
final class TemporaryPassword {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private TemporaryPassword() {
    }

    static String generate() {
        StringBuilder out = new StringBuilder(24);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}

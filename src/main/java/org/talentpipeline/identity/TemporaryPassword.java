package org.talentpipeline.identity;

import org.talentpipeline.platform.Secrets;

/** The random password of an administrator's reset: 20 characters, about 100 bits, none easily misread. */
final class TemporaryPassword {

    private TemporaryPassword() {}

    static String generate() {
        return Secrets.readable(20, 5);
    }
}

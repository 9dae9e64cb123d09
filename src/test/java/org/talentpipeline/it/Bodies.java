package org.talentpipeline.it;

import java.io.InputStream;
import java.util.Arrays;

/** Request bodies for tests and benchmarks that send more than fits in memory. */
public final class Bodies {

    private Bodies() {}

    /** An endless run of one byte, of which {@code length} bytes are sent. */
    public static InputStream repeated(byte b, long length) {
        return new InputStream() {
            long left = length;

            @Override
            public int read() {
                return left-- > 0 ? b : -1;
            }

            @Override
            public int read(byte[] buffer, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(buffer, off, off + n, b);
                left -= n;
                return n;
            }
        };
    }
}

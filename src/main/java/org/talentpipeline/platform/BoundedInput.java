package org.talentpipeline.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with its limits checked as the bytes pass: it fails with
 * {@link InputLimits.Exceeded} on the first byte past the size limit (a chunked body declares no
 * length) and, for JSON, on the first bracket that opens one level too many. Nothing is buffered:
 * the nesting is followed byte by byte (strings and their escapes skipped), before any parser
 * builds anything, so a body of a million {@code [} costs a counter, not a stack.
 */
public final class BoundedInput extends FilterInputStream {

    private final long maxBytes;
    private final String route;
    private final int maxDepth;
    private long count;
    private int depth;
    private boolean inString;
    private boolean escaped;

    /**
     * @param maxDepth the deepest nesting allowed, or 0 to follow none (a body that is not JSON)
     */
    public BoundedInput(InputStream in, long maxBytes, String route, int maxDepth) {
        super(in);
        this.maxBytes = maxBytes;
        this.route = route;
        this.maxDepth = maxDepth;
    }

    /** The bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            passed(1);
            if (maxDepth > 0) {
                follow((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            passed(n);
            if (maxDepth > 0) {
                for (int i = offset; i < offset + n; i++) {
                    follow(buffer[i]);
                }
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes are read, so that they are counted and their brackets followed
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
        // not supported: a reset would count bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void passed(int n) {
        count += n;
        if (count > maxBytes) {
            throw InputLimits.Exceeded.body(maxBytes, route);
        }
    }

    /** One byte of JSON: UTF-8 continuation bytes are all over 0x7F, so never a bracket or quote. */
    private void follow(byte b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> {
                if (++depth > maxDepth) {
                    throw InputLimits.Exceeded.depth(maxDepth);
                }
            }
            case '}', ']' -> depth = Math.max(0, depth - 1);
            default -> {}
        }
    }
}

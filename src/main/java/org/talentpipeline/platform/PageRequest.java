package org.talentpipeline.platform;

/**
 * Which page of a list to read: {@code page} counts from 0. The size is capped so that no caller
 * can ask for a whole table at once.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest ofOffset(int first, int size) {
        return new PageRequest(first / size, size);
    }

    public int offset() {
        return page * size;
    }
}

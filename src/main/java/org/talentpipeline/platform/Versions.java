package org.talentpipeline.platform;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic concurrency on every editable record: the API sends a record's version as its
 * {@code ETag}, and an edit names the version it started from in {@code If-Match} (a form in a
 * hidden field). The service compares it with the record's version and refuses a stale one.
 */
public final class Versions {

    private Versions() {}

    /** A 200 answer carrying the record's version as its ETag. */
    public static Response tagged(Object body, long version) {
        return Response.ok(body).tag(tag(version)).build();
    }

    /** The same, with another status (201 on creation). */
    public static Response tagged(Response.Status status, Object body, long version) {
        return Response.status(status).entity(body).tag(tag(version)).build();
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an edit started from, from its {@code If-Match} header.
     *
     * @throws VersionRequired without the header (428)
     * @throws StaleVersion when it names no version of this record (412)
     */
    public static long ifMatch(HttpHeaders headers, String what) {
        String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (value == null || value.isBlank()) {
            throw new VersionRequired();
        }
        String tag = value.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (tag.isEmpty() || tag.length() > 18 || !tag.chars().allMatch(Character::isDigit)) {
            throw new StaleVersion(what);
        }
        return Long.parseLong(tag);
    }

    /** Refuses an edit that started from another version than the record's. */
    public static void check(long expected, long actual, String what) {
        if (expected != actual) {
            throw new StaleVersion(what);
        }
    }
}

package org.talentpipeline.certification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.talentpipeline.platform.BadInput;

/**
 * An uploaded evidence document, checked: at most 10 MB, and a PDF, PNG or JPEG by its first bytes,
 * whatever its name says (a renamed executable is refused). Carries its SHA-256.
 */
public record DocumentUpload(String fileName, Type type, byte[] content, String sha256) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The document types the programme accepts, known by their signatures. */
    public enum Type {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
        JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

        private final String mediaType;
        private final byte[] signature;

        Type(String mediaType, byte[] signature) {
            this.mediaType = mediaType;
            this.signature = signature;
        }

        public String mediaType() {
            return mediaType;
        }

        static Type of(byte[] content) {
            for (Type type : values()) {
                if (content.length >= type.signature.length
                        && Arrays.equals(content, 0, type.signature.length, type.signature, 0, type.signature.length)) {
                    return type;
                }
            }
            return null;
        }
    }

    /** Reads and checks an upload; anything else than a PDF or image of at most 10 MB is a BadInput on {@code file}. */
    public static DocumentUpload read(String fileName, InputStream in) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new BadInput("fileName", "is required (at most 255 characters)");
        }
        byte[] content;
        try {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length > MAX_BYTES) {
            throw new BadInput("file", name + " is larger than 10 MB");
        }
        if (content.length == 0) {
            throw new BadInput("file", name + " is empty");
        }
        Type type = Type.of(content);
        if (type == null) {
            throw new BadInput(
                    "file", name + " is not a PDF, PNG or JPEG document by its content; other files are refused");
        }
        return new DocumentUpload(name, type, content, sha256(content));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

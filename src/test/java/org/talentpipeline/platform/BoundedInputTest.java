package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundedInputTest {

    static BoundedInput json(String text, long maxBytes, int maxDepth) {
        return new BoundedInput(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes, "POST /api/v1/x", maxDepth);
    }

    static JsonStructure parse(InputStream in) {
        try (JsonReader reader = Json.createReader(in)) {
            return reader.read();
        }
    }

    @Test
    void aBodyWithinItsLimitsReadsWhole() throws IOException {
        String text = "{\"a\":[[1],{\"b\":\"[[[[\"}]}";
        BoundedInput in = json(text, text.length(), 3);
        assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(text.length(), in.count());
    }

    @Test
    void theFirstByteOverTheSizeLimitFailsWithTheLimitNamed() {
        // an endless body: the limit stops it, not the end
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        BoundedInput in = new BoundedInput(endless, 4096, "POST /api/v1/auth/token", 32);
        InputLimits.Exceeded e = assertThrows(InputLimits.Exceeded.class, () -> in.readNBytes(1 << 20));
        assertEquals(413, e.status());
        assertEquals("request body over 4 KB", e.getMessage());
        assertEquals("the body of POST /api/v1/auth/token may be at most 4 KB (4,096 bytes)", e.detail());
    }

    @Test
    void nestingOneLevelTooDeepFailsWhileTheParserReads() {
        String deep = "[".repeat(33) + "]".repeat(33);
        InputLimits.Exceeded e = assertThrows(InputLimits.Exceeded.class, () -> parse(json(deep, 1 << 20, 32)));
        assertEquals(400, e.status());
        assertEquals("JSON nested deeper than 32 levels", e.getMessage());
    }

    @Test
    void nestingAtTheLimitParses() {
        String deep = "[".repeat(32) + "]".repeat(32);
        assertEquals(1, parse(json(deep, 1 << 20, 32)).asJsonArray().size());
    }

    @Test
    void bracketsInsideStringsAndAfterEscapedQuotesDoNotCount() {
        String text = "[{\"k\":\"\\\"[[[[{{{{\\\\\"},\"[[[[\"]";
        assertEquals(2, parse(json(text, 1 << 20, 2)).asJsonArray().size());
    }

    @Test
    void aMillionOpeningBracketsFailAtTheLimitNotAtTheEnd() {
        BoundedInput in = json("[".repeat(1_000_000), 2_000_000, 32);
        assertThrows(InputLimits.Exceeded.class, () -> parse(in));
        assertEquals(true, in.count() < 64 * 1024, "read " + in.count() + " bytes");
    }

    @Test
    void aBodyThatIsNotJsonIsNotFollowed() throws IOException {
        assertEquals(100, json("[".repeat(100), 1000, 0).readAllBytes().length);
    }
}

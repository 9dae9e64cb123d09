package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void anAsciiNameIsGivenBothWays() {
        assertEquals(
                "attachment; filename=\"students-XDU.csv\"; filename*=UTF-8''students-XDU.csv",
                ContentDisposition.attachment("students-XDU.csv"));
    }

    @Test
    void aChineseNameIsPercentEncodedUtf8WithAnAsciiFallback() {
        assertEquals(
                "attachment; filename=\"__ 2026.pdf\"; filename*=UTF-8''%E6%88%90%E7%BB%A9%202026.pdf",
                ContentDisposition.attachment("成绩 2026.pdf"));
    }

    @Test
    void quotesBackslashesAndLineBreaksCannotEndTheHeaderValue() {
        assertEquals(
                "attachment; filename=\"a_b_c__.pdf\"; filename*=UTF-8''a%22b%5Cc%0D%0A.pdf",
                ContentDisposition.attachment("a\"b\\c\r\n.pdf"));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneFallbackCharacter() {
        assertEquals(
                "attachment; filename=\"_.txt\"; filename*=UTF-8''%F0%9F%98%80.txt",
                ContentDisposition.attachment("😀.txt"));
    }
}

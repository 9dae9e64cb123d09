package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The decision letter keeps text written in Chinese, in a font embedded as a subset. */
class DecisionLetterTest {

    private static final String FINDING = "实验室设备陈旧，缺少攻防演练环境。";

    private static CaseView decided() {
        return new CaseView(
                7,
                "XDU",
                "西安电子科技大学",
                "2026",
                "2026 cycle",
                new BigDecimal("70"),
                ApplicationState.REJECTED,
                Instant.parse("2026-03-01T08:00:00Z"),
                Instant.parse("2026-04-01T08:00:00Z"),
                Instant.parse("2026-06-01T08:00:00Z"),
                null,
                null,
                "未达到通过分数。",
                null,
                List.of(),
                List.of(),
                new BigDecimal("61.5"),
                null,
                List.of(new CaseView.FindingView("C2", "实验环境", Severity.values()[0], FINDING)),
                List.of());
    }

    /** The letter needs a CJK TrueType font on the machine (apt-get install fonts-wqy-zenhei, or TP_LETTER_FONT). */
    private static void fontInstalled() {
        assertEquals(true, LetterFont.find().isPresent(), "no CJK TrueType font: apt-get install fonts-wqy-zenhei");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aChineseFindingSurvives() throws IOException {
        fontInstalled();
        String text = text(DecisionLetter.pdf(decided()));
        assertEquals(true, text.replaceAll("\\s", "").contains(FINDING), text);
    }

    @Test
    void theSchoolsChineseNameSurvives() throws IOException {
        fontInstalled();
        assertEquals(true, text(DecisionLetter.pdf(decided())).contains("西安电子科技大学 (XDU)"));
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws IOException {
        fontInstalled();
        try (PDDocument doc = Loader.loadPDF(DecisionLetter.pdf(decided()))) {
            PDFont font = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            // a subset's name starts with six capital letters and a plus sign (ABCDEF+WenQuanYiZenHei)
            assertEquals(
                    List.of(true, true),
                    List.of(font.isEmbedded(), font.getName().matches("[A-Z]{6}\\+.*")),
                    font.getName());
        }
    }

    @Test
    void aChineseReaderGetsTheLetterInChinese() throws IOException {
        fontInstalled();
        String text =
                text(DecisionLetter.pdf(decided(), Locale.SIMPLIFIED_CHINESE)).replaceAll("\\s", "");
        assertEquals(
                List.of(true, true, true, true),
                List.of(
                        text.contains("世界一流网络安全学院认证：决定书"),
                        text.contains("经评审，该校本周期未获认证。"),
                        text.contains("加权总分61.5（满分100），通过分数线70。"),
                        text.contains("C2实验环境-缺陷")),
                text);
    }

    @Test
    void anEnglishReaderGetsTheLetterInEnglish() throws IOException {
        fontInstalled();
        String text = text(DecisionLetter.pdf(decided(), Locale.ENGLISH));
        assertEquals(
                List.of(true, true, true),
                List.of(
                        text.contains("The programme does not certify the school in this cycle."),
                        text.contains("Decided on June 1, 2026."),
                        text.contains("C2 实验环境 - Deficiency")),
                text);
    }
}

package org.talentpipeline.certification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The decision letter of a decided application as a PDF: the outcome and its dates, the weighted
 * total against the pass mark, and the findings per criterion as Deficiency, Weakness or Concern.
 * The page (certification/letter.xhtml) shows the same text.
 *
 * <p>Text is set in a CJK TrueType font when one is installed ({@link LetterFont}: the path in
 * {@code TP_LETTER_FONT}, or the WenQuanYi Zen Hei of Debian's {@code fonts-wqy-zenhei}), embedded
 * as a subset holding only the glyphs the letter uses, so that a school's name or a finding written
 * in Chinese prints as written. Without such a font the standard Helvetica is used and what it
 * cannot show becomes '?'.
 */
public final class DecisionLetter {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private TrueTypeCollection collection;

    private PDDocument document;
    private PDPageContentStream out;
    private float y;

    private final ResourceBundle text;
    private final Locale locale;

    private DecisionLetter(Locale locale) {
        this.locale = locale;
        this.text = ResourceBundle.getBundle(
                "messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The letter in English. */
    public static byte[] pdf(CaseView decided) {
        return pdf(decided, Locale.ENGLISH);
    }

    /** The letter in the reader's language (Simplified Chinese for a Chinese reader, English otherwise). */
    public static byte[] pdf(CaseView decided, Locale reader) {
        Locale locale =
                reader != null && "zh".equals(reader.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        return new DecisionLetter(locale).write(decided);
    }

    private String say(String key, Object... args) {
        String pattern = text.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private String date(LocalDate day) {
        return day == null
                ? "-"
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(day);
    }

    /** The day a decision was taken is the programme's day: the platform's zone ({@code TP_TIME_ZONE}). */
    private static ZoneId platformZone() {
        try {
            return ZoneId.of(ConfigProvider.getConfig()
                    .getOptionalValue("TP_TIME_ZONE", String.class)
                    .orElse("Asia/Shanghai"));
        } catch (RuntimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private byte[] write(CaseView c) {
        if (!c.state().isDecided()) {
            throw new IllegalArgumentException("application " + c.id() + " is not decided");
        }
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            useCjkFont();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(say("letter.pdf.title", String.valueOf(c.id())));
            info.setAuthor("Talent Pipeline certification programme");
            newPage();
            line(bold, 16, say("letter.heading"));
            line(regular, 11, say("letter.pdf.case", String.valueOf(c.id()), c.cycle(), c.cycleName()));
            gap(10);
            line(bold, 12, c.schoolName() + " (" + c.school() + ")");
            gap(8);
            boolean certified = c.certifiedFrom() != null;
            paragraph(
                    regular,
                    11,
                    certified
                            ? say("letter.certified", date(c.certifiedFrom()), date(c.certifiedUntil()))
                            : say("letter.notCertified"));
            paragraph(
                    regular,
                    11,
                    say(
                                    "letter.pdf.decidedOn",
                                    c.decidedAt() == null
                                            ? "-"
                                            : date(c.decidedAt()
                                                    .atZone(platformZone())
                                                    .toLocalDate()))
                            + " "
                            + say(
                                    "letter.total",
                                    c.total() == null ? "-" : String.valueOf(c.total()),
                                    String.valueOf(c.passMark())));
            if (!c.state().equals(ApplicationState.CERTIFIED) && !c.state().equals(ApplicationState.REJECTED)) {
                paragraph(
                        regular,
                        11,
                        say("letter.statusNow") + " "
                                + say("applicationState." + c.state().name()));
            }
            if (c.decisionNote() != null) {
                paragraph(regular, 11, c.decisionNote());
            }
            gap(8);
            line(bold, 12, say("letter.pdf.findings"));
            if (c.findings().isEmpty()) {
                paragraph(regular, 11, say("letter.noFindings"));
            }
            for (CaseView.FindingView f : c.findings()) {
                paragraph(
                        bold,
                        11,
                        f.criterion() + " " + f.title() + " - "
                                + say("severity." + f.severity().name()));
                paragraph(regular, 11, f.text());
                gap(4);
            }
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeCollection();
        }
    }

    /** The installed CJK font, subset-embedded, for all the letter's text (it holds Latin letters too). */
    private void useCjkFont() throws IOException {
        Optional<Path> file = LetterFont.find();
        if (file.isEmpty()) {
            return;
        }
        TrueTypeFont ttf;
        if (file.get().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            collection = new TrueTypeCollection(file.get().toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            ttf = first[0];
        } else {
            ttf = new TTFParser()
                    .parse(new RandomAccessReadBufferedFile(file.get().toFile()));
        }
        if (ttf == null) {
            return;
        }
        PDType0Font cjk = PDType0Font.load(document, ttf, true);
        regular = cjk;
        bold = cjk;
    }

    private void closeCollection() {
        if (collection != null) {
            try {
                collection.close();
            } catch (IOException e) {
                // the letter is written; a font file left open is closed with the collection's stream
            }
            collection = null;
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void gap(float points) {
        y -= points;
    }

    private void line(PDFont font, float size, String text) throws IOException {
        if (y < MARGIN + size) {
            newPage();
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y - size);
        out.showText(printable(font, text));
        out.endText();
        y -= size * 1.45f;
    }

    private void paragraph(PDFont font, float size, String text) throws IOException {
        for (String l : wrap(font, size, printable(font, text))) {
            line(font, size, l);
        }
    }

    private List<String> wrap(PDFont font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\\R")) {
            StringBuilder current = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
        }
        return lines;
    }

    /** What the font cannot show becomes '?' (the standard fonts hold Latin text only). */
    private static String printable(PDFont font, String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                s.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                s.append('?');
            }
        });
        return s.toString();
    }
}

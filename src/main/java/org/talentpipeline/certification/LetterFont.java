package org.talentpipeline.certification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CJK TrueType font the decision letter embeds: the file named by {@code TP_LETTER_FONT}, else
 * the first installed of the usual Debian ones (fonts-wqy-zenhei, fonts-wqy-microhei,
 * fonts-arphic-uming; the Docker image installs the first). OpenType fonts with CFF outlines (the
 * Noto CJK .otf/.ttc files) do not qualify: PDFBox subsets TrueType outlines only.
 */
final class LetterFont {

    static final List<Path> INSTALLED = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private LetterFont() {}

    static Optional<Path> find() {
        Optional<String> configured;
        try {
            configured = ConfigProvider.getConfig().getOptionalValue("TP_LETTER_FONT", String.class);
        } catch (IllegalStateException e) {
            configured = Optional.ofNullable(System.getenv("TP_LETTER_FONT"));
        }
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path path = Path.of(configured.get().strip());
            return Files.isReadable(path) ? Optional.of(path) : Optional.empty();
        }
        return INSTALLED.stream().filter(Files::isReadable).findFirst();
    }
}

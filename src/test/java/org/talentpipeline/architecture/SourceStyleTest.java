package org.talentpipeline.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md's reading rules that the formatter does not check: a type is named by its simple name
 * and an import, never by its fully qualified name inline, unless that simple name is already
 * taken in the file (another import, a type declared in it, or a type of the same package), which
 * is the one case where Java needs the full name.
 */
class SourceStyleTest {

    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"));

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|jakarta|org|com|fish)(?:\\.[a-z_][a-z0-9_]*)+)\\.([A-Z][A-Za-z0-9_]*)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+([\\w.]+)\\.(\\w+);");
    private static final Pattern HEADER = Pattern.compile("(?m)^(?:package|import)\\s[^;]+;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    private static final Pattern DECLARED =
            Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)|<\\s*([A-Z]\\w*)\\s*(?:extends|[,>])");

    @Test
    void noInlineQualifiedNames() throws IOException {
        Map<String, Set<String>> typesByPackage = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    files.add(p);
                    String pkg = root.relativize(p.getParent()).toString().replace('/', '.');
                    String name = p.getFileName().toString();
                    typesByPackage
                            .computeIfAbsent(pkg, k -> new HashSet<>())
                            .add(name.substring(0, name.length() - ".java".length()));
                });
            }
        }
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            found.addAll(inlineNames(file, typesByPackage));
        }
        assertEquals(List.of(), found, "inline fully qualified names where an import would do");
    }

    @Test
    void findsAnInlineNameAndAllowsOneWhoseSimpleNameIsTaken() {
        String source = "package a.b;\n\nimport jakarta.ws.rs.Path;\n\nclass X {\n"
                + "    java.util.List<String> names; // java.util.Map in a comment\n"
                + "    java.nio.file.Path file;\n    String s = \"java.util.Set\";\n}\n";
        assertEquals(List.of("X.java:6: java.util.List"), inlineNames("X.java", source, Map.of("a.b", Set.of("X"))));
    }

    private static List<String> inlineNames(Path file, Map<String, Set<String>> typesByPackage) {
        try {
            return inlineNames(file.toString(), Files.readString(file), typesByPackage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> inlineNames(String file, String source, Map<String, Set<String>> typesByPackage) {
        Matcher pkg = PACKAGE.matcher(source);
        String own = pkg.find() ? pkg.group(1) : "";
        Set<String> taken = new HashSet<>(typesByPackage.getOrDefault(own, Set.of()));
        Map<String, String> imported = new HashMap<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            imported.put(imports.group(2), imports.group(1) + "." + imports.group(2));
        }
        Matcher declared = DECLARED.matcher(source);
        while (declared.find()) {
            taken.add(declared.group(1) != null ? declared.group(1) : declared.group(2));
        }
        int body = 0;
        Matcher header = HEADER.matcher(source);
        while (header.find()) {
            body = header.end();
        }
        String code = codeOnly(source);
        List<String> found = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code);
        m.region(body, code.length());
        while (m.find()) {
            String simple = m.group(2);
            String full = m.group(1) + "." + simple;
            boolean clash =
                    (imported.containsKey(simple) && !imported.get(simple).equals(full))
                            || (taken.contains(simple) && !m.group(1).equals(own));
            if (!clash) {
                int line = (int) code.substring(0, m.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                found.add(Path.of(file).getFileName() + ":" + line + ": " + full);
            }
        }
        return found;
    }

    /** The source with comments and string and character literals blanked, lines kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < n && source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}

package org.talentpipeline.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the webjar on the test class path) run in the page a browser test shows: the
 * violations of impact serious or critical, each as "rule (impact): first target".
 */
public final class Accessibility {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static String script;

    private Accessibility() {}

    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<Map<String, Object>> found = (List<Map<String, Object>>)
                js.executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                                + "    .map(function (v) { return {id: v.id, impact: v.impact, target: v.nodes.slice(0, 4).map(function (n) { return JSON.stringify(n.target); }).join(' '),"
                                + "      count: v.nodes.length}; }));"
                                + "}).catch(function (e) { done([{id: 'axe failed', impact: String(e), target: '', count: 0}]); });");
        return found.stream()
                .map(v -> v.get("id") + " (" + v.get("impact") + ", " + v.get("count") + "): " + v.get("target"))
                .toList();
    }

    private static synchronized String axe() {
        if (script == null) {
            try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(AXE)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test class path: " + AXE);
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}

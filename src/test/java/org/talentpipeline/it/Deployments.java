package org.talentpipeline.it;

import java.io.File;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the integration tests deploy: the war the build just made, exactly as it ships
 * (descriptors, libraries, migrations), rather than a hand-assembled subset of it.
 */
public final class Deployments {

    /** Opens Arquillian's test runner servlet, which the application's "sign in first" rule would hide. */
    private static final String RUNNER_FRAGMENT =
            """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <name>arquillian_runner_access</name>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>arquillian</web-resource-name>
                  <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                </web-resource-collection>
              </security-constraint>
            </web-fragment>
            """;

    private Deployments() {}

    /**
     * The deployment's address on the loopback interface. Payara Micro announces the machine's
     * network address; tests talk to it through localhost only.
     */
    public static String local(URL url) {
        String path = url.getPath().endsWith("/") ? url.getPath() : url.getPath() + "/";
        return "http://localhost:" + url.getPort() + path;
    }

    /** A client of the deployed application's API (its root without the trailing slash). */
    public static ApiClient api(URL url) {
        String base = local(url);
        return new ApiClient(base.substring(0, base.length() - 1));
    }

    /** The application, for tests that call it from outside as a browser or client would. */
    public static WebArchive application() {
        File war = new File(System.getProperty("tp.war", "target/talent-pipeline.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The application with test classes inside it, for tests that run in the container. */
    public static WebArchive withTests(Class<?>... classes) {
        return application()
                .addClasses(classes)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "arquillian-access.jar")
                        .addAsManifestResource(new StringAsset(RUNNER_FRAGMENT), "web-fragment.xml"));
    }
}

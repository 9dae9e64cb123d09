package org.talentpipeline.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The JSON API, under {@code /api/v1}. Resources live in their areas. */
@ApplicationPath("api/v1")
public class ApiApplication extends Application {

    /** Jersey would describe every resource at {@code application.wadl} to anyone who asks; the README documents the API. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}

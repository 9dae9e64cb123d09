package org.talentpipeline.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API, under {@code /api/v1}. Resources live in their areas. */
@ApplicationPath("api/v1")
public class ApiApplication extends Application {
}

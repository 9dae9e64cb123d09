package org.talentpipeline.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.ContentDisposition;

/**
 * {@code /api/v1/analytics}: a school's figures and the nation's as JSON, and each of their tables
 * as CSV ({@link Analytics#SCHOOL_TABLES}, {@link Analytics#NATIONAL_TABLES}).
 */
@Path("analytics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    @Inject
    Analytics analytics;

    @GET
    @Path("schools/{code}")
    @Performs(Operation.SCHOOL_FIGURES)
    public Analytics.School school(@PathParam("code") String code) {
        return analytics.school(code);
    }

    @GET
    @Path("schools/{code}/{table}")
    @Produces("text/csv")
    @Performs(Operation.SCHOOL_FIGURES)
    public Response schoolTable(@PathParam("code") String code, @PathParam("table") String table) {
        Analytics.School school = analytics.school(code);
        return csv(
                analytics.table(school, table), "analytics-" + school.ratings().school() + "-" + table + ".csv");
    }

    @GET
    @Path("nation")
    @Performs(Operation.NATIONAL_FIGURES)
    public Analytics.Nation nation() {
        return analytics.nation();
    }

    @GET
    @Path("nation/{table}")
    @Produces("text/csv")
    @Performs(Operation.NATIONAL_FIGURES)
    public Response nationTable(@PathParam("table") String table) {
        return csv(analytics.table(analytics.nation(), table), "analytics-nation-" + table + ".csv");
    }

    private static Response csv(List<List<Object>> table, String fileName) {
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Analytics.csv(table, writer);
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .build();
    }
}

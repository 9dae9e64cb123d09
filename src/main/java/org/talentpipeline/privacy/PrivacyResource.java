package org.talentpipeline.privacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.ContentDisposition;

/**
 * {@code GET /api/v1/privacy/minors-report?year=&school=} (ADMIN; a SCHOOL_ADMIN for their school;
 * {@code format=csv} for CSV) and {@code GET /api/v1/privacy/retention} (ADMIN: the retention
 * policy's dry run, what it would anonymise today).
 */
@Path("privacy")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    @Inject
    MinorsReport minors;

    @Inject
    Retention retention;

    @GET
    @Path("minors-report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Performs(Operation.MINORS_REPORT)
    public Response minorsReport(
            @QueryParam("year") Integer year,
            @QueryParam("school") String school,
            @QueryParam("format") String format) {
        MinorsReport.Report report = minors.report(year, school);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(MinorsReport.csv(report), "text/csv")
                    .header("Content-Disposition", ContentDisposition.attachment("minors-" + year + ".csv"))
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("retention")
    @Performs(Operation.RETENTION)
    public List<Retention.Due> retentionDryRun(@QueryParam("limit") @DefaultValue("1000") int limit) {
        return retention.dryRun(limit);
    }
}

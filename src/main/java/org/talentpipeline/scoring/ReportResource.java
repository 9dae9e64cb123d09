package org.talentpipeline.scoring;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;

/** {@code GET /api/v1/students/{ref}/report}: a student's scouting report ({@code REPORT_READ}: the service checks and audits). */
@Path("students/{ref: .+}/report")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ScoutingReports reports;

    @GET
    @Performs(Operation.REPORT_READ)
    public ScoutingReport report(@PathParam("ref") String ref) {
        return reports.report(ref);
    }
}

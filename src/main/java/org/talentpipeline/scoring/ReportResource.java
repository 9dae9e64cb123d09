package org.talentpipeline.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.talentpipeline.identity.Role;

/** {@code GET /api/v1/students/{ref}/report}: a student's scouting report (ADMIN; their school's SCHOOL_ADMIN; a RECRUITER while the student consents). */
@Path("students/{ref: .+}/report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.SCHOOL_ADMIN, Role.Names.RECRUITER})
public class ReportResource {

    @Inject
    ScoutingReports reports;

    @GET
    public ScoutingReport report(@PathParam("ref") String ref) {
        return reports.report(ref);
    }
}

package org.talentpipeline.certification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.talentpipeline.certification.ApplicationSummary;
import org.talentpipeline.certification.CaseView;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.DecisionLetter;
import org.talentpipeline.certification.EvidenceDocument;
import org.talentpipeline.certification.FindingInput;
import org.talentpipeline.certification.ScoreInput;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/**
 * {@code /api/v1/certification/applications}: a school's SCHOOL_ADMIN applies and documents, ADMIN
 * assigns reviewers and decides, an assigned REVIEWER scores. Who may not see a case gets 404.
 */
@Path("certification/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.SCHOOL_ADMIN, Role.Names.REVIEWER})
public class ApplicationResource {

    @Inject
    CertificationService certifications;

    public record OpenInput(String cycle) {
    }

    public record StatementInput(String statement) {
    }

    public record ReviewerInput(String reviewer) {
    }

    public record ReviewInput(Boolean conflictOfInterest, String conflictNote, List<ScoreInput> scores) {
    }

    public record DecisionInput(String outcome, String note, List<FindingInput> findings) {
    }

    public record RevokeInput(String reason) {
    }

    @GET
    public Page<ApplicationSummary> list(@QueryParam("state") String state, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return certifications.applications(state, Paging.of(page, size));
    }

    @POST
    @RolesAllowed(Role.Names.SCHOOL_ADMIN)
    public Response open(OpenInput input) {
        return Response.status(Response.Status.CREATED).entity(certifications.open(input == null ? null : input.cycle())).build();
    }

    @GET
    @Path("{id}")
    public CaseView get(@PathParam("id") long id) {
        return certifications.get(id);
    }

    @PUT
    @Path("{id}/evidence/{criterion}")
    @RolesAllowed(Role.Names.SCHOOL_ADMIN)
    public CaseView write(@PathParam("id") long id, @PathParam("criterion") String criterion, StatementInput input) {
        return certifications.write(id, java.util.Collections.singletonMap(criterion, input == null ? null : input.statement()));
    }

    /** The body is the file itself (any content type; the content decides); {@code fileName} names it. */
    @POST
    @Path("{id}/evidence/{criterion}/documents")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.Names.SCHOOL_ADMIN)
    public Response upload(@PathParam("id") long id, @PathParam("criterion") String criterion,
            @QueryParam("fileName") String fileName, InputStream body) {
        return Response.status(Response.Status.CREATED).entity(certifications.upload(id, criterion, fileName, body)).build();
    }

    @GET
    @Path("{id}/documents/{document}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") long id, @PathParam("document") long document) {
        EvidenceDocument d = certifications.download(id, document);
        return Response.ok(d.getContent(), d.getContentType())
                .header("Content-Disposition", ContentDisposition.attachment(d.getFileName()))
                .header("X-Content-SHA256", d.getSha256()).build();
    }

    @DELETE
    @Path("{id}/documents/{document}")
    @RolesAllowed(Role.Names.SCHOOL_ADMIN)
    public CaseView remove(@PathParam("id") long id, @PathParam("document") long document) {
        return certifications.removeDocument(id, document);
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.Names.SCHOOL_ADMIN)
    public CaseView submit(@PathParam("id") long id) {
        return certifications.submit(id);
    }

    @POST
    @Path("{id}/reviewers")
    @RolesAllowed(Role.Names.ADMIN)
    public CaseView assign(@PathParam("id") long id, ReviewerInput input) {
        if (input == null || input.reviewer() == null || input.reviewer().isBlank()) {
            throw new BadInput("reviewer", "is required (a REVIEWER's username)");
        }
        return certifications.assign(id, input.reviewer());
    }

    @POST
    @Path("{id}/reviews")
    @RolesAllowed(Role.Names.REVIEWER)
    public CaseView review(@PathParam("id") long id, ReviewInput input) {
        if (input == null) {
            throw new BadInput("body", "a review is required");
        }
        return certifications.review(id, Boolean.TRUE.equals(input.conflictOfInterest()), input.conflictNote(), input.scores());
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Role.Names.ADMIN)
    public CaseView decide(@PathParam("id") long id, DecisionInput input) {
        if (input == null) {
            throw new BadInput("outcome", "is required (CERTIFIED or REJECTED)");
        }
        return certifications.decide(id, input.outcome(), input.note(), input.findings());
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Role.Names.ADMIN)
    public CaseView revoke(@PathParam("id") long id, RevokeInput input) {
        return certifications.revoke(id, input == null ? null : input.reason());
    }

    @GET
    @Path("{id}/letter")
    @Produces("application/pdf")
    public Response letter(@PathParam("id") long id) {
        CaseView decided = certifications.get(id);
        if (!decided.state().isDecided()) {
            throw new Conflict("application " + id + " is not decided yet");
        }
        return Response.ok(DecisionLetter.pdf(decided), "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment("decision-" + id + ".pdf")).build();
    }
}

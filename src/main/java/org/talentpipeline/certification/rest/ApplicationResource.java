package org.talentpipeline.certification.rest;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.certification.ApplicationSummary;
import org.talentpipeline.certification.CaseView;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.DecisionLetter;
import org.talentpipeline.certification.EvidenceDocument;
import org.talentpipeline.certification.FindingInput;
import org.talentpipeline.certification.ScoreInput;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.identity.Preferences;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;
import org.talentpipeline.platform.Versions;

/**
 * {@code /api/v1/certification/applications}: a school's SCHOOL_ADMIN applies and documents, ADMIN
 * assigns reviewers and decides, an assigned REVIEWER scores. Who may not see a case gets 404. A
 * statement is changed from the version its part was read at ({@code ETag} / {@code If-Match}).
 */
@Path("certification/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    @Inject
    CertificationService certifications;

    @Inject
    Preferences preferences;

    public record OpenInput(String cycle) {}

    public record StatementInput(String statement) {}

    public record ReviewerInput(@NotBlank(message = "is required (a REVIEWER's username)") String reviewer) {}

    @Inject
    Validator validator;

    public record ReviewInput(Boolean conflictOfInterest, String conflictNote, List<ScoreInput> scores) {}

    public record DecisionInput(String outcome, String note, List<FindingInput> findings) {}

    public record RevokeInput(String reason) {}

    @GET
    @Performs(Operation.APPLICATION_READ)
    public Page<ApplicationSummary> list(
            @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return certifications.applications(state, Paging.of(page, size));
    }

    @POST
    @Performs(Operation.APPLICATION_WRITE)
    public Response open(OpenInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(certifications.open(input == null ? null : input.cycle()))
                .build();
    }

    @GET
    @Path("{id}")
    @Performs(Operation.APPLICATION_READ)
    public CaseView get(@PathParam("id") long id) {
        return certifications.get(id);
    }

    /** One criterion's part of the case, its version the {@code ETag} that a change of its statement names. */
    @GET
    @Path("{id}/evidence/{criterion}")
    @Performs(Operation.APPLICATION_READ)
    public Response part(@PathParam("id") long id, @PathParam("criterion") String criterion) {
        CaseView.Part part = certifications.part(id, criterion);
        return Versions.tagged(part, part.version());
    }

    /** Changes the statement for a criterion from the version in {@code If-Match}; answers the case, tagged with the part's new version. */
    @PUT
    @Path("{id}/evidence/{criterion}")
    @Performs(Operation.APPLICATION_WRITE)
    public Response write(
            @PathParam("id") long id,
            @PathParam("criterion") String criterion,
            StatementInput input,
            @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers, "the statement for " + criterion);
        CaseView changed = certifications.write(
                id,
                Map.of(
                        criterion,
                        new CertificationService.Statement(input == null ? null : input.statement(), version)));
        CaseView.Part part = changed.evidence().stream()
                .filter(p -> p.criterion().equalsIgnoreCase(criterion.strip()))
                .findFirst()
                .orElseThrow();
        return Versions.tagged(changed, part.version());
    }

    /** The body is the file itself (any content type; the content decides); {@code fileName} names it. */
    @POST
    @Path("{id}/evidence/{criterion}/documents")
    @Consumes(MediaType.WILDCARD)
    @Performs(Operation.APPLICATION_WRITE)
    public Response upload(
            @PathParam("id") long id,
            @PathParam("criterion") String criterion,
            @QueryParam("fileName") String fileName,
            InputStream body) {
        return Response.status(Response.Status.CREATED)
                .entity(certifications.upload(id, criterion, fileName, body))
                .build();
    }

    @GET
    @Path("{id}/documents/{document}")
    @Produces(MediaType.WILDCARD)
    @Performs(Operation.APPLICATION_READ)
    public Response download(@PathParam("id") long id, @PathParam("document") long document) {
        EvidenceDocument d = certifications.download(id, document);
        return Response.ok(d.getContent(), d.getContentType())
                .header("Content-Disposition", ContentDisposition.attachment(d.getFileName()))
                .header("X-Content-SHA256", d.getSha256())
                .build();
    }

    @DELETE
    @Path("{id}/documents/{document}")
    @Performs(Operation.APPLICATION_WRITE)
    public CaseView remove(@PathParam("id") long id, @PathParam("document") long document) {
        return certifications.removeDocument(id, document);
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Performs(Operation.APPLICATION_WRITE)
    public CaseView submit(@PathParam("id") long id) {
        return certifications.submit(id);
    }

    @POST
    @Path("{id}/reviewers")
    @Performs(Operation.APPLICATION_ASSIGN)
    public CaseView assign(@PathParam("id") long id, ReviewerInput input) {
        BadInput.check(validator, input, "reviewer", "is required (a REVIEWER's username)");
        return certifications.assign(id, input.reviewer());
    }

    @POST
    @Path("{id}/reviews")
    @Performs(Operation.APPLICATION_REVIEW)
    public CaseView review(@PathParam("id") long id, ReviewInput input) {
        if (input == null) {
            throw new BadInput("body", "a review is required");
        }
        return certifications.review(
                id, Boolean.TRUE.equals(input.conflictOfInterest()), input.conflictNote(), input.scores());
    }

    @POST
    @Path("{id}/decision")
    @Performs(Operation.APPLICATION_DECIDE)
    public CaseView decide(@PathParam("id") long id, DecisionInput input) {
        if (input == null) {
            throw new BadInput("outcome", "is required (CERTIFIED or REJECTED)");
        }
        return certifications.decide(id, input.outcome(), input.note(), input.findings());
    }

    @POST
    @Path("{id}/revoke")
    @Performs(Operation.APPLICATION_DECIDE)
    public CaseView revoke(@PathParam("id") long id, RevokeInput input) {
        return certifications.revoke(id, input == null ? null : input.reason());
    }

    @GET
    @Path("{id}/letter")
    @Produces("application/pdf")
    @Performs(Operation.APPLICATION_READ)
    public Response letter(@PathParam("id") long id, @Context HttpHeaders headers) {
        CaseView decided = certifications.decided(id);
        // an Accept-Language the client sends wins; else the language the caller chose
        Locale asked = headers.getRequestHeader("Accept-Language") == null
                        || headers.getAcceptableLanguages().isEmpty()
                ? null
                : headers.getAcceptableLanguages().get(0);
        Locale reader =
                asked != null && !"*".equals(asked.getLanguage()) ? asked : preferences.readerLanguage(Locale.ENGLISH);
        return Response.ok(DecisionLetter.pdf(decided, reader), "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment("decision-" + id + ".pdf"))
                .build();
    }
}

package org.talentpipeline.student;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.platform.CsvWriter;

/**
 * {@code POST /api/v1/schools/{code}/invitations}: invites a school's students at once,
 * {@code {"refs": [...]}} or, without refs, every student of the school without an account. The
 * codes are shown this once: as JSON, or with {@code ?format=csv} as a list to hand out.
 */
@Path("schools/{code}/invitations")
public class InvitationsResource {

    @Inject
    StudentAccounts accounts;

    @Inject
    Validator validator;

    /** The students to invite; none named: every student of the school without an account. */
    public record InviteInput(
            List<@NotBlank(message = "must be a student ref (SCHOOL/NUMBER), not blank") String> refs) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Performs(Operation.STUDENT_INVITE)
    public Response inviteAll(@PathParam("code") String code, @QueryParam("format") String format, InviteInput input) {
        // no body, like no refs, invites every student of the school without an account
        List<String> refs = input == null
                ? null
                : BadInput.check(validator, input, "body", "is required").refs();
        List<StudentAccounts.Issued> issued = accounts.inviteAll(code, refs);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.status(Response.Status.CREATED)
                    .type("text/csv")
                    .entity(csv(issued))
                    .header("Content-Disposition", ContentDisposition.attachment("invitations-" + code + ".csv"))
                    .build();
        }
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .entity(issued)
                .build();
    }

    /** The codes as CSV: ref, full_name, code, expires_at. */
    public static String csv(List<StudentAccounts.Issued> issued) {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        try {
            csv.row(List.of("ref", "full_name", "code", "expires_at"));
            for (StudentAccounts.Issued i : issued) {
                csv.row(List.of(i.ref(), i.fullName(), i.code(), i.expiresAt().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

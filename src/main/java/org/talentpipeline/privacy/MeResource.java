package org.talentpipeline.privacy;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.scoring.ScoutingReport;
import org.talentpipeline.scoring.ScoutingReports;
import org.talentpipeline.student.OwnRecord;
import org.talentpipeline.student.StudentService;

/**
 * The signed-in student's own data ({@code /api/v1/me/...}): their record, scouting report,
 * disclosure log, everything as an export, and their consent. A student reaches no other record
 * through these: the record is the one linked to their account.
 */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    StudentService students;

    @Inject
    ScoutingReports reports;

    @Inject
    DisclosureLog disclosures;

    @Inject
    PersonalData data;

    @Inject
    StudentRequests requests;

    @Inject
    Validator validator;

    @POST
    @Path("corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.OWN_REQUEST)
    public Response requestCorrection(StudentRequests.CorrectionInput input) {
        CorrectionRequest.View made = requests.requestCorrection(input);
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    @Path("corrections")
    @Performs(Operation.OWN_RECORD)
    public List<CorrectionRequest.View> corrections() {
        return requests.myCorrections();
    }

    @POST
    @Path("appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.OWN_REQUEST)
    public Response appeal(StudentRequests.AppealInput input) {
        ScoreAppeal.View made = requests.appeal(input);
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    @Path("appeals")
    @Performs(Operation.OWN_RECORD)
    public List<ScoreAppeal.View> appeals() {
        return requests.myAppeals();
    }

    /** {@code {"granted": true, "agencies": ["NCSC"]}}; agencies left out: every agency the school approves. */
    public record ConsentInput(
            @NotNull(message = StudentService.ConsentInput.GRANTED) Boolean granted, List<String> agencies) {}

    @GET
    @Path("record")
    @Performs(Operation.OWN_RECORD)
    public OwnRecord record() {
        return students.ownRecord();
    }

    @GET
    @Path("report")
    @Performs(Operation.OWN_RECORD)
    public ScoutingReport report() {
        return reports.ownReport();
    }

    @GET
    @Path("disclosures")
    @Performs(Operation.OWN_RECORD)
    public List<Disclosure> disclosures() {
        return disclosures.mine();
    }

    /** Everything held about the student: JSON, or with {@code ?format=zip} a zip of CSV files. */
    @GET
    @Path("export")
    @Produces({MediaType.APPLICATION_JSON, "application/zip"})
    @Performs(Operation.OWN_RECORD)
    public Response export(@QueryParam("format") String format) {
        PersonalData.Export export = data.mine();
        return answer(export, format);
    }

    static Response answer(PersonalData.Export export, String format) {
        if ("zip".equalsIgnoreCase(format)) {
            return Response.ok(PersonalData.zip(export), "application/zip")
                    .header(
                            "Content-Disposition",
                            ContentDisposition.attachment(
                                    "data-" + export.record().student().ref().replace('/', '-') + ".zip"))
                    .build();
        }
        return Response.ok(export, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.OWN_CONSENT)
    public OwnRecord consent(ConsentInput input) {
        BadInput.check(validator, input, "granted", StudentService.ConsentInput.GRANTED);
        return students.ownConsent(input.granted(), input.agencies());
    }
}

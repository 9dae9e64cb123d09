package org.talentpipeline.competition;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/**
 * {@code /api/v1/events}: the catalogue and each event's results (a scoreboard names students).
 * Who may do what is the access policy's, checked by the services; {@link Performs} is the outer wall.
 */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventService events;

    @Inject
    ResultService results;

    @GET
    @Performs(Operation.EVENT_READ)
    public Page<EventView> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return events.list(Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @Performs(Operation.EVENT_READ)
    public EventView get(@PathParam("code") String code) {
        return events.get(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.EVENT_WRITE)
    public Response create(EventInput input) {
        if (input == null) {
            throw new BadInput("body", "an event is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(events.create(input))
                .build();
    }

    /** Results as {@code format=ranking|solves|ctfd}, JSON or CSV by the Content-Type; they replace earlier ones. */
    @POST
    @Path("{code}/results")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Performs(Operation.RESULTS_WRITE)
    public Response post(
            @PathParam("code") String code,
            @QueryParam("format") @DefaultValue("ranking") String format,
            @HeaderParam("Content-Type") String contentType,
            InputStream body)
            throws IOException {
        ResultFormats.Kind kind = ResultFormats.Kind.parse(format);
        if (kind == null) {
            throw new BadInput("format", "must be ranking, solves or ctfd");
        }
        boolean csv =
                contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json");
        if (kind == ResultFormats.Kind.CTFD && csv) {
            throw new BadInput("format", "a CTFd scoreboard is JSON");
        }
        ResultPost post = results.post(code, kind, csv, body);
        if (post.succeeded()) {
            return Response.ok(Map.of("stored", post.stored())).build();
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(
                "error",
                post.unmatched().isEmpty()
                        ? "the results have problems; nothing was stored"
                        : "some competitors match no student or team of the event; nothing was stored");
        error.put("details", post.problems());
        error.put("unmatched", post.unmatched());
        return Response.status(400).entity(error).build();
    }

    @GET
    @Path("{code}/teams")
    @Performs(Operation.RESULTS_READ)
    public List<ResultService.TeamView> teams(@PathParam("code") String code) {
        return results.teams(code);
    }

    @POST
    @Path("{code}/teams")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.RESULTS_WRITE)
    public Response registerTeam(@PathParam("code") String code, ResultService.TeamInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(results.registerTeam(code, input))
                .build();
    }

    @GET
    @Path("{code}/results")
    @Performs(Operation.RESULTS_READ)
    public Map<String, Object> scoreboard(
            @PathParam("code") String code,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        Page<ScoreLine> board = results.scoreboard(code, Paging.of(page, size));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", board.items());
        body.put("total", board.total());
        body.put("fieldSize", board.total());
        return body;
    }
}

package org.talentpipeline.scoring;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.NotFound;

/**
 * {@code /api/v1/scoring}: the settings in force, full recomputes and their progress
 * ({@code SCORING_ADMINISTRATION}, checked again by the service).
 * {@code POST /recompute} answers 202 with the job (the one already waiting if there is one).
 */
@Path("scoring")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringResource {

    @Inject
    ScoringJobs jobs;

    @Context
    UriInfo uri;

    @GET
    @Path("settings")
    @Performs(Operation.SCORING_ADMINISTRATION)
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        ScoringSettings.CURRENT.list().forEach(s -> settings.put(s.name(), s.value()));
        return settings;
    }

    @Inject
    CategorySynonyms synonyms;

    /** The canonical categories' synonym table in force (built in and added). */
    @GET
    @Path("categories")
    @Performs(Operation.SCORING_ADMINISTRATION)
    public List<CategorySynonyms.Synonym> categories() {
        return synonyms.list();
    }

    /** Adds a spelling of a canonical category (with the category's work role); a full recompute follows. */
    @POST
    @Path("categories")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.SCORING_ADMINISTRATION)
    public Response addCategory(CategorySynonyms.SynonymInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(synonyms.add(input))
                .build();
    }

    @POST
    @Path("recompute")
    @Performs(Operation.SCORING_ADMINISTRATION)
    public Response recompute() {
        ScoringJob job = jobs.recompute("requested");
        return Response.accepted(view(job))
                .location(
                        uri.getBaseUriBuilder().path("scoring/jobs/" + job.id()).build())
                .build();
    }

    @GET
    @Path("jobs")
    @Performs(Operation.SCORING_ADMINISTRATION)
    public List<Map<String, Object>> latest() {
        return jobs.latest().stream().map(ScoringResource::view).toList();
    }

    @GET
    @Path("jobs/{id}")
    @Performs(Operation.SCORING_ADMINISTRATION)
    public Map<String, Object> job(@PathParam("id") long id) {
        return view(jobs.job(id).orElseThrow(() -> new NotFound("no scoring job " + id)));
    }

    private static Map<String, Object> view(ScoringJob job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("state", job.state());
        view.put("percent", job.percent());
        view.put("reason", job.reason());
        view.put("requestedBy", job.requestedBy());
        view.put(
                "requestedAt",
                job.requestedAt() == null ? null : job.requestedAt().toString());
        view.put("startedAt", job.startedAt() == null ? null : job.startedAt().toString());
        view.put(
                "finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        view.put("message", job.message());
        return view;
    }
}

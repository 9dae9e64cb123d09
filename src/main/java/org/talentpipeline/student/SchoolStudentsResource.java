package org.talentpipeline.student;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.platform.NotSignedIn;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/**
 * A school's students: {@code GET/POST /api/v1/schools/{code}/students}, the CSV import and the CSV
 * export. The services decide who reaches which school (ADMIN every one, a SCHOOL_ADMIN their own;
 * to anyone else the school is not found).
 */
@Path("schools/{code}/students")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolStudentsResource {

    @Inject
    StudentService students;

    @Inject
    StudentImport imports;

    @Inject
    StudentExport export;

    @Inject
    CurrentUser currentUser;

    @Context
    HttpServletRequest request;

    @GET
    @Performs(Operation.STUDENT_READ)
    public Page<StudentRow> list(
            @PathParam("code") String code,
            @QueryParam("name") String name,
            @QueryParam("number") String number,
            @QueryParam("status") String status,
            @QueryParam("graduationYear") Integer graduationYear,
            @QueryParam("consent") Boolean consent,
            @QueryParam("sort") String sort,
            @QueryParam("desc") @DefaultValue("false") boolean descending,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("25") int size) {
        return students.list(
                query(code, name, number, status, graduationYear, consent, sort, descending), Paging.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.STUDENT_WRITE)
    public Response create(@PathParam("code") String code, StudentInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(students.create(code, input))
                .build();
    }

    /** All rows or none; 400 with every bad row when any is bad. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Performs(Operation.STUDENT_IMPORT)
    public Response importCsv(@PathParam("code") String code, InputStream body) throws IOException {
        ImportReport report = imports.run(
                currentUser.caller().orElseThrow(NotSignedIn::new),
                code,
                body,
                request.getContentLengthLong(),
                ImportProgress.NONE);
        return Response.status(report.succeeded() ? 200 : 400).entity(report).build();
    }

    /** The students as CSV, in the list's order, spreadsheet formulas defused. */
    @GET
    @Path("export")
    @Produces("text/csv")
    @Performs(Operation.STUDENT_EXPORT)
    public Response exportCsv(
            @PathParam("code") String code,
            @QueryParam("name") String name,
            @QueryParam("status") String status,
            @QueryParam("graduationYear") Integer graduationYear) {
        // checked before the answer starts, so that a refusal is a 404 rather than a broken download
        StudentQuery query = export.prepare(query(code, name, null, status, graduationYear, null, null, false));
        StreamingOutput body = out -> export.write(query, out);
        return Response.ok(body)
                .header("Content-Disposition", ContentDisposition.attachment("students-" + query.school() + ".csv"))
                .build();
    }

    private static StudentQuery query(
            String code,
            String name,
            String number,
            String status,
            Integer graduationYear,
            Boolean consent,
            String sort,
            boolean descending) {
        StudentStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = StudentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInput("status", "must be ENROLLED, GRADUATED or WITHDRAWN");
            }
        }
        StudentQuery.Sort parsedSort = StudentQuery.Sort.parse(sort);
        return new StudentQuery(code, name, number, parsedStatus, graduationYear, consent, parsedSort, descending);
    }
}

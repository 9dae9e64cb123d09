package org.talentpipeline.student;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.NotSignedIn;

/**
 * The students page's "Export CSV" link: the same export as the API's, for a signed-in session. The
 * export service decides who may; this only turns its refusals into statuses.
 */
@WebServlet("/student/export.csv")
public class StudentExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StudentExport export;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StudentQuery query;
        try {
            query = export.prepare(StudentQuery.ofSchool(request.getParameter("school")));
        } catch (NotFound e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (Forbidden | NotSignedIn e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (BadInput e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "choose a school");
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment("students-" + query.school() + ".csv"));
        export.write(query, response.getOutputStream());
    }
}

package org.talentpipeline.student;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.platform.NotFound;

/** The students page's "Export CSV" link: the same export as the API's, for a signed-in session. */
@WebServlet("/student/export.csv")
public class StudentExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StudentService students;

    @Inject
    transient StudentExport export;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String school;
        try {
            school = students.visibleSchool(request.getParameter("school"));
        } catch (NotFound e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (school == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "choose a school");
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment("students-" + school + ".csv"));
        export.write(StudentQuery.ofSchool(school), response.getOutputStream());
    }
}

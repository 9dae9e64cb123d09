package org.talentpipeline.certification.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.talentpipeline.certification.CaseView;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.DecisionLetter;
import org.talentpipeline.certification.EvidenceDocument;
import org.talentpipeline.identity.Preferences;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.ContentDisposition;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.NotSignedIn;

/**
 * The case page's downloads for a signed-in session: {@code document?id=&doc=} an evidence document,
 * {@code letter.pdf?id=} the decision letter. The service checks the caller against the case, as for
 * the API: a case they may not read is 404, whatever the parameters say.
 */
@WebServlet({"/certification/document", "/certification/letter.pdf"})
public class CertificationFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CertificationService certifications;

    @Inject
    transient Preferences preferences;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            long id = Long.parseLong(request.getParameter("id"));
            if (request.getServletPath().endsWith("letter.pdf")) {
                CaseView decided = certifications.decided(id);
                // in the language the reader chose, else their browser's
                send(
                        response,
                        DecisionLetter.pdf(decided, preferences.readerLanguage(request.getLocale())),
                        "application/pdf",
                        "decision-" + id + ".pdf");
            } else {
                EvidenceDocument d = certifications.download(id, Long.parseLong(request.getParameter("doc")));
                send(response, d.getContent(), d.getContentType(), d.getFileName());
            }
        } catch (NotFound | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (Forbidden | NotSignedIn e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (Conflict e) {
            response.sendError(HttpServletResponse.SC_CONFLICT, "the application is not decided yet");
        }
    }

    private static void send(HttpServletResponse response, byte[] content, String type, String name)
            throws IOException {
        response.setContentType(type);
        response.setContentLength(content.length);
        response.setHeader("Content-Disposition", ContentDisposition.attachment(name));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(content);
    }
}

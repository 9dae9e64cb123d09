package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.competition.ResultFormats;
import org.talentpipeline.competition.ResultService;
import org.talentpipeline.evaluation.JudgingService;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Role;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.PageRequest;

/**
 * Inside the application, past every wall (no web.xml constraint, no API role filter): the services
 * themselves refuse a caller the access policy does not allow, whatever face would call them.
 */
@ExtendWith(ArquillianExtension.class)
class ServicesRefuseIT {

    private static final String JUDGED = "XDU-FORENSICS-2026";

    @Deployment
    static WebArchive deployment() {
        return Deployments.withTests(ServicesRefuseIT.class);
    }

    @Inject
    HttpServletRequest request;

    @Inject
    JudgingService judging;

    @Inject
    ResultService results;

    @Inject
    ScoringJobs jobs;

    @Inject
    ScoutingReports reports;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** Makes this request's caller who the sign-in would have made it (the request attribute it keeps the caller in). */
    private void callAs(String username, Role role, String school, String agency) {
        request.setAttribute(Caller.class.getName(), new Caller(username, Set.of(role), school, agency));
    }

    @Test
    void publishingTheConsensusRefusesARecruiter() {
        callAs("recruiter", Role.RECRUITER, null, "NCSC");
        assertThrows(Forbidden.class, () -> judging.publish(JUDGED));
    }

    @Test
    void readingTheConsensusRefusesASchoolAdmin() {
        callAs("xdu_admin", Role.SCHOOL_ADMIN, "XDU", null);
        assertThrows(Forbidden.class, () -> judging.summary(JUDGED));
    }

    @Test
    void scoringAnEntryNotAssignedToTheJudgeFindsNoSuchEntry() {
        callAs("admin", Role.ADMIN, null, null);
        String entry = judging.summary(JUDGED).entries().get(0).entry();
        callAs("not-a-judge", Role.EVALUATOR, null, null);
        assertThrows(
                NotFound.class,
                () -> judging.score(JUDGED, entry, Map.of("analysis", 5.0, "evidence handling", 5.0, "report", 5.0)));
    }

    @Test
    void postingResultsRefusesARecruiter() {
        callAs("recruiter", Role.RECRUITER, null, "NCSC");
        assertThrows(
                Forbidden.class,
                () -> results.post(
                        "NCSC-2025",
                        ResultFormats.Kind.RANKING,
                        true,
                        new ByteArrayInputStream("place,competitor,points\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void readingAScoreboardRefusesARecruiter() {
        callAs("recruiter", Role.RECRUITER, null, "NCSC");
        assertThrows(Forbidden.class, () -> results.scoreboard("NCSC-2025", PageRequest.ofOffset(0, 10)));
    }

    @Test
    void aRecomputeRefusesAnEvaluator() {
        callAs("evaluator", Role.EVALUATOR, null, null);
        assertThrows(Forbidden.class, () -> jobs.recompute("asked by an evaluator"));
    }

    @Test
    void aReportOfAStudentWhoDoesNotConsentIsNotFoundForARecruiter() throws Exception {
        String ref = student(false);
        callAs("recruiter", Role.RECRUITER, null, "NCSC");
        assertThrows(NotFound.class, () -> reports.report(ref));
    }

    @Test
    void aReportOfAnotherSchoolsStudentIsNotFoundForASchoolAdmin() throws Exception {
        String ref = student(true);
        callAs("someone", Role.SCHOOL_ADMIN, ref.startsWith("XDU/") ? "SJTU" : "XDU", null);
        assertThrows(NotFound.class, () -> reports.report(ref));
    }

    @Test
    void aReportOfAStudentWhoConsentsIsReadByARecruiter() throws Exception {
        String ref = student(true);
        callAs("recruiter", Role.RECRUITER, null, "NCSC");
        assertEquals(ref, reports.report(ref).ref());
    }

    /** A demo student who does, or does not, consent to share. */
    private String student(boolean consenting) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select sc.code, st.student_number from student st join school sc on sc.id = st.school_id"
                                + " where st.consent_to_share = " + consenting
                                + " order by st.id fetch first 1 rows only")) {
            rs.next();
            return rs.getString(1) + "/" + rs.getString(2);
        }
    }
}

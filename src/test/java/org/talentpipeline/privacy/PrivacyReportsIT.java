package org.talentpipeline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;

/** The retention policy's dry run and the minors' yearly report, through the API. */
@ExtendWith(ArquillianExtension.class)
class PrivacyReportsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private static ApiClient api;
    private static Fixtures fixtures;

    private void init() {
        if (api == null) {
            api = Deployments.api(deployment);
            fixtures = new Fixtures(api);
        }
    }

    private static List<String> dueRefs() {
        return api.get("/privacy/retention?limit=10000", fixtures.adminToken()).parse().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .map(o -> o.getString("ref"))
                .toList();
    }

    @Test
    void theDryRunListsAStudentWhoGraduatedLongAgo() {
        init();
        String school = fixtures.school("West");
        int year = LocalDate.now().getYear();
        fixtures.students(
                school,
                "OLD,Old Grad,1990-01-01,old@example.org,2008," + (year - 6) + ",false",
                "NEW,New Grad,2000-01-01,new@example.org,2018," + (year - 5) + ",false");
        List<String> due = dueRefs();
        assertEquals(List.of(true, false), List.of(due.contains(school + "/OLD"), due.contains(school + "/NEW")));
    }

    @Test
    void theMinorsReportCountsAGuardiansConsent() {
        init();
        String school = fixtures.school("East");
        int year = LocalDate.now().getYear();
        fixtures.students(school, "KID,Kid Young," + (year - 13) + "-01-01,,2025," + (year + 4) + ",false");
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", school, null);
        assertEquals(
                200,
                api.post(
                                "/students/" + school + "%2FKID/consent",
                                schoolAdmin,
                                "{\"granted\": true, \"guardianConsent\": true}")
                        .status());
        JsonObject report =
                api.get("/privacy/minors-report?year=" + year, schoolAdmin).json();
        assertEquals(List.of(1, 1), List.of(report.getInt("minorsHeld"), report.getInt("guardianConsents")));
    }

    @Test
    void theMinorsReportCountsAnAgencysViewOfAMinorAndNotOfAnAdult() {
        init();
        String school = fixtures.school("North");
        int year = LocalDate.now().getYear();
        fixtures.students(
                school,
                "TEEN,Teen Young," + (year - 16) + "-06-01,,2025," + (year + 4) + ",true",
                "ADULT,Grown Up," + (year - 25) + "-06-01,,2020," + (year + 1) + ",true");
        String recruiter = fixtures.user("RECRUITER", null, "NCSC");
        for (String number : List.of("TEEN", "ADULT")) {
            assertEquals(
                    200,
                    api.get("/students/" + school + "%2F" + number + "/report", recruiter)
                            .status());
        }
        JsonObject report = api.get("/privacy/minors-report?year=" + year + "&school=" + school, fixtures.adminToken())
                .json();
        assertEquals(
                Map.of("NCSC", 1),
                report.getJsonObject("viewsByAgency").entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonNumber) e.getValue()).intValue())));
    }

    @Test
    void theNationalMinorsReportIsGiven() {
        init();
        ApiClient.Reply report =
                api.get("/privacy/minors-report?year=" + LocalDate.now().getYear(), fixtures.adminToken());
        assertEquals(200, report.status(), report.toString());
    }

    @Test
    void theMinorsReportOfAnotherSchoolIsNotFound() {
        init();
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", fixtures.school("East"), null);
        assertEquals(
                404,
                api.get("/privacy/minors-report?year=2026&school=XDU", schoolAdmin)
                        .status());
    }

    @Test
    void theMinorsReportComesAsCsv() {
        init();
        ApiClient.Reply csv = api.get("/privacy/minors-report?year=2026&school=XDU&format=csv", fixtures.adminToken());
        assertEquals(200, csv.status(), csv.toString());
        assertEquals(
                "year,school,measure,agency,count",
                csv.body().lines().findFirst().orElse(""));
    }
}

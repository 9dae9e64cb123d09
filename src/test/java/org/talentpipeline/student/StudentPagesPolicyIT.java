package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.PageSession;

/**
 * The student pages under the access policy, over HTTP with real page sessions. First the attack:
 * a school admin opens a page for their own school, then posts back naming another school (or
 * another school's student); nothing of the other school may change, and the answer is a refusal.
 * Then what the pages owe everyone: a stale edit is refused with a message, an unknown school is
 * not found, and opening a record is in the audit log.
 */
@ExtendWith(ArquillianExtension.class)
class StudentPagesPolicyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    String admin;
    String own;
    String victim;
    PageSession page;
    Fixtures.Person attacker;

    @BeforeEach
    void twoSchoolsAndAnAttackerSignedInToTheFirst() {
        api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        admin = fixtures.adminToken();
        own = fixtures.school("East");
        victim = fixtures.school("Northwest");
        fixtures.students(own, "O1,Own One,2004-03-01,o1@own.example.edu,2023,2027,false");
        fixtures.students(victim, "V1,Victim One,2004-03-01,v1@victim.example.edu,2023,2027,false");
        attacker = fixtures.person("SCHOOL_ADMIN", own, null);
        page = new PageSession(Deployments.local(deployment));
        assertTrue(page.signIn(attacker.username(), Fixtures.PASSWORD), "the attacker signs in");
    }

    /** Loads the import page for the attacker's own school, then switches the school on a postback and uploads. */
    private PageSession.Answer importIntoVictimByPostback() {
        PageSession.Answer form = page.get("/student/import.xhtml?school=" + own);
        assertEquals(200, form.status(), form.body());
        Map<String, String> switched = new LinkedHashMap<>();
        switched.put("upload", "upload");
        switched.put("school", victim);
        switched.put("jakarta.faces.ViewState", form.viewState());
        PageSession.Answer afterSwitch = page.post("/student/import.xhtml", switched);
        String viewState = afterSwitch.status() == 200 && afterSwitch.body().contains("jakarta.faces.ViewState")
                ? afterSwitch.viewState()
                : form.viewState();

        Map<String, String> upload = new LinkedHashMap<>();
        upload.put("jakarta.faces.partial.ajax", "true");
        upload.put("jakarta.faces.source", "upload:file");
        upload.put("jakarta.faces.partial.execute", "upload:file");
        upload.put("jakarta.faces.partial.render", "upload progress messages");
        upload.put("upload", "upload");
        upload.put("upload:file_totalFilesCount", "1");
        upload.put("school", victim);
        upload.put("jakarta.faces.ViewState", viewState);
        String csv = StudentsIT.HEADER + "V1,Mallory Overwrite,2004-03-01,mallory@attacker.example,,2023,2027,true\r\n"
                + "X9,Planted Student,2004-03-01,,,2023,2027,false\r\n";
        PageSession.Answer uploaded = page.upload(
                "/student/import.xhtml", upload, "upload:file", "students.csv", csv.getBytes(StandardCharsets.UTF_8));
        awaitImportEnd(viewState);
        return uploaded;
    }

    /** Polls the page as its progress bar does until the import (if one started) has ended. */
    private void awaitImportEnd(String viewState) {
        Map<String, String> poll = new LinkedHashMap<>();
        poll.put("jakarta.faces.partial.ajax", "true");
        poll.put("jakarta.faces.source", "progress:poll");
        poll.put("jakarta.faces.partial.execute", "progress:poll");
        poll.put("jakarta.faces.partial.render", "progress");
        poll.put("progress", "progress");
        poll.put("jakarta.faces.ViewState", viewState);
        for (int i = 0; i < 120; i++) {
            String body = page.ajax("/student/import.xhtml", poll).body();
            if (!body.contains("progress:state") || body.contains("progress:outcome")) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private JsonObject victimStudent() {
        ApiClient.Reply reply = api.get("/students/" + victim + "/V1", admin);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private long victimTotal() {
        return api.get("/schools/" + victim + "/students", admin)
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    @Test
    void anImportSwitchedToAnotherSchoolOnPostbackPlantsNoStudentThere() {
        importIntoVictimByPostback();
        assertEquals(1, victimTotal());
    }

    @Test
    void anImportSwitchedToAnotherSchoolOnPostbackLeavesTheirStudentsRecordAsItWas() {
        importIntoVictimByPostback();
        JsonObject v1 = victimStudent();
        assertEquals(
                "Victim One / v1@victim.example.edu / false",
                v1.getString("fullName") + " / " + v1.getString("email") + " / " + v1.getBoolean("consentToShare"));
    }

    @Test
    void anImportSwitchedToAnotherSchoolOnPostbackIsAnsweredWithARefusal() {
        PageSession.Answer answer = importIntoVictimByPostback();
        assertTrue(
                answer.status() == 404
                        || answer.status() == 403
                        || answer.body().contains("ui-messages-error"),
                answer.status() + " " + answer.body());
    }

    @Test
    void anEditPostbackNamingAnotherSchoolsStudentLeavesTheirRecordAsItWas() {
        PageSession.Answer form = page.get("/student/edit.xhtml?ref=" + own + "/O1");
        assertEquals(200, form.status(), form.body());
        Map<String, String> save = new LinkedHashMap<>();
        save.put("student", "student");
        save.put("student:fullName", "Mallory Overwrite");
        save.put("student:email", "mallory@attacker.example");
        save.put("student:save", "");
        save.put("ref", victim + "/V1");
        save.put("school", victim);
        save.put("jakarta.faces.ViewState", form.viewState());
        PageSession.Answer answer = page.post("/student/edit.xhtml", save);
        JsonObject v1 = victimStudent();
        assertEquals(
                "Victim One / v1@victim.example.edu",
                v1.getString("fullName") + " / " + v1.getString("email"),
                answer.status() + " " + answer.body());
    }

    @Test
    void anEditPostbackNamingAnotherSchoolsStudentIsNotFound() {
        PageSession.Answer form = page.get("/student/edit.xhtml?ref=" + own + "/O1");
        Map<String, String> save = new LinkedHashMap<>();
        save.put("student", "student");
        save.put("student:fullName", "Mallory Overwrite");
        save.put("student:save", "");
        save.put("ref", victim + "/V1");
        save.put("jakarta.faces.ViewState", form.viewState());
        assertEquals(404, page.post("/student/edit.xhtml", save).status());
    }

    @Test
    void aNewStudentPostedBackIntoAnotherSchoolIsNotCreated() {
        PageSession.Answer form = page.get("/student/edit.xhtml?school=" + own);
        assertEquals(200, form.status(), form.body());
        Map<String, String> save = new LinkedHashMap<>();
        save.put("student", "student");
        save.put("student:number", "X7");
        save.put("student:fullName", "Planted Student");
        save.put("student:dob_input", "2004-03-01");
        save.put("student:enrolled_input", "2023");
        save.put("student:enrolled_hinput", "2023");
        save.put("student:graduates_input", "2027");
        save.put("student:graduates_hinput", "2027");
        save.put("student:save", "");
        save.put("school", victim);
        save.put("jakarta.faces.ViewState", form.viewState());
        page.post("/student/edit.xhtml", save);
        assertEquals(1, victimTotal());
    }

    /** A full postback of the student form that renames the student, as the Save button sends it. */
    private PageSession.Answer rename(PageSession session, String viewState, String fullName) {
        Map<String, String> save = new LinkedHashMap<>();
        save.put("student", "student");
        save.put("student:fullName", fullName);
        save.put("student:save", "");
        save.put("jakarta.faces.ViewState", viewState);
        return session.post("/student/edit.xhtml", save);
    }

    private String ownName() {
        return api.get("/students/" + own + "/O1", admin).json().getString("fullName");
    }

    @Test
    void aSaveFromARecordSomeoneElseChangedMeanwhileChangesNothing() {
        PageSession other = new PageSession(Deployments.local(deployment));
        assertTrue(other.signIn("admin", Fixtures.DEMO_PASSWORD));
        String mine = page.get("/student/edit.xhtml?ref=" + own + "/O1").viewState();
        String theirs = other.get("/student/edit.xhtml?ref=" + own + "/O1").viewState();
        rename(other, theirs, "First Writer");
        rename(page, mine, "Second Writer");
        assertEquals("First Writer", ownName());
    }

    @Test
    void aSaveFromARecordSomeoneElseChangedMeanwhileSaysSo() {
        PageSession other = new PageSession(Deployments.local(deployment));
        assertTrue(other.signIn("admin", Fixtures.DEMO_PASSWORD));
        String mine = page.get("/student/edit.xhtml?ref=" + own + "/O1").viewState();
        String theirs = other.get("/student/edit.xhtml?ref=" + own + "/O1").viewState();
        rename(other, theirs, "First Writer");
        String answer = rename(page, mine, "Second Writer").body();
        assertTrue(answer.contains("Someone else changed this student"), answer);
    }

    @Test
    void aSaveAfterOnesOwnSaveGoesThrough() {
        String mine = page.get("/student/edit.xhtml?ref=" + own + "/O1").viewState();
        rename(page, mine, "Saved Once");
        PageSession.Answer again = rename(page, mine, "Saved Twice");
        assertEquals("Saved Twice", ownName(), again.body());
    }

    @Test
    void theStudentListOfAnUnknownSchoolIsNotFoundToASchoolAdmin() {
        assertEquals(404, page.get("/student/list.xhtml?school=UNKNOWN").status());
    }

    @Test
    void theStudentListOfAnotherSchoolIsNotFound() {
        assertEquals(404, page.get("/student/list.xhtml?school=" + victim).status());
    }

    @Test
    void openingAStudentsPageIsInTheSchoolsAuditLog() {
        assertEquals(200, page.get("/student/edit.xhtml?ref=" + own + "/O1").status());
        ApiClient.Reply audit = api.get("/audit?action=VIEW&subject=student:" + own + "/O1", admin);
        assertEquals(
                List.of(attacker.username() + ": record and consent history"),
                audit.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("actor") + ": " + e.getString("detail", ""))
                        .toList());
    }

    @Test
    void aPageOfTheStudentListIsOneAuditEntryListingItsStudents() {
        assertEquals(200, page.get("/student/list.xhtml").status());
        ApiClient.Reply audit = api.get("/audit?action=VIEW&subject=student:" + own + "/O1", admin);
        assertEquals(
                List.of(attacker.username() + ": student:" + own + "/O1"),
                audit.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("actor") + ": " + e.getString("detail", ""))
                        .toList());
    }
}

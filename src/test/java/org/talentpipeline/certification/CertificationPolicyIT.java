package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.NewUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.NotSignedIn;
import org.talentpipeline.platform.Paging;

/**
 * Inside the running application, on the demo data: the services themselves refuse, whatever face
 * calls them (no resource, page or role filter stands in front of these calls). The demo cases:
 * XDU's and WHU's decided, SJTU's under review by {@code reviewer} and {@code reviewer_wang};
 * {@code reviewer_xdu} reviewed WHU's only.
 */
@ExtendWith(ArquillianExtension.class)
class CertificationPolicyIT {

    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, null);
    private static final Caller SJTU_ADMIN = new Caller("school_sjtu", Set.of(Role.SCHOOL_ADMIN), "SJTU", null);
    private static final Caller REVIEWER_XDU = new Caller("reviewer_xdu", Set.of(Role.REVIEWER), "XDU", null);

    @Deployment
    static WebArchive deployment() {
        return Deployments.withTests(CertificationPolicyIT.class);
    }

    @Inject
    CertificationService certifications;

    @Inject
    Programme programme;

    @Inject
    UserService users;

    @Inject
    HttpServletRequest request;

    /** This request's caller, as the sign-in filter would have set it. */
    private void signedInAs(Caller caller) {
        request.setAttribute(Caller.class.getName(), caller);
    }

    private long caseOf(String school) {
        signedInAs(ADMIN);
        long id = certifications.applications(null, Paging.of(0, 500)).items().stream()
                .filter(a -> a.school().equals(school))
                .findFirst()
                .orElseThrow()
                .id();
        request.removeAttribute(Caller.class.getName());
        return id;
    }

    @Test
    void withoutACallerTheCaseListAsksToSignIn() {
        assertThrows(NotSignedIn.class, () -> certifications.applications(null, Paging.of(0, 10)));
    }

    @Test
    void withoutACallerACaseAsksToSignIn() {
        long whu = caseOf("WHU");
        assertThrows(NotSignedIn.class, () -> certifications.get(whu));
    }

    @Test
    void aSchoolAdminDoesNotFindAnotherSchoolsCase() {
        long whu = caseOf("WHU");
        signedInAs(SJTU_ADMIN);
        assertThrows(NotFound.class, () -> certifications.get(whu));
    }

    @Test
    void aSchoolAdminDoesNotFindAnotherSchoolsDocument() {
        long whu = caseOf("WHU");
        signedInAs(ADMIN);
        long document = certifications.get(whu).evidence().stream()
                .flatMap(p -> p.documents().stream())
                .findFirst()
                .orElseThrow()
                .id();
        signedInAs(SJTU_ADMIN);
        assertThrows(NotFound.class, () -> certifications.download(whu, document));
    }

    @Test
    void aReviewerDoesNotFindACaseTheyAreNotAssignedTo() {
        long xdu = caseOf("XDU");
        signedInAs(REVIEWER_XDU);
        assertThrows(NotFound.class, () -> certifications.get(xdu));
    }

    @Test
    void aReviewerListsOnlyTheCasesAssignedToThem() {
        caseOf("WHU");
        signedInAs(REVIEWER_XDU);
        assertEquals(
                List.of("WHU"),
                certifications.applications(null, Paging.of(0, 500)).items().stream()
                        .map(ApplicationSummary::school)
                        .toList());
    }

    @Test
    void aReviewerMayNotScoreACaseTheyAreNotAssignedTo() {
        long sjtu = caseOf("SJTU");
        signedInAs(REVIEWER_XDU);
        assertThrows(NotFound.class, () -> certifications.review(sjtu, true, "not mine", List.of()));
    }

    @Test
    void aSchoolAdminMayNotDecide() {
        long sjtu = caseOf("SJTU");
        signedInAs(SJTU_ADMIN);
        assertThrows(Forbidden.class, () -> certifications.decide(sjtu, "CERTIFIED", null, List.of()));
    }

    @Test
    void aSchoolAdminMayNotAssignReviewers() {
        long sjtu = caseOf("SJTU");
        signedInAs(SJTU_ADMIN);
        assertThrows(Forbidden.class, () -> certifications.assign(sjtu, "reviewer_xdu"));
    }

    @Test
    void aReviewerMayNotChangeTheProgramme() {
        signedInAs(REVIEWER_XDU);
        assertThrows(
                Forbidden.class,
                () -> programme.createCriterion(
                        new Programme.CriterionInput("NEVER", "Never", null, BigDecimal.ONE, 5, false, 1, true)));
    }

    @Test
    void withoutACallerTheExpiryRunAsksToSignIn() {
        assertThrows(NotSignedIn.class, () -> certifications.expireEnded());
    }

    @Test
    void theScheduledExpiryRunsWithoutARequestCaller() {
        assertEquals(0, certifications.expireOnSchedule(), "no demo certification has ended");
    }

    @Test
    void aSchoolAdminMayNotListUsers() {
        signedInAs(SJTU_ADMIN);
        assertThrows(Forbidden.class, () -> users.list(Paging.of(0, 10)));
    }

    @Test
    void withoutACallerNoUserIsCreated() {
        assertThrows(
                NotSignedIn.class,
                () -> users.create(new NewUser("never-made", "a-long-password", Set.of(Role.ADMIN), null, null)));
    }
}

package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.NotSignedIn;

class OperationTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, null);
    private static final Caller XDU_ADMIN = new Caller("school_admin", Set.of(Role.SCHOOL_ADMIN), "XDU", null);
    private static final Caller SCHOOLLESS_ADMIN = new Caller("nobody", Set.of(Role.SCHOOL_ADMIN), null, null);
    private static final Caller RECRUITER = new Caller("recruiter", Set.of(Role.RECRUITER), null, "NCSC");
    private static final Caller REVIEWER = new Caller("reviewer", Set.of(Role.REVIEWER), null, null);

    @Test
    void anonymousCallerIsAskedToSignIn() {
        assertThrows(NotSignedIn.class, () -> Operation.STUDENT_READ.grant(null));
    }

    @Test
    void roleWithoutTheOperationIsForbidden() {
        assertThrows(Forbidden.class, () -> Operation.STUDENT_READ.grant(RECRUITER));
    }

    @Test
    void schoolAdminReachesOwnSchoolOnly() {
        Grant grant = Operation.STUDENT_WRITE.grant(XDU_ADMIN);
        assertTrue(grant.allows(Tenant.school("XDU")));
        assertFalse(grant.allows(Tenant.school("SJTU")));
        assertEquals("XDU", grant.schoolFilter());
    }

    @Test
    void anotherSchoolsRecordIsNotFound() {
        Grant grant = Operation.STUDENT_WRITE.grant(XDU_ADMIN);
        NotFound e = assertThrows(NotFound.class, () -> grant.check(Tenant.school("SJTU"), "student SJTU/1"));
        assertEquals("student SJTU/1 not found", e.getMessage());
    }

    @Test
    void schoolAdminWithoutSchoolGetsNothing() {
        assertThrows(Forbidden.class, () -> Operation.STUDENT_READ.grant(SCHOOLLESS_ADMIN));
    }

    @Test
    void adminReachesEverySchool() {
        Grant grant = Operation.STUDENT_READ.grant(ADMIN);
        assertTrue(grant.allows(Tenant.school("SJTU")));
        assertNull(grant.schoolFilter());
    }

    @Test
    void recruiterReadsReportsOfConsentingStudentsOnly() {
        Grant grant = Operation.REPORT_READ.grant(RECRUITER);
        assertTrue(grant.allows(Tenant.school("XDU").withConsent(true)));
        assertFalse(grant.allows(Tenant.school("XDU").withConsent(false)));
        assertFalse(grant.allows(Tenant.school("XDU")), "an unknown consent is no consent");
    }

    @Test
    void reviewerReadsAssignedCasesOnly() {
        Grant grant = Operation.APPLICATION_READ.grant(REVIEWER);
        assertTrue(grant.allows(Tenant.school("SJTU").withAssignees(List.of("reviewer", "reviewer_wang"))));
        assertFalse(grant.allows(Tenant.school("SJTU").withAssignees(List.of("reviewer_wang"))));
    }

    @Test
    void recruiterReachesOwnAgencysPlacementsOnly() {
        Grant grant = Operation.PLACEMENT_WRITE.grant(RECRUITER);
        assertTrue(grant.allows(Tenant.agency("NCSC")));
        assertFalse(grant.allows(Tenant.agency("CERT")));
        assertEquals("NCSC", grant.agencyFilter());
    }

    @Test
    void callerWithTwoRolesHasBothScopes() {
        Caller both = new Caller("both", Set.of(Role.SCHOOL_ADMIN, Role.REVIEWER), "XDU", null);
        Grant grant = Operation.APPLICATION_READ.grant(both);
        assertTrue(grant.allows(Tenant.school("XDU").withAssignees(List.of())));
        assertTrue(grant.allows(Tenant.school("SJTU").withAssignees(List.of("both"))));
        assertFalse(grant.allows(Tenant.school("SJTU").withAssignees(List.of("reviewer"))));
    }

    @Test
    void everyOperationGrantsSomeRole() {
        for (Operation op : Operation.values()) {
            assertFalse(op.grants().isEmpty(), op.name());
        }
    }
}

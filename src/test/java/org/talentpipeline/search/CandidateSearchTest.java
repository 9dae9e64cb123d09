package org.talentpipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Role;

/** The search's consent rule as the policy states it, beside the SQL that repeats it to page and count. */
class CandidateSearchTest {

    private static final Grant RECRUITER =
            Operation.CANDIDATE_SEARCH.grant(new Caller("recruiter", Set.of(Role.RECRUITER), null, "NCSC"));

    @Test
    void aConsentingStudentIsACandidate() {
        assertEquals(true, RECRUITER.allows(CandidateSearch.tenant("XDU", true)));
    }

    @Test
    void aStudentWhoDoesNotConsentIsNoCandidate() {
        assertEquals(false, RECRUITER.allows(CandidateSearch.tenant("XDU", false)));
    }

    @Test
    void theAuditListsEachRowsStudentWithTheirSchool() {
        CandidateRow row = new CandidateRow(
                "XDU/1", "Ann", "XDU", "Xidian", "Northwest", 2026, 1500, null, null, null, true, false);
        assertEquals(List.of(new AuditLog.Subject("student:XDU/1", "XDU")), CandidateSearch.subjects(List.of(row)));
    }

    @Test
    void theAuditNamesTheQueryByItsParameters() {
        CandidateQuery query = new CandidateQuery(
                null,
                null,
                null,
                null,
                "Northwest",
                null,
                false,
                null,
                2026,
                null,
                "PD-WRL-001",
                CandidateQuery.Sort.FIT);
        assertEquals("region=Northwest&gradTo=2026&workRole=PD-WRL-001&sort=fit", query.summary());
    }

    @Test
    void anEmptyQueryIsNamedAll() {
        assertEquals("all", CandidateQuery.empty().summary());
    }
}

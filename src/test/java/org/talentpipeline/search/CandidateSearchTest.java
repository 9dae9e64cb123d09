package org.talentpipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.PageRequest;

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
    void withinARegionTheYearsAreAskedOfTheYearIndexBeforeTheWalk() {
        CandidateQuery query = CandidateQuery.of(
                        Map.of("region", "North", "gradFrom", "2024", "gradTo", "2026", "minScore", "300"))
                .checked();
        CandidateSearch.Statement statement =
                CandidateSearch.pageStatement(query, new PageRequest(0, 25), "NCSC", false);
        assertTrue(statement
                .sql()
                .contains(" and exists (select 1 from candidate g where g.region = ? and g.consent_to_share = true"
                        + " and g.graduation_year >= ? and g.graduation_year <= ?)"));
        assertEquals(
                List.of("North", "NCSC", 300.0, 2024, 2026, "North", 2024, 2026, 0, 25, "NCSC", "NCSC"),
                statement.parameters());
    }

    @Test
    void withoutYearsNoYearIsAsked() {
        CandidateQuery query = CandidateQuery.of(Map.of("region", "North")).checked();
        assertFalse(CandidateSearch.pageStatement(query, new PageRequest(0, 25), null, false)
                .sql()
                .contains("candidate g"));
    }

    @Test
    void anEmptyQueryIsNamedAll() {
        assertEquals("all", CandidateQuery.empty().summary());
    }
}

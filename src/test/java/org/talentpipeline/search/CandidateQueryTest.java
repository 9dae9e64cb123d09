package org.talentpipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.BadInput;

class CandidateQueryTest {

    @Test
    void aQueryRoundTripsThroughItsParametersAsASavedSearchDoes() {
        CandidateQuery q = new CandidateQuery(
                "wang",
                "web",
                90.0,
                600.0,
                "North",
                "XDU",
                true,
                2026,
                2028,
                "CISSP",
                "PD-WRL-001",
                CandidateQuery.Sort.FIT);
        assertEquals(q, SavedSearches.decode(SavedSearches.encode(q)));
        assertEquals(CandidateQuery.empty(), CandidateQuery.of(Map.of()));
    }

    @Test
    void badParametersAreNamed() {
        BadInput e = assertThrows(BadInput.class, () -> new CandidateQuery(
                        null, null, 120.0, null, null, null, false, 2029, 2027, null, null, CandidateQuery.Sort.FIT)
                .checked());
        String named = e.problems().toString();
        assertTrue(
                named.contains("minCategoryPercentile")
                        && named.contains("category")
                        && named.contains("gradTo")
                        && named.contains("workRole"),
                named);
        BadInput sort = assertThrows(BadInput.class, () -> CandidateQuery.of(Map.of("sort", "alphabet")));
        assertEquals("sort", sort.problems().get(0).field());
        assertEquals(
                "minScore",
                assertThrows(BadInput.class, () -> CandidateQuery.of(Map.of("minScore", "lots")))
                        .problems()
                        .get(0)
                        .field());
    }
}

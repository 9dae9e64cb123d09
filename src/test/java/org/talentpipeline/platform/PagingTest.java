package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void turnsPageAndSizeIntoAnOffset() {
        PageRequest p = Paging.of(3, 20);
        assertEquals(60, p.offset());
        assertEquals(20, p.size());
        assertEquals(new PageRequest(2, 25), PageRequest.ofOffset(50, 25));
    }

    @Test
    void namesEachBadParameter() {
        BadInput e = assertThrows(BadInput.class, () -> Paging.of(-1, 0));
        assertEquals(
                List.of("page", "size"),
                e.problems().stream().map(ApiError.FieldProblem::field).toList());
        assertThrows(BadInput.class, () -> Paging.of(0, PageRequest.MAX_SIZE + 1));
    }

    @Test
    void mapsAPageKeepingItsTotal() {
        Page<Integer> page = new Page<>(List.of(1, 2), 10);
        assertEquals(new Page<>(List.of("1", "2"), 10), page.map(String::valueOf));
    }
}

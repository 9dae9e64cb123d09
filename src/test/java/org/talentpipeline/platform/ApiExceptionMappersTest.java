package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiExceptionMappersTest {

    static ApiError.FieldProblem problem(ApiError error) {
        assertEquals("invalid input", error.error());
        return (ApiError.FieldProblem) error.details().get(0);
    }

    @Test
    void anUnreadableValueIsNamedByItsProperty() {
        ApiError r = ApiExceptionMappers.unreadable(new RuntimeException(
                "Error deserializing object from entity stream.",
                new RuntimeException(
                        "Unable to deserialize property 'dateOfBirth' because of: Invalid date 'FEBRUARY 30'. More.")));
        assertEquals(
                new ApiError.FieldProblem("dateOfBirth", "cannot be read: Invalid date 'FEBRUARY 30'"), problem(r));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        ApiError r = ApiExceptionMappers.unreadable(new RuntimeException(
                "Error deserializing object from entity stream.",
                new IllegalArgumentException(
                        "No enum constant org.talentpipeline.platform.ApiExceptionMappersTest.Colour.MAUVE")));
        ApiError.FieldProblem p = problem(r);
        assertEquals("colour", p.field());
        assertEquals("'MAUVE' is not one of RED, GREEN", p.message());
    }

    @Test
    void bodiesThatAreNotJsonAtAllSayWhy() {
        ApiError r = ApiExceptionMappers.unreadable(new RuntimeException("Invalid token=EOF at (line no=1)"));
        ApiError error = r;
        assertTrue(error.error().startsWith("malformed request body"));
        assertEquals(List.of("Invalid token=EOF at (line no=1)"), error.details());
    }

    enum Colour {
        RED,
        GREEN
    }
}

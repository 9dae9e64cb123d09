package org.talentpipeline.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.scoring.CategorySynonyms;
import org.talentpipeline.student.StudentService;

/**
 * The values the search's pick-lists offer, so that a filter can only name what exists: regions and
 * schools, the rated skill categories, and the certifications that consenting students hold (a
 * certification nobody shares is not shown). Asked under {@link Operation#CANDIDATE_SEARCH}, each of the
 * owning areas (school, scoring, student).
 */
@ApplicationScoped
public class SearchChoices {

    /** The most certifications a pick-list offers (the filter also takes the start of a name). */
    public static final int MAX_CERTIFICATIONS = 500;

    @Inject
    SchoolService schoolService;

    @Inject
    CategorySynonyms categorySynonyms;

    @Inject
    StudentService studentService;

    @Inject
    Access access;

    public record SchoolChoice(String code, String name, String region) {}

    public record Choices(
            List<String> regions, List<SchoolChoice> schools, List<String> categories, List<String> certifications) {}

    public Choices choices() {
        access.require(Operation.CANDIDATE_SEARCH);
        List<SchoolChoice> schools = schoolService.listing().stream()
                .map(s -> new SchoolChoice(s.code(), s.name(), s.region()))
                .toList();
        List<String> regions = schools.stream()
                .map(SchoolChoice::region)
                .filter(r -> r != null && !r.isBlank())
                .distinct()
                .sorted()
                .toList();
        return new Choices(
                regions,
                schools,
                categorySynonyms.rated(1_000),
                studentService.sharedCertifications(MAX_CERTIFICATIONS));
    }
}

package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.talentpipeline.competition.CategoryName;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.scoring.engine.SkillCategories;
import org.talentpipeline.taxonomy.NiceFramework;

/**
 * The canonical skill categories' table ({@link SkillCategories}): the built-in synonyms and the
 * ADMIN's additions ({@code category_synonym}), each canonical category with its NICE work role.
 * Adding a spelling changes how past results are rated, so it queues a full recompute.
 * {@link Operation#SCORING_ADMINISTRATION} for reading and for adding.
 */
@ApplicationScoped
public class CategorySynonyms {

    /** One spelling and the canonical category it means, with that category's work role. */
    public record Synonym(String spelling, String category, String workRole, boolean builtIn) {}

    /**
     * What an ADMIN adds: a spelling, its canonical category, and optionally the category's work role.
     * The names' rule ({@link CategoryName}) and the work role's (a NICE one) are checked by {@link CategorySynonyms#add}.
     */
    public record SynonymInput(
            @NotNull(message = "is required") String spelling,
            @NotNull(message = "is required") String category,
            String workRole) {}

    @Inject
    CategorySynonymRows rows;

    @Inject
    Access access;

    @Inject
    NiceFramework nice;

    @Inject
    ScoringJobs jobs;

    @Inject
    Validator validator;

    /**
     * The table in force, without a policy check: what the ratings are kept under, for the search to
     * compare a category's name as the ratings do. Read where reads may lag, as the search is.
     */
    public SkillCategories current() {
        return rows.current();
    }

    /**
     * The categories someone is rated in, in name order, at most {@code max}: for the candidate
     * search's pick-list, whose own operation is the check.
     */
    public List<String> rated(int max) {
        return rows.rated(max);
    }

    /** The table in force, in spelling order. */
    public List<Synonym> list() {
        access.require(Operation.SCORING_ADMINISTRATION);
        SkillCategories table = rows.inForce();
        Map<String, String> builtIn = SkillCategories.DEFAULT.synonyms();
        List<Synonym> list = new ArrayList<>();
        table.synonyms()
                .forEach((spelling, category) -> list.add(new Synonym(
                        spelling, category, table.workRoles().get(category), category.equals(builtIn.get(spelling)))));
        return list;
    }

    /** Adds (or replaces) a spelling; the ratings follow at the full recompute it queues. */
    public Synonym add(SynonymInput input) {
        access.require(Operation.SCORING_ADMINISTRATION);
        BadInput.check(validator, input, "spelling", "is required");
        if (!CategoryName.valid(input.spelling())) {
            throw new BadInput("spelling", CategoryName.problem(input.spelling()));
        }
        if (!CategoryName.valid(input.category())) {
            throw new BadInput("category", CategoryName.problem(input.category()));
        }
        String role = input.workRole() == null || input.workRole().isBlank()
                ? null
                : input.workRole().strip();
        if (role != null && nice.workRole(role).isEmpty()) {
            throw new BadInput("workRole", "is not a NICE work role (such as PD-WRL-007)");
        }
        String spelling = SkillCategories.fold(input.spelling());
        String category = SkillCategories.fold(input.category());
        rows.put(spelling, category, role);
        jobs.recompute("category synonym '" + spelling + "' added");
        return new Synonym(spelling, category, role, false);
    }
}

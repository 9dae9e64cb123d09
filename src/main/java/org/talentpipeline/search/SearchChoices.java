package org.talentpipeline.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.Migrations;

/**
 * The values the search's pick-lists offer, so that a filter can only name what exists: regions and
 * schools, the rated skill categories, and the certifications that consenting students hold (a
 * certification nobody shares is not shown). Asked under {@link Operation#CANDIDATE_SEARCH}.
 */
@ApplicationScoped
public class SearchChoices {

    /** The most certifications a pick-list offers (the filter also takes the start of a name). */
    public static final int MAX_CERTIFICATIONS = 500;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Access access;

    public record SchoolChoice(String code, String name, String region) {
    }

    public record Choices(List<String> regions, List<SchoolChoice> schools, List<String> categories, List<String> certifications) {
    }

    public Choices choices() {
        access.require(Operation.CANDIDATE_SEARCH);
        try (Connection c = dataSource.getConnection()) {
            List<SchoolChoice> schools = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select code, name, region from school order by name, code");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    schools.add(new SchoolChoice(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            List<String> regions = schools.stream().map(SchoolChoice::region).filter(r -> r != null && !r.isBlank())
                    .distinct().sorted().toList();
            return new Choices(regions, schools,
                    strings(c, "select distinct category from rating where category <> '' order by category", 1_000),
                    strings(c, "select distinct ce.name from student_certification ce join student st on st.id = ce.student_id"
                            + " where st.consent_to_share = true order by ce.name", MAX_CERTIFICATIONS));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rated skill categories alone, for a form's pick-list (a position's categories). */
    public List<String> categories() {
        access.require(Operation.CANDIDATE_SEARCH);
        try (Connection c = dataSource.getConnection()) {
            return strings(c, "select distinct category from rating where category <> '' order by category", 1_000);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Connection c, String sql, int max) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(max);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}

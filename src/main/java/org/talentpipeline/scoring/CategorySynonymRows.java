package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The skill categories' table as the ratings read it ({@link #skillCategories}, the same read as the
 * update and the recompute), on the replica for the candidate search or on the primary, and
 * the categories someone is rated in; and an ADMIN's spelling written. JDBC: the search asks on
 * every query, the rated categories are a distinct over the rating table, and a spelling must be
 * committed before the recompute it queues starts.
 */
@ApplicationScoped
public class CategorySynonymRows {

    @Inject
    ReadReplica reads;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** The table in force, read where reads may lag. */
    SkillCategories current() {
        try (Connection c = reads.connect()) {
            return skillCategories(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the skill categories could not be read", e);
        }
    }

    /** The table in force, read on the primary. */
    SkillCategories inForce() {
        try (Connection c = dataSource.getConnection()) {
            return skillCategories(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical categories: the built-in table with the ADMIN's synonyms and work roles. */
    static SkillCategories skillCategories(Connection c) throws SQLException {
        Map<String, String> synonyms = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select spelling, category, work_role from category_synonym")) {
            while (rs.next()) {
                synonyms.put(rs.getString(1), rs.getString(2));
                if (rs.getString(3) != null) {
                    roles.put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return new SkillCategories(synonyms, roles);
    }

    /** The categories someone is rated in, in name order, at most {@code max}. */
    List<String> rated(int max) {
        List<String> categories = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select distinct category from rating where category <> '' order by category")) {
            s.setMaxRows(max);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    categories.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rated categories could not be read", e);
        }
        return categories;
    }

    /**
     * Adds or replaces a spelling, committed at once where there is no transaction (an ADMIN's
     * request): the full recompute queued next reads the table on another thread, at once.
     */
    void put(String spelling, String category, String workRole) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement d = c.prepareStatement("delete from category_synonym where spelling = ?")) {
                d.setString(1, spelling);
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into category_synonym (spelling, category, work_role) values (?, ?, ?)")) {
                s.setString(1, spelling);
                s.setString(2, category);
                s.setString(3, workRole);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

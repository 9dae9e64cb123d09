package org.talentpipeline.privacy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import javax.sql.DataSource;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.Migrations;

/**
 * Correction requests counted for the minors' yearly report: JDBC, as the students come as a list
 * of ids that reaches the nation's minors (a tenth of its students), passed as one array where a
 * query's IN list would outgrow the databases' limits on parameters. In the caller's transaction
 * where there is one.
 */
@ApplicationScoped
class CorrectionRows {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** How many corrections these students asked from {@code from} (inclusive) to {@code to} (exclusive). */
    long asked(Collection<Long> students, Instant from, Instant to) {
        if (students.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from correction_request"
                        + " where student_id = any(?) and created_at >= ? and created_at < ?")) {
            s.setArray(1, Jdbc.ids(c, students));
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            return Jdbc.count(s);
        } catch (SQLException e) {
            throw new IllegalStateException("the correction requests could not be counted", e);
        }
    }
}

package org.talentpipeline.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.ReadReplica;

/**
 * Placements counted for other areas' figures (a school's certification evidence), read where
 * reads may lag (the replica, if there is one).
 */
@ApplicationScoped
public class PlacementRows {

    @Inject
    ReadReplica reads;

    /**
     * How many placements of these students stand PLACED and were changed to PLACED on a day from
     * {@code from} to {@code to}, both included (days of the server's time zone, as the changes' times).
     */
    public int placed(Collection<Long> students, LocalDate from, LocalDate to) {
        if (students.isEmpty()) {
            return 0;
        }
        try (Connection c = reads.connect();
                PreparedStatement s = c.prepareStatement(
                        "select count(distinct p.id) from placement p"
                                + " join stage_change sc on sc.placement_id = p.id where p.student_id = any(?)"
                                + " and p.stage = 'PLACED' and sc.stage = 'PLACED' and sc.changed_at >= ? and sc.changed_at < ?")) {
            s.setArray(1, Jdbc.ids(c, students));
            s.setTimestamp(2, Timestamp.valueOf(from.atStartOfDay()));
            s.setTimestamp(3, Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
            return (int) Jdbc.count(s);
        } catch (SQLException e) {
            throw new IllegalStateException("the placements could not be counted", e);
        }
    }
}

package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.talentpipeline.competition.ResultsStored;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.scoring.engine.EloMmr;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingModel;
import org.talentpipeline.student.StudentService;
import org.talentpipeline.student.StudentView;

/**
 * Stores ratings and reads scouting reports. Ratings are defined as the replay of every event's
 * results in date order with the default model (Elo-MMR, chosen on simulated cohorts), each
 * entrant's uncertainty grown by the time since their last event; so a replay from scratch gives
 * the same numbers whatever order results were posted in. For now every posting replays all events.
 */
@ApplicationScoped
@Transactional
public class ScoringService {

    /** Uncertainty gained per year without an event, in rating points. */
    static final double SIGMA_GROWTH_PER_YEAR = 120;
    private static final Logger LOG = Logger.getLogger(ScoringService.class.getName());

    private static final RatingModel MODEL = new EloMmr();

    /**
     * Looked up rather than injected: Payara left an {@code @Resource} field of this bean null (the
     * same field works in the other areas' services); the cause is not found yet.
     */
    private static DataSource dataSource() {
        try {
            return javax.naming.InitialContext.doLookup(Migrations.DATA_SOURCE);
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("the application's data source is not bound", e);
        }
    }

    @Inject
    StudentService students;

    private record EventRow(long id, LocalDate day, double weight) {
    }

    /** The replay's state: ratings so far, each student's last event day, and every event's effect. */
    private static final class Replay {
        final Map<Long, Rating> ratings = new HashMap<>();
        final Map<Long, LocalDate> last = new HashMap<>();
        final Map<Long, Integer> counts = new HashMap<>();
        final List<Object[]> changes = new ArrayList<>();
        int events;

        /** Rates one event, its entrants' uncertainty first grown by the time since their last event. */
        void rate(EventRow e, List<Placing> match) {
            if (e == null || match.size() < 2) {
                return;
            }
            events++;
            Map<Long, Rating> before = new HashMap<>();
            for (Placing p : match) {
                for (Placing.Member m : p.members()) {
                    Rating r = ratings.get(m.student());
                    before.put(m.student(), r == null ? MODEL.initial()
                            : r.aged(ChronoUnit.DAYS.between(last.get(m.student()), e.day()), SIGMA_GROWTH_PER_YEAR,
                                    MODEL.initial().sigma()));
                }
            }
            Map<Long, Rating> after = MODEL.rate(match, before, e.weight());
            for (Placing p : match) {
                for (Placing.Member m : p.members()) {
                    changes.add(new Object[] {m.student(), e.id(), p.rank(), match.size(), before.get(m.student()),
                        after.get(m.student())});
                    ratings.put(m.student(), after.get(m.student()));
                    last.put(m.student(), e.day());
                    counts.merge(m.student(), 1, Integer::sum);
                }
            }
        }
    }

    /** Results were stored: the ratings follow, once that transaction has committed. */
    void onResults(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResultsStored stored) {
        recompute();
    }

    public String modelVersion() {
        return MODEL.version();
    }

    /** Replays every event's results in date order and stores the ratings and their explanations. */
    public int recompute() {
        long started = System.nanoTime();
        try (Connection c = dataSource().getConnection()) {
            Map<Long, List<Long>> members = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select team_id, student_id from team_member")) {
                while (rs.next()) {
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
            Replay replay = new Replay();
            // every result in one pass, in event date order: an event is rated when its last row has been read
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select e.id, e.start_date, e.weight,"
                    + " r.place, r.student_id, r.team_id from result r join competition_event e on e.id = r.event_id"
                    + " order by e.start_date, e.code, r.place")) {
                EventRow event = null;
                List<Placing> match = new ArrayList<>();
                while (rs.next()) {
                    if (event == null || event.id() != rs.getLong(1)) {
                        replay.rate(event, match);
                        event = new EventRow(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDouble(3));
                        match = new ArrayList<>();
                    }
                    int place = rs.getInt(4);
                    long student = rs.getLong(5);
                    if (!rs.wasNull()) {
                        match.add(Placing.individual(student, place));
                    } else {
                        List<Long> team = members.getOrDefault(rs.getLong(6), List.of());
                        if (!team.isEmpty()) {
                            match.add(new Placing(team.stream().map(m -> new Placing.Member(m, 1.0 / team.size())).toList(), place));
                        }
                    }
                }
                replay.rate(event, match);
            }
            Map<Long, Rating> ratings = replay.ratings;
            Map<Long, LocalDate> last = replay.last;
            Map<Long, Integer> counts = replay.counts;
            List<Object[]> changes = replay.changes;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from rating_change");
                s.executeUpdate("delete from rating");
            }
            try (PreparedStatement rating = c.prepareStatement("insert into rating (student_id, mu, sigma, talent_score, events,"
                    + " last_event_on, model_version) values (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement change = c.prepareStatement("insert into rating_change (student_id, event_id, place,"
                            + " field_size, mu_before, mu_after, sigma_before, sigma_after) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Long, Rating> r : ratings.entrySet()) {
                    rating.setLong(1, r.getKey());
                    rating.setDouble(2, r.getValue().mu());
                    rating.setDouble(3, r.getValue().sigma());
                    rating.setDouble(4, talentScore(r.getValue()));
                    rating.setInt(5, counts.get(r.getKey()));
                    rating.setDate(6, Date.valueOf(last.get(r.getKey())));
                    rating.setString(7, MODEL.version());
                    rating.addBatch();
                }
                rating.executeBatch();
                for (Object[] ch : changes) {
                    Rating b = (Rating) ch[4];
                    Rating a = (Rating) ch[5];
                    change.setLong(1, (Long) ch[0]);
                    change.setLong(2, (Long) ch[1]);
                    change.setInt(3, (Integer) ch[2]);
                    change.setInt(4, (Integer) ch[3]);
                    change.setDouble(5, b.mu());
                    change.setDouble(6, a.mu());
                    change.setDouble(7, b.sigma());
                    change.setDouble(8, a.sigma());
                    change.addBatch();
                }
                change.executeBatch();
            }
            LOG.info(String.format(java.util.Locale.ROOT, "ratings recomputed: %d students, %d results, %d events in %.2f s",
                    ratings.size(), changes.size(), replay.events, (System.nanoTime() - started) / 1e9));
            return ratings.size();
        } catch (SQLException e) {
            throw new IllegalStateException("the ratings could not be recomputed", e);
        }
    }

    /** The talent score: the conservative estimate mu - 3 sigma, in rating points, never below 0. */
    static double talentScore(Rating r) {
        return Math.max(0, Math.round(r.conservative()));
    }

    /** A student's scouting report, if the caller may see the student (tenancy as for their record). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoutingReport report(String ref) {
        StudentView student = students.get(ref);
        try (Connection c = dataSource().getConnection()) {
            Double mu = null;
            Double sigma = null;
            Double score = null;
            String version = MODEL.version();
            try (PreparedStatement s = c.prepareStatement("select mu, sigma, talent_score, model_version from rating where student_id = ?")) {
                s.setLong(1, student.id());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        mu = rs.getDouble(1);
                        sigma = rs.getDouble(2);
                        score = rs.getDouble(3);
                        version = rs.getString(4);
                    }
                }
            }
            ScoutingReport.Percentiles percentiles = new ScoutingReport.Percentiles(null, null, null, null);
            List<String> flags = new ArrayList<>();
            if (score != null) {
                Double national = percentile(c, score, "", null);
                percentiles = new ScoutingReport.Percentiles(national,
                        percentile(c, score, " and sc.region = (select region from school where code = ?)", student.schoolCode()),
                        percentile(c, score, " and sc.code = ?", student.schoolCode()),
                        percentile(c, score, " and st.expected_graduation_year = ?", student.expectedGraduationYear()));
                if (national != null && national >= 99) {
                    flags.add("TOP_1_PERCENT");
                }
            }
            List<ScoutingReport.EventEffect> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select e.code, e.name, rc.place, rc.field_size, rc.mu_before, rc.mu_after"
                    + " from rating_change rc join competition_event e on e.id = rc.event_id where rc.student_id = ?"
                    + " order by e.start_date, e.code")) {
                s.setLong(1, student.id());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new ScoutingReport.EventEffect(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                Math.round(rs.getDouble(5) * 10) / 10.0, Math.round(rs.getDouble(6) * 10) / 10.0));
                    }
                }
            }
            return new ScoutingReport(student.ref(), score, mu, sigma, percentiles, flags, events, version);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The share (0-100) of rated students in a group whose talent score is lower than this one. */
    private static Double percentile(Connection c, double score, String group, Object parameter) throws SQLException {
        String from = " from rating r join student st on st.id = r.student_id join school sc on sc.id = st.school_id where 1 = 1";
        try (PreparedStatement s = c.prepareStatement("select sum(case when r.talent_score < ? then 1 else 0 end), count(*)"
                + from + group)) {
            s.setDouble(1, score);
            if (parameter != null) {
                s.setObject(2, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long total = rs.getLong(2);
                return total <= 1 ? null : Math.round(1000.0 * rs.getLong(1) / (total - 1)) / 10.0;
            }
        }
    }

}

package org.talentpipeline.competition;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.ReadReplica;

/**
 * The stored results as the ratings read them, set-based: the events that have results in rating
 * order (start date, then code), and one event's entrants with their places, members and category
 * points; beside them, whether any result is stored (the ratings' start-up check) and events' names
 * (a report's explanation). Competition owns these tables; the scoring area reads them only through
 * this bean.
 *
 * <p>JDBC, not JPA: a full recompute reads ten million results in event order, a few thousand rows
 * an event, by index, on two threads ahead of the replay ({@link #reader()}).
 *
 * <p>A session bean, as the scoring write path that calls it (see {@code scoring.Ratings}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ResultRows {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ReadReplica reads;

    /** An event as the ratings need it: its day orders it, its weight scales it. */
    public record RatedEvent(long id, String code, LocalDate day, double weight) {}

    /**
     * One entrant of an event: a student alone (one member) or a team's members, in student id order,
     * and the points by category as the results name them. {@code contributions}: each member's own
     * points, in the members' order, where the results named them (a solve log's member, a CTFd
     * member score); null where they did not (for a student alone, always).
     */
    public record Entrant(
            long result, int place, List<Long> members, Map<String, Double> points, List<Double> contributions) {

        public Entrant(long result, int place, List<Long> members, Map<String, Double> points) {
            this(result, place, members, points, null);
        }
    }

    /** The event with this code, if there is one. */
    public Optional<RatedEvent> event(String code) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select id, code, start_date, weight from competition_event where code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(event(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the event " + code + " could not be read", e);
        }
    }

    /**
     * How many of these students have a result, alone or as a team's member, in an event that started
     * on a day from {@code from} to {@code to} (both included): for a school's certification evidence,
     * read where reads may lag (the replica, if there is one).
     */
    public int entered(Collection<Long> students, LocalDate from, LocalDate to) {
        if (students.isEmpty()) {
            return 0;
        }
        try (Connection c = reads.connect();
                PreparedStatement s = c.prepareStatement("select count(*) from (select r.student_id from result r"
                        + " join competition_event e on e.id = r.event_id where r.student_id = any(?)"
                        + " and e.start_date between ? and ? union select tm.student_id from team_member tm"
                        + " join competition_event e on e.id = tm.event_id where tm.student_id = any(?)"
                        + " and e.start_date between ? and ?) entered")) {
            Array ids = Jdbc.ids(c, students);
            s.setArray(1, ids);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(to));
            s.setArray(4, ids);
            s.setDate(5, Date.valueOf(from));
            s.setDate(6, Date.valueOf(to));
            return (int) Jdbc.count(s);
        } catch (SQLException e) {
            throw new IllegalStateException("the students with results could not be counted", e);
        }
    }

    /** An event as a report names it. */
    public record EventName(String code, String name) {}

    /** The codes and names of these events, by id; ids that name no event are left out. */
    public Map<Long, EventName> names(Collection<Long> ids) {
        Map<Long, EventName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select id, code, name from competition_event where id in " + idList(List.copyOf(ids)))) {
            while (rs.next()) {
                names.put(rs.getLong(1), new EventName(rs.getString(2), rs.getString(3)));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("the events could not be read", e);
        }
    }

    /** Every event with at least one result, in rating order: start date, then code. */
    public List<RatedEvent> eventsWithResults() {
        List<RatedEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, code, start_date, weight from competition_event e"
                        + " where exists (select 1 from result r where r.event_id = e.id) order by start_date, code")) {
            while (rs.next()) {
                events.add(event(rs));
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("the events could not be read", e);
        }
    }

    /** Whether any result is stored, of any event. */
    public boolean anyStored() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select exists (select 1 from result)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the results could not be read", e);
        }
    }

    /**
     * How many placings the stored results hold, at most: a result of a student alone is one, a
     * team's result one per member. What a replay of every event logs, so that it can make room once.
     */
    public long placings() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select count(*) from result where student_id is not null)"
                        + " + (select count(*) from team_member)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the results could not be counted", e);
        }
    }

    /**
     * Whether any of these events comes after {@code event} in rating order (a later day, or the same
     * day and a later code).
     */
    public boolean anyAfter(List<Long> ids, RatedEvent event) {
        if (ids.isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*)"
                        + " from competition_event e where e.id in " + idList(ids)
                        + " and (e.start_date > ? or (e.start_date = ? and e.code > ?))")) {
            s.setDate(1, Date.valueOf(event.day()));
            s.setDate(2, Date.valueOf(event.day()));
            s.setString(3, event.code());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the events could not be read", e);
        }
    }

    /** One event's entrants, on the caller's transaction. */
    public List<Entrant> entrants(RatedEvent event) {
        try (Connection c = dataSource.getConnection()) {
            return entrants(c, event);
        } catch (SQLException e) {
            throw new IllegalStateException("the results of " + event.code() + " could not be read", e);
        }
    }

    /**
     * A reader of many events' entrants on one connection of its own, outside any transaction: a
     * recompute's read-ahead thread holds one for all its events. The connection is taken on the
     * first read, on the reader's thread, not inside this bean's call: a connection the container
     * handed out inside a call and kept after it is checked again on every statement.
     */
    public Reader reader() {
        return new Reader(dataSource);
    }

    /** Reads events' entrants on its connection; closing it gives the connection back. */
    public static final class Reader implements AutoCloseable {
        private final DataSource dataSource;
        private Connection connection;
        private boolean postgres;

        Reader(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        public List<Entrant> entrants(RatedEvent event) throws SQLException {
            if (connection == null) {
                connection = dataSource.getConnection();
                postgres = connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
                serial(true);
            }
            return ResultRows.entrants(connection, event);
        }

        /**
         * On PostgreSQL, one event's reads planned without parallel workers: starting them costs more
         * (about 20 ms) than reading a few thousand rows by index (about 2 ms).
         */
        private void serial(boolean on) throws SQLException {
            if (postgres) {
                try (Statement s = connection.createStatement()) {
                    s.execute(on ? "set max_parallel_workers_per_gather = 0" : "reset max_parallel_workers_per_gather");
                }
            }
        }

        @Override
        public void close() throws SQLException {
            if (connection == null) {
                return;
            }
            try {
                serial(false);
            } finally {
                connection.close();
            }
        }
    }

    private static RatedEvent event(ResultSet rs) throws SQLException {
        return new RatedEvent(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDouble(4));
    }

    /**
     * One event's entrants: places, team members and category points, in place order. The points are
     * read by the results' ids, not by a join on the event: a join lets PostgreSQL's planner read the
     * whole points table into a hash once an event holds a few tenths of a percent of the results (800
     * ms an event of 6,130 results among 1.7 million, against 9 ms by the key index).
     */
    private static List<Entrant> entrants(Connection c, RatedEvent event) throws SQLException {
        List<Placed> placed = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("select r.id, r.place, r.student_id, tm.student_id, tm.points from result r"
                        // the members by the event as well: PostgreSQL then reads that event's members by index
                        // instead of scanning every team member of every event into a hash (31 ms against 9 ms for
                        // 12,870 results)
                        + " left join team_member tm on tm.team_id = r.team_id and tm.event_id = ? where r.event_id = ?"
                        + " order by r.place, r.id, tm.student_id")) {
            s.setLong(1, event.id());
            s.setLong(2, event.id());
            try (ResultSet rs = s.executeQuery()) {
                Placed current = null;
                while (rs.next()) {
                    if (current == null || rs.getLong(1) != current.result) {
                        current = new Placed(rs.getLong(1), rs.getInt(2));
                        placed.add(current);
                    }
                    long student = rs.getLong(3);
                    if (rs.wasNull()) {
                        student = rs.getLong(4);
                        if (rs.wasNull()) {
                            continue;
                        }
                    }
                    current.members.add(student);
                    double own = rs.getDouble(5);
                    current.contributions.add(rs.wasNull() ? null : own);
                    current.named |= !rs.wasNull();
                }
            }
        }
        // a result whose team has no members rates no one
        placed.removeIf(p -> p.members.isEmpty());
        Map<Long, Map<String, Double>> points = points(c, placed);
        List<Entrant> entrants = new ArrayList<>(placed.size());
        for (Placed p : placed) {
            entrants.add(new Entrant(
                    p.result,
                    p.place,
                    p.members,
                    points.getOrDefault(p.result, Map.of()),
                    p.named ? p.contributions : null));
        }
        return entrants;
    }

    /** A result as it is read, before its points: its members in student id order and their own points. */
    private static final class Placed {
        final long result;
        final int place;
        final List<Long> members = new ArrayList<>(3);
        final List<Double> contributions = new ArrayList<>(3);
        boolean named;

        Placed(long result, int place) {
            this.result = result;
            this.place = place;
        }
    }

    /**
     * The category points of these results, by result id. An event's results are stored together, so
     * their ids are (nearly) one range: read as a range of the key, one short statement, not as a list
     * of thousands of ids, which PostgreSQL takes longer to parse and plan than to read (39 s against 8
     * s for 516 events of 100,000 students). Ids spread wider than twice their number are listed.
     */
    private static Map<Long, Map<String, Double>> points(Connection c, List<Placed> results) throws SQLException {
        Map<Long, Map<String, Double>> points = new HashMap<>();
        if (results.isEmpty()) {
            return points;
        }
        long[] ids = results.stream().mapToLong(p -> p.result).sorted().toArray();
        long first = ids[0];
        long last = ids[ids.length - 1];
        String which = last - first < 2L * ids.length
                ? "result_id between " + first + " and " + last
                : "result_id in " + idList(Arrays.stream(ids).boxed().toList());
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select result_id, category, points from result_category where " + which)) {
            while (rs.next()) {
                long result = rs.getLong(1);
                // a range may hold another event's results
                if (Arrays.binarySearch(ids, result) >= 0) {
                    points.computeIfAbsent(result, k -> new HashMap<>(4))
                            .put(rs.getString(2).intern(), rs.getDouble(3));
                }
            }
        }
        return points;
    }

    /** Ids as an SQL list, "(1,2,3)": numbers we format, never text. */
    private static String idList(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }
}

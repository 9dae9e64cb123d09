package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.IdBlocks;
import org.talentpipeline.platform.Migrations;

/**
 * Recompute jobs and the scoring lease, each change committed at once (its own transaction) so
 * that every node sees it: the lease is what keeps rating writes to one node at a time, and a
 * job's progress must be visible while the job's own long transaction is still open. Queueing locks
 * the lease row for its short transaction, so that a recompute asked of two nodes at once is one job.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScoringJobStore {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** How long a lease lasts unless renewed; a job renews it with every progress step. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final String COLUMNS =
            "id, state, percent, reason, requested_by, requested_at, started_at, finished_at, message,"
                    + " requester_roles, requester_school, requester_agency";

    /** Takes the lease if nobody holds it (or the holder's has run out). */
    public boolean acquire(String holder) {
        Instant now = Instant.now();
        return update(
                        "update scoring_lease set holder = ?, until = ? where id = 1 and (holder is null or until < ?)",
                        holder,
                        Timestamp.from(now.plus(LEASE)),
                        Timestamp.from(now))
                == 1;
    }

    public void release(String holder) {
        update("update scoring_lease set holder = null, until = null where id = 1 and holder = ?", holder);
    }

    /**
     * A new queued job, or the one already waiting (it will read every result when it starts), or, with
     * {@code joinRunning}, the one running: a recompute asked while one runs is that one (results
     * stored since it started are rated by their own update, which never joins a running job).
     * {@code onBehalfOf} is the caller the job acts for, null for system work.
     */
    public ScoringJob queue(String reason, String requestedBy, Caller onBehalfOf, boolean joinRunning) {
        try (Connection c = dataSource.getConnection()) {
            // the lease row locked until this transaction ends: two nodes asked at the same moment queue one after the
            // other, and the second finds the first one's job waiting (the look and the insert are not atomic
            // otherwise)
            try (PreparedStatement lock = c.prepareStatement("select id from scoring_lease where id = 1 for update");
                    ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            Optional<ScoringJob> waiting = find(
                            joinRunning
                                    ? "where state in ('QUEUED', 'RUNNING') order by id"
                                    : "where state = 'QUEUED' order by id",
                            null)
                    .stream()
                    .findFirst();
            if (waiting.isPresent()) {
                return waiting.get();
            }
            long id = new IdBlocks(c, "scoring_job_seq").next();
            try (PreparedStatement s = c.prepareStatement("insert into scoring_job (" + COLUMNS
                    + ") values (?, 'QUEUED', 0, ?, ?, ?, null, null, null, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, reason.length() > 300 ? reason.substring(0, 300) : reason);
                s.setString(3, requestedBy);
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                s.setString(
                        5,
                        onBehalfOf == null
                                ? null
                                : onBehalfOf.roles().stream()
                                        .map(Role::name)
                                        .sorted()
                                        .collect(Collectors.joining(",")));
                s.setString(6, onBehalfOf == null ? null : onBehalfOf.schoolCode());
                s.setString(7, onBehalfOf == null ? null : onBehalfOf.agencyCode());
                s.executeUpdate();
            }
            return get(id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks the oldest queued job RUNNING and returns it, if there is one. */
    public Optional<ScoringJob> claimNext() {
        for (ScoringJob job : find("where state = 'QUEUED' order by id", null)) {
            if (update(
                            "update scoring_job set state = 'RUNNING', started_at = ? where id = ? and state = 'QUEUED'",
                            Timestamp.from(Instant.now()),
                            job.id())
                    == 1) {
                return get(job.id());
            }
        }
        return Optional.empty();
    }

    /** Records a running job's progress and renews the lease of the node running it. */
    public void progress(long job, int percent, String holder) {
        update("update scoring_job set percent = ? where id = ? and percent < ?", percent, job, percent);
        update(
                "update scoring_lease set until = ? where id = 1 and holder = ?",
                Timestamp.from(Instant.now().plus(LEASE)),
                holder);
    }

    public void finish(long job, boolean done, String message) {
        update(
                "update scoring_job set state = ?, percent = ?, finished_at = ?, message = ? where id = ?",
                done ? "DONE" : "FAILED",
                done ? 100 : 0,
                Timestamp.from(Instant.now()),
                message.length() > 1000 ? message.substring(0, 1000) : message,
                job);
    }

    /**
     * Jobs left RUNNING by a node that stopped (its lease ran out) go back to the queue: a recompute
     * replaces every rating, so running it again from the start is safe.
     */
    public int handBackAbandoned() {
        Instant now = Instant.now();
        return update(
                "update scoring_job set state = 'QUEUED', percent = 0, started_at = null,"
                        + " message = 'handed back: the node running it stopped'"
                        + " where state = 'RUNNING' and exists (select 1 from scoring_lease where id = 1 and (holder is null or until < ?))",
                Timestamp.from(now));
    }

    /** A job this node stops running (the server is stopping) goes back to the queue, and the lease is freed. */
    public void handBack(long job, String holder) {
        update(
                "update scoring_job set state = 'QUEUED', percent = 0, started_at = null,"
                        + " message = 'handed back: the server running it was stopped' where id = ? and state = 'RUNNING'",
                job);
        release(holder);
    }

    /** How many jobs are in each state that is not finished: QUEUED and RUNNING (for /metrics). */
    public Map<String, Long> unfinished() {
        Map<String, Long> counts = new TreeMap<>(Map.of("QUEUED", 0L, "RUNNING", 0L));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select state, count(*) from scoring_job where state in ('QUEUED', 'RUNNING') group by state");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    public boolean hasQueued() {
        return !find("where state = 'QUEUED'", null).isEmpty();
    }

    public Optional<ScoringJob> get(long id) {
        return find("where id = ?", id).stream().findFirst();
    }

    /** The latest jobs, newest first. */
    public List<ScoringJob> latest(int count) {
        List<ScoringJob> jobs = find("order by id desc", null);
        return jobs.subList(0, Math.min(count, jobs.size()));
    }

    private List<ScoringJob> find(String where, Object parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from scoring_job " + where)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            s.setMaxRows(50);
            List<ScoringJob> jobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new ScoringJob(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7)),
                            instant(rs.getTimestamp(8)),
                            rs.getString(9),
                            caller(rs.getString(5), rs.getString(10), rs.getString(11), rs.getString(12))));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller a job acts for, as it was when they asked; null for system work. */
    private static Caller caller(String username, String roles, String school, String agency) {
        if (roles == null) {
            return null;
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String role : roles.split(",")) {
            try {
                parsed.add(Role.valueOf(role.trim()));
            } catch (IllegalArgumentException e) {
                // a role that no longer exists grants nothing
            }
        }
        return new Caller(username, parsed, school, agency);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

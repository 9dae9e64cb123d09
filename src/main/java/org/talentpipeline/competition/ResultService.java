package org.talentpipeline.competition;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.IdBlocks;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.student.StudentRef;
import org.talentpipeline.student.StudentRefRows;

/**
 * An event's results: read from any of the formats, every competitor matched to a student (by ref)
 * or a team (registered for the event, or defined by the members the file lists), and stored all at
 * once, replacing the event's earlier results. Nothing is stored unless every competitor matches
 * and the file has no problem. Posting asks the policy for {@link Operation#RESULTS_WRITE}, reading
 * a scoreboard for {@link Operation#RESULTS_READ}; a scoreboard names students, so every page of it
 * read is audited, listing them.
 */
@ApplicationScoped
@Transactional
public class ResultService {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ResultService.class.getName());

    @Inject
    StudentRefRows studentRefs;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    EventService events;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.enterprise.event.Event<ResultsStored> stored;

    @Inject
    jakarta.enterprise.event.Event<SolvesStored> solvesStored;

    @Inject
    Access access;

    /**
     * An erased student's results stay as an anonymous competitor (STUDENT_ERASE): their rows keep
     * their places and points, so that the ratings of everyone they met do not move; the ref the rows
     * were posted under is replaced by the tombstone's.
     */
    public int anonymiseCompetitor(Caller caller, long studentId, String tombstoneRef) {
        Operation.STUDENT_ERASE.grant(caller);
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s =
                        c.prepareStatement("update result set competitor = ? where student_id = ?")) {
            s.setString(1, tombstoneRef);
            s.setLong(2, studentId);
            return s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the results were not anonymised", e);
        }
    }

    public ResultPost post(String eventCode, ResultFormats.Kind kind, boolean csv, InputStream body)
            throws IOException {
        return post(access.require(Operation.RESULTS_WRITE).caller(), eventCode, kind, csv, body);
    }

    /** Posts results for a caller who is not making a request (the demo data's); the same check. */
    public ResultPost post(Caller caller, String eventCode, ResultFormats.Kind kind, boolean csv, InputStream body)
            throws IOException {
        Operation.RESULTS_WRITE.grant(caller);
        Event event = events.find(eventCode);
        long started = System.nanoTime();
        ResultFormats.Parsed parsed = ResultFormats.read(kind, csv, body);
        if (!parsed.problems().isEmpty()) {
            return new ResultPost(0, parsed.problems(), List.of());
        }
        long read = System.nanoTime();
        ResultPost post =
                store(caller, event, parsed.standings(), kind.name().toLowerCase(Locale.ROOT), parsed.evidence());
        LOG.info(() -> String.format(
                Locale.ROOT,
                "results of %s: %d standings read in %.2f s, matched and stored in %.2f s",
                event.getCode(),
                parsed.standings().size(),
                (read - started) / 1e9,
                (System.nanoTime() - read) / 1e9));
        return post;
    }

    /**
     * Stores an event's standings in place of its earlier results, once every competitor matches;
     * also used for the rankings that judging publishes, on behalf of the caller who publishes them.
     */
    public ResultPost store(Caller caller, Event event, List<Standing> standings, String source) {
        return store(caller, event, standings, source, ResultFormats.Evidence.NONE);
    }

    /**
     * Stores standings as above; when they came with solve evidence, or the event has a team rule,
     * fires {@link SolvesStored} in the same transaction with the evidence and every competitor's
     * members, for the areas that keep it.
     */
    public ResultPost store(
            Caller caller, Event event, List<Standing> standings, String source, ResultFormats.Evidence evidence) {
        Operation.RESULTS_WRITE.grant(caller);
        Map<String, List<SolvesStored.Member>> members = Map.of();
        try (Connection c = dataSource.getConnection()) {
            Matching matching = match(c, event, standings);
            if (!matching.problems.isEmpty() || !matching.unmatched.isEmpty()) {
                return new ResultPost(0, matching.problems, List.copyOf(matching.unmatched));
            }
            store(c, event, standings, matching);
            try (PreparedStatement stamp = c.prepareStatement(
                    "update competition_event set results_stored_at = ?, results_stored_by = ? where id = ?")) {
                stamp.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now()));
                stamp.setString(2, caller.username());
                stamp.setLong(3, event.getId());
                stamp.executeUpdate();
            }
            if (keepsEvidence(event, evidence)) {
                members = members(c, event);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the results could not be stored", e);
        }
        audit.record(
                AuditAction.IMPORT, "event:" + event.getCode(), null, standings.size() + " results (" + source + ")");
        if (keepsEvidence(event, evidence)) {
            solvesStored.fire(new SolvesStored(
                    event.getCode(),
                    caller.username(),
                    event.getTeamRule(),
                    evidence.solves(),
                    evidence.submissions(),
                    evidence.flags(),
                    members));
        }
        stored.fire(new ResultsStored(event.getCode(), caller.username()));
        return new ResultPost(standings.size(), List.of(), List.of());
    }

    /** Results that came with solves, or of an event whose team rule the teams must keep. */
    private static boolean keepsEvidence(Event event, ResultFormats.Evidence evidence) {
        return !evidence.isEmpty() || event.getTeamRule() != TeamRule.OPEN;
    }

    /** Every competitor of the event as stored: a student's entry is the student, a team its members. */
    private static Map<String, List<SolvesStored.Member>> members(Connection c, Event event) throws SQLException {
        Map<String, List<SolvesStored.Member>> members = new HashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("select r.competitor, sc.code, st.student_number, st.id from result r"
                        + " join team_member tm on tm.team_id = r.team_id join student st on st.id = tm.student_id"
                        + " join school sc on sc.id = st.school_id where r.event_id = ?")) {
            s.setLong(1, event.getId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SolvesStored.Member(rs.getString(2) + "/" + rs.getString(3), rs.getLong(4)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "select r.competitor, sc.code, st.student_number, st.id from result r"
                        + " join student st on st.id = r.student_id join school sc on sc.id = st.school_id where r.event_id = ?")) {
            s.setLong(1, event.getId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.put(
                            rs.getString(1),
                            List.of(new SolvesStored.Member(rs.getString(2) + "/" + rs.getString(3), rs.getLong(4))));
                }
            }
        }
        return members;
    }

    /**
     * One page of an event's scoreboard. It names students, so the read is audited: one entry
     * listing the students the page showed, which their schools (and they) find.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScoreLine> scoreboard(String eventCode, PageRequest page) {
        access.require(Operation.RESULTS_READ);
        Event event = events.find(eventCode);
        List<AuditLog.Subject> shown = new ArrayList<>();
        Page<ScoreLine> board = scoreboard(event, page, shown);
        audit.recordRead(AuditAction.VIEW, "event:" + event.getCode(), shown);
        return board;
    }

    private Page<ScoreLine> scoreboard(Event event, PageRequest page, List<AuditLog.Subject> shown) {
        try (Connection c = dataSource.getConnection()) {
            List<ScoreLine> lines = new ArrayList<>();
            Map<Long, Map<String, Double>> categories = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select r.id, r.place, r.competitor, r.points, sc.code,"
                    + " st.student_number from result r left join student st on st.id = r.student_id"
                    + " left join school sc on sc.id = st.school_id where r.event_id = ?"
                    + " order by r.place, r.points desc, r.id offset ? rows fetch next ? rows only")) {
                s.setLong(1, event.getId());
                s.setInt(2, page.offset());
                s.setInt(3, page.size());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        Map<String, Double> cats = new TreeMap<>();
                        categories.put(rs.getLong(1), cats);
                        lines.add(new ScoreLine(rs.getInt(2), rs.getString(3), rs.getDouble(4), cats));
                        if (rs.getString(5) != null) {
                            shown.add(new AuditLog.Subject(
                                    "student:" + StudentRef.format(rs.getString(5), rs.getString(6)), rs.getString(5)));
                        }
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(
                        "select rc.result_id, rc.category, rc.points from result_category rc"
                                + " join result r on r.id = rc.result_id where r.event_id = ? and r.place between ? and ?")) {
                    s.setLong(1, event.getId());
                    s.setInt(2, lines.get(0).place());
                    s.setInt(3, lines.get(lines.size() - 1).place());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Map<String, Double> cats = categories.get(rs.getLong(1));
                            if (cats != null) {
                                cats.put(rs.getString(2), rs.getDouble(3));
                            }
                        }
                    }
                }
            }
            long total;
            try (PreparedStatement s = c.prepareStatement("select count(*) from result where event_id = ?")) {
                s.setLong(1, event.getId());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new Page<>(lines, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A team of an event with its members' refs. */
    public record TeamView(String name, List<String> members) {}

    /** Registers a team for an event; a student is in at most one team per event. */
    public TeamView registerTeam(String eventCode, String name, List<String> members) {
        access.require(Operation.RESULTS_WRITE);
        Event event = events.find(eventCode);
        if (name == null || name.isBlank() || isRef(name.trim())) {
            throw new org.talentpipeline.platform.BadInput("name", "is required, and may not look like a student ref");
        }
        if (members == null || members.isEmpty()) {
            throw new org.talentpipeline.platform.BadInput(
                    "members", "at least one member (a student ref) is required");
        }
        Standing team = new Standing(1, name.trim(), 0, List.copyOf(members), Map.of(), null, 1);
        try (Connection c = dataSource.getConnection()) {
            Matching m = match(c, event, List.of(team));
            if (m.teams.containsKey(team.competitor())) {
                throw new org.talentpipeline.platform.Conflict(
                        "the event has a team called " + team.competitor() + " already");
            }
            List<org.talentpipeline.platform.ApiError.FieldProblem> problems = new ArrayList<>();
            m.problems.forEach(
                    p -> problems.add(new org.talentpipeline.platform.ApiError.FieldProblem("members", p.message())));
            m.unmatched.forEach(u ->
                    problems.add(new org.talentpipeline.platform.ApiError.FieldProblem("members", "no student " + u)));
            if (!problems.isEmpty()) {
                throw new org.talentpipeline.platform.BadInput(problems);
            }
            long id = new IdBlocks(c, "team_seq").next();
            try (PreparedStatement insert =
                            c.prepareStatement("insert into team (id, event_id, name) values (?, ?, ?)");
                    PreparedStatement member = c.prepareStatement(
                            "insert into team_member (team_id, event_id, student_id) values (?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, event.getId());
                insert.setString(3, team.competitor());
                insert.executeUpdate();
                for (String ref : team.members()) {
                    member.setLong(1, id);
                    member.setLong(2, event.getId());
                    member.setLong(3, m.students.get(ref));
                    member.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        audit.record(AuditAction.CREATE, "event:" + event.getCode(), null, "team " + team.competitor());
        return new TeamView(team.competitor(), team.members());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeamView> teams(String eventCode) {
        access.require(Operation.RESULTS_READ);
        Event event = events.find(eventCode);
        Map<String, List<String>> teams = new LinkedHashMap<>();
        List<AuditLog.Subject> shown = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select t.name, sc.code, st.student_number from team t"
                                + " left join team_member tm on tm.team_id = t.id left join student st on st.id = tm.student_id"
                                + " left join school sc on sc.id = st.school_id where t.event_id = ? order by t.name, sc.code, st.student_number")) {
            s.setLong(1, event.getId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> members = teams.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (rs.getString(2) != null) {
                        String member = StudentRef.format(rs.getString(2), rs.getString(3));
                        members.add(member);
                        shown.add(new AuditLog.Subject("student:" + member, rs.getString(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        audit.recordRead(AuditAction.VIEW, "event:" + event.getCode(), shown);
        return teams.entrySet().stream()
                .map(e -> new TeamView(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** Who each standing is: a student's id, or a team (existing or to define) with its members' ids. */
    private static final class Matching {
        final Map<String, Long> students = new HashMap<>();
        final Map<String, Long> teams = new HashMap<>();
        final Map<Long, Long> teamOfStudent = new HashMap<>();
        final List<ResultProblem> problems = new ArrayList<>();
        final Set<String> unmatched = new LinkedHashSet<>();
    }

    static boolean isRef(String competitor) {
        return StudentRef.isRef(competitor);
    }

    private Matching match(Connection c, Event event, List<Standing> standings) throws SQLException {
        Matching m = new Matching();
        Set<String> refs = new LinkedHashSet<>();
        for (Standing s : standings) {
            if (isRef(s.competitor())) {
                refs.add(s.competitor());
            }
            refs.addAll(s.members());
            refs.addAll(s.memberPoints().keySet());
        }
        m.students.putAll(studentRefs.ids(refs));
        try (PreparedStatement s = c.prepareStatement("select t.id, t.name, tm.student_id from team t"
                + " left join team_member tm on tm.team_id = t.id where t.event_id = ?")) {
            s.setLong(1, event.getId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    m.teams.put(rs.getString(2), rs.getLong(1));
                    long student = rs.getLong(3);
                    if (!rs.wasNull()) {
                        m.teamOfStudent.put(student, rs.getLong(1));
                    }
                }
            }
        }
        Map<Long, Integer> seenOnRow = new HashMap<>();
        Map<String, Integer> teamOnRow = new HashMap<>();
        for (Standing s : standings) {
            List<String> people = new ArrayList<>();
            if (isRef(s.competitor())) {
                if (!s.members().isEmpty()) {
                    m.problems.add(new ResultProblem(s.row(), "members", s.competitor() + " is a student, not a team"));
                }
                people.add(s.competitor());
            } else {
                Integer earlier = teamOnRow.putIfAbsent(s.competitor(), s.row());
                if (earlier != null) {
                    m.problems.add(
                            new ResultProblem(s.row(), "competitor", s.competitor() + " is already on row " + earlier));
                }
                if (s.members().isEmpty() && !m.teams.containsKey(s.competitor())) {
                    m.unmatched.add(s.competitor());
                }
                people.addAll(s.members());
            }
            Long team = isRef(s.competitor()) ? null : m.teams.get(s.competitor());
            for (String ref : people) {
                Long id = m.students.get(ref);
                if (id == null) {
                    m.unmatched.add(ref);
                    continue;
                }
                Integer earlier = seenOnRow.putIfAbsent(id, s.row());
                if (earlier != null) {
                    m.problems.add(new ResultProblem(s.row(), "competitor", ref + " is already on row " + earlier));
                }
                Long registered = m.teamOfStudent.get(id);
                if (!isRef(s.competitor()) && registered != null && !registered.equals(team)) {
                    m.problems.add(new ResultProblem(s.row(), "members", ref + " is in another team of this event"));
                }
            }
            for (String ref : s.memberPoints().keySet()) {
                Long id = m.students.get(ref);
                if (isRef(s.competitor())
                        ? !ref.equals(s.competitor())
                        : s.members().isEmpty()
                                ? id != null && team != null && !team.equals(m.teamOfStudent.get(id))
                                : !s.members().contains(ref)) {
                    m.problems.add(new ResultProblem(s.row(), "member", ref + " is not a member of " + s.competitor()));
                } else if (id == null && !isRef(s.competitor()) && s.members().isEmpty()) {
                    m.unmatched.add(ref);
                }
            }
            if (isRef(s.competitor())
                    && m.students.containsKey(s.competitor())
                    && m.teamOfStudent.containsKey(m.students.get(s.competitor()))) {
                m.problems.add(
                        new ResultProblem(s.row(), "competitor", s.competitor() + " is in a team of this event"));
            }
        }
        return m;
    }

    private static void store(Connection c, Event event, List<Standing> standings, Matching m) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from result where event_id = ?")) {
            delete.setLong(1, event.getId());
            delete.executeUpdate();
        }
        IdBlocks teamIds = new IdBlocks(c, "team_seq");
        IdBlocks resultIds = new IdBlocks(c, "result_seq");
        try (PreparedStatement newTeam = c.prepareStatement("insert into team (id, event_id, name) values (?, ?, ?)");
                PreparedStatement clearMembers = c.prepareStatement("delete from team_member where team_id = ?");
                PreparedStatement member = c.prepareStatement(
                        "insert into team_member (team_id, event_id, student_id, points) values (?, ?, ?, ?)");
                PreparedStatement clearPoints =
                        c.prepareStatement("update team_member set points = null where team_id = ?");
                PreparedStatement memberPoints =
                        c.prepareStatement("update team_member set points = ? where team_id = ? and student_id = ?");
                PreparedStatement result =
                        c.prepareStatement("insert into result (id, event_id, place, competitor, points,"
                                + " student_id, team_id, reached_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement category = c.prepareStatement(
                        "insert into result_category (result_id, category, points) values (?, ?, ?)")) {
            for (Standing s : standings) {
                if (!isRef(s.competitor()) && s.members().isEmpty() && m.teams.containsKey(s.competitor())) {
                    // a registered team: its members stay; their own points are those of these results, or none
                    long registered = m.teams.get(s.competitor());
                    clearPoints.setLong(1, registered);
                    clearPoints.executeUpdate();
                    for (Map.Entry<String, Double> own : s.memberPoints().entrySet()) {
                        memberPoints.setDouble(1, own.getValue());
                        memberPoints.setLong(2, registered);
                        memberPoints.setLong(3, m.students.get(own.getKey()));
                        memberPoints.addBatch();
                    }
                    memberPoints.executeBatch();
                }
                if (isRef(s.competitor()) || s.members().isEmpty()) {
                    continue;
                }
                Long team = m.teams.get(s.competitor());
                if (team == null) {
                    team = teamIds.next();
                    newTeam.setLong(1, team);
                    newTeam.setLong(2, event.getId());
                    newTeam.setString(3, s.competitor());
                    newTeam.executeUpdate();
                    m.teams.put(s.competitor(), team);
                } else {
                    clearMembers.setLong(1, team);
                    clearMembers.executeUpdate();
                }
                for (String ref : s.members()) {
                    member.setLong(1, team);
                    member.setLong(2, event.getId());
                    member.setLong(3, m.students.get(ref));
                    Double own = s.memberPoints().get(ref);
                    if (own == null) {
                        member.setNull(4, Types.DOUBLE);
                    } else {
                        member.setDouble(4, own);
                    }
                    member.addBatch();
                }
            }
            member.executeBatch();
            int pending = 0;
            for (Standing s : standings) {
                long id = resultIds.next();
                result.setLong(1, id);
                result.setLong(2, event.getId());
                result.setInt(3, s.place());
                result.setString(4, s.competitor());
                result.setDouble(5, s.points());
                if (isRef(s.competitor())) {
                    result.setLong(6, m.students.get(s.competitor()));
                    result.setNull(7, Types.BIGINT);
                } else {
                    result.setNull(6, Types.BIGINT);
                    result.setLong(7, m.teams.get(s.competitor()));
                }
                if (s.reachedAt() == null) {
                    result.setNull(8, Types.TIMESTAMP);
                } else {
                    result.setTimestamp(8, Timestamp.from(s.reachedAt()));
                }
                result.addBatch();
                for (Map.Entry<String, Double> e : s.categories().entrySet()) {
                    category.setLong(1, id);
                    category.setString(2, e.getKey());
                    category.setDouble(3, e.getValue());
                    category.addBatch();
                }
                if (++pending % 1000 == 0) {
                    result.executeBatch();
                    category.executeBatch();
                }
            }
            result.executeBatch();
            category.executeBatch();
        }
    }
}

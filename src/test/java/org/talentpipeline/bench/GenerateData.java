package org.talentpipeline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.student.AgeRules;
import org.talentpipeline.student.PersonNames;
import org.talentpipeline.student.Student;

/**
 * Writes a synthetic national data set, reproducibly from a seed: schools in seven regions, their
 * programmes, students with plausible ages, years and consent, and competition events with fields
 * from 20 to 2,000 entrants (individual rankings with category points, and team events of three)
 * ranked by a hidden skill plus noise, stronger students entering more often. Into a database
 * (migrated first; H2 file or PostgreSQL), or as a students CSV file for the import.
 *
 * <pre>
 * mvn -Pgenerate -Dstudents=1000000 -Devents=500 -Dseed=42 -Ddb=jdbc:h2:file:./data/talent
 * mvn -Pgenerate -Dstudents=1000000 -Devents=5000 -Dresults=10000000 -Ddb=jdbc:h2:file:./data/talent
 * (every run adds 20 agencies with 10 positions each and one placement per 50 students)
 * mvn -Pgenerate -Dstudents=100000 -Dcsv=target/students.csv
 * (-Dfloor=true on PostgreSQL: then the same result rows loaded by plain COPY, the floor; see FloorRows)
 * </pre>
 */
public final class GenerateData {

    static final String[] REGIONS = {"North", "Northeast", "East", "Central", "South", "Southwest", "Northwest"};
    static final String[][] PROGRAMS = {
        {"Cyberspace Security", "BACHELOR"},
        {"Information Security", "BACHELOR"},
        {"Computer Science and Technology", "BACHELOR"},
        {"Network Security Operations", "DIPLOMA"}
    };
    static final int STUDENTS_PER_SCHOOL = 2_000;
    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    private GenerateData() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        int students = Integer.parseInt(opts.getOrDefault("students", "10000"));
        if (opts.containsKey("csv") && !opts.get("csv").isBlank()) {
            Path file = Path.of(opts.get("csv"));
            long started = System.nanoTime();
            writeCsv(file, students, seed, opts.getOrDefault("prefix", "G"));
            System.out.printf(
                    Locale.ROOT,
                    "wrote %,d students to %s in %.1f s%n",
                    students,
                    file,
                    (System.nanoTime() - started) / 1e9);
            return;
        }
        String url = opts.getOrDefault("db", "jdbc:h2:file:./data/talent");
        DataSource ds = dataSource(url, opts.get("user"), opts.get("password"));
        long started = System.nanoTime();
        Migrations.migrate(ds);
        long migrated = System.nanoTime();
        Counts counts = generate(ds, students, seed);
        long studentsDone = System.nanoTime();
        int events = Integer.parseInt(opts.getOrDefault("events", "0"));
        long wanted = Long.parseLong(opts.getOrDefault("results", "0"));
        double largest = largestField(wanted > 0 ? (double) wanted / events : 0);
        Loaded loaded = events > 0 ? generateEvents(ds, events, largest, seed) : new Loaded(0, 0, 0, 0, 0, 0, 0, 0, 0);
        long resultsDone = System.nanoTime();
        long placements = generatePlacements(ds, Math.max(1, students / 50), seed);
        long placementsDone = System.nanoTime();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            // fresh statistics and visibility maps, as autovacuum would make them in time: without statistics
            // PostgreSQL plans per-event reads as scans, and without visibility maps index-only scans read the table
            // anyway
            try (var c = ds.getConnection();
                    var s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("vacuum analyze");
            }
        }
        long done = System.nanoTime();
        double studentSeconds = (studentsDone - migrated) / 1e9;
        double resultSeconds = (resultsDone - studentsDone) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "generated %,d schools, %,d programmes, %,d students, %,d events with %,d results,"
                        + " %,d placements into %s in %.1f s (seed %d)%n",
                counts.schools,
                counts.programs,
                counts.students,
                events,
                loaded.results(),
                placements,
                url,
                (done - started) / 1e9,
                seed);
        System.out.printf(Locale.ROOT, "  migration          %7.1f s%n", (migrated - started) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  students           %7.1f s  %,.0f students/s (of which building their indexes after the rows"
                        + " %.1f s)%n",
                studentSeconds,
                counts.students / studentSeconds,
                counts.indexSeconds());
        System.out.printf(
                Locale.ROOT,
                "  results            %7.1f s  %,.0f result rows/s, %,d rows with their category, team and member"
                        + " rows (making the rows in Java %.1f s, %.1f s of CPU, beside the server storing them"
                        + " with %.1f s of CPU; building their indexes after the rows %.1f s, %.1f s of the server's"
                        + " CPU)%n",
                resultSeconds,
                loaded.results() / resultSeconds,
                loaded.rows(),
                loaded.generatingSeconds(),
                loaded.generatingCpuSeconds(),
                loaded.copyCpuSeconds(),
                loaded.indexSeconds(),
                loaded.indexCpuSeconds());
        System.out.printf(Locale.ROOT, "  placements         %7.1f s%n", (placementsDone - resultsDone) / 1e9);
        System.out.printf(Locale.ROOT, "  vacuum analyze     %7.1f s%n", (done - placementsDone) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  total              %7.1f s  %,.0f result rows/s over the whole run%n",
                (done - started) / 1e9,
                loaded.results() / ((done - started) / 1e9));
        if (postgres && Boolean.parseBoolean(opts.getOrDefault("floor", "false")) && loaded.results() > 0) {
            FloorRows.measure(ds, loaded.firstResult(), loaded.firstTeam(), loaded.results(), resultSeconds);
        }
    }

    /** What {@link #generate} wrote, and the seconds it spent building the students' indexes after the rows. */
    record Counts(int schools, int programs, int students, double indexSeconds) {}

    static DataSource dataSource(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user == null ? "postgres" : user);
            if (password != null) {
                pg.setPassword(password);
            }
            return pg;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user == null ? "sa" : user);
        h2.setPassword(password == null ? "" : password);
        return h2;
    }

    /** Adds schools (codes G0001...), programmes and students to a migrated database. */
    static Counts generate(DataSource ds, int students, long seed) throws SQLException {
        Random random = new Random(seed);
        int schools = Math.max(1, (students + STUDENTS_PER_SCHOOL - 1) / STUDENTS_PER_SCHOOL);
        Timestamp now = Timestamp.from(Instant.parse("2026-09-01T00:00:00Z"));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long schoolId = nextBlock(c, "school_seq", schools);
            long programId = nextBlock(c, "program_seq", schools * PROGRAMS.length);
            long studentId = nextBlock(c, "student_seq", students);
            long consentId = nextBlock(c, "student_consent_seq", students);
            List<long[]> programsOf = new ArrayList<>();
            try (PreparedStatement school =
                            c.prepareStatement("insert into school (id, code, name, local_name, region, city,"
                                    + " type, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 1)");
                    PreparedStatement program = c.prepareStatement(
                            "insert into program (id, school_id, name, level, version) values (?, ?, ?, ?, 1)")) {
                for (int s = 0; s < schools; s++) {
                    long id = schoolId + s;
                    String code = String.format(Locale.ROOT, "G%04d", s + 1);
                    String region = REGIONS[random.nextInt(REGIONS.length)];
                    school.setLong(1, id);
                    school.setString(2, code);
                    school.setString(3, "Generated School " + code);
                    school.setString(4, "生成学校 " + code);
                    school.setString(5, region);
                    school.setString(6, region + " City");
                    school.setString(7, s % 10 == 9 ? "SECONDARY" : s % 5 == 4 ? "VOCATIONAL" : "UNIVERSITY");
                    school.setTimestamp(8, now);
                    school.addBatch();
                    long[] ids = new long[PROGRAMS.length];
                    for (int p = 0; p < PROGRAMS.length; p++) {
                        ids[p] = programId + (long) s * PROGRAMS.length + p;
                        program.setLong(1, ids[p]);
                        program.setLong(2, id);
                        program.setString(3, PROGRAMS[p][0]);
                        program.setString(4, PROGRAMS[p][1]);
                        program.addBatch();
                    }
                    programsOf.add(ids);
                }
                school.executeBatch();
                program.executeBatch();
            }
            c.commit();
            LocalDateTime at = LocalDateTime.of(2026, 9, 1, 0, 0);
            String[] domains = new String[schools];
            for (int s = 0; s < schools; s++) {
                domains[s] = "@" + String.format(Locale.ROOT, "g%04d", s + 1) + ".example.edu";
            }
            DeferredIndexRows indexes = DeferredIndexRows.drop(ds, 2, "student", "student_consent");
            try (indexes;
                    BulkRows student = new BulkRows(
                            ds,
                            c,
                            "student",
                            "id, school_id, student_number, full_name, name_key,"
                                    + " date_of_birth, email, program_id, enrollment_year, expected_graduation_year, status,"
                                    + " consent_to_share, guardian_consent, created_at, updated_at, version");
                    BulkRows consent = new BulkRows(
                            ds,
                            c,
                            "student_consent",
                            "id, student_id, granted, guardian_consent, recorded_by, recorded_at, source")) {
                for (int i = 0; i < students; i++) {
                    int s = i / STUDENTS_PER_SCHOOL;
                    boolean secondary = s % 10 == 9;
                    Row row = row(random, i % STUDENTS_PER_SCHOOL, secondary);
                    long id = studentId + i;
                    String email = row.number + domains[s];
                    long program = programsOf.get(s)[secondary ? 0 : random.nextInt(PROGRAMS.length)];
                    student.add(
                            id,
                            schoolId + s,
                            row.number,
                            row.name,
                            Student.nameKey(row.name),
                            row.born,
                            email,
                            program,
                            row.enrolled,
                            row.graduates,
                            "ENROLLED",
                            row.consents,
                            false,
                            at,
                            at,
                            1);
                    if (row.consents) {
                        consent.add(consentId + i, id, true, false, "generator", at, "IMPORT");
                    }
                    if ((i + 1) % 20_000 == 0) {
                        student.flush();
                        consent.flush();
                        c.commit();
                    }
                }
                BulkRows.commitAll(student, consent);
            }
            c.commit();
            return new Counts(schools, schools * PROGRAMS.length, students, indexes.rebuildSeconds());
        }
    }

    static final String[] CATEGORIES = {"web", "pwn", "crypto", "forensics", "reverse"};
    static final String[] LEVELS = {"SCHOOL", "REGIONAL", "NATIONAL", "INTERNATIONAL"};

    /**
     * The largest field for a wanted mean field size: fields are log-uniform from 20 to it, whose
     * mean is (b - 20) / ln(b / 20). 2,000 when no mean is wanted.
     */
    static double largestField(double mean) {
        if (mean <= 0) {
            return 2_000;
        }
        double lo = 21;
        double hi = 1e9;
        for (int i = 0; i < 200; i++) {
            double b = (lo + hi) / 2;
            if ((b - 20) / Math.log(b / 20) < mean) {
                lo = b;
            } else {
                hi = b;
            }
        }
        return lo;
    }

    /**
     * Adds events over the generated students: each student has a hidden skill (normal, from the
     * seed); an event draws its field (20 to {@code largest}, log-uniform) favouring stronger
     * students and ranks them by skill plus noise; every other event splits each entrant's points
     * over three categories. Every fifth event is a team event of three-student teams. Returns the
     * number of results written.
     */
    static Loaded generateEvents(DataSource ds, int events, double largest, long seed) throws SQLException {
        Random random = new Random(seed * 31 + 7);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<long[]> students = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("select s.id, s.school_id, sc.code, s.student_number"
                            + " from student s join school sc on sc.id = s.school_id order by s.id")) {
                while (rs.next()) {
                    students.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    refs.add(rs.getString(3) + "/" + rs.getString(4));
                }
            }
            if (students.isEmpty()) {
                return new Loaded(0, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            int[] entered = new int[students.size()];
            double[] skill = new double[students.size()];
            double[] enters = new double[skill.length];
            for (int i = 0; i < skill.length; i++) {
                skill[i] = random.nextGaussian();
                enters[i] = 1 / (1 + Math.exp(-1.2 * skill[i]));
            }
            long competitionId = nextBlock(c, "competition_seq", 1);
            try (PreparedStatement s = c.prepareStatement(
                    "insert into competition (id, code, name, organiser, version) values (?, 'GEN-SERIES', 'Generated Series', 'generator', 1)")) {
                s.setLong(1, competitionId);
                s.executeUpdate();
            }
            long eventId = nextBlock(c, "event_seq", events);
            long written = 0;
            long rows = 0;
            Timestamp now = Timestamp.from(Instant.parse("2026-09-01T00:00:00Z"));
            try (PreparedStatement event = c.prepareStatement(
                            "insert into competition_event (id, code, name, competition_id,"
                                    + " level, format, weight, start_date, end_date, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
                    PreparedStatement category = c.prepareStatement(
                            "insert into event_category (event_id, name, work_role) values (?, ?, null)")) {
                for (int e = 0; e < events; e++) {
                    String level = LEVELS[random.nextInt(LEVELS.length)];
                    LocalDate day = LocalDate.of(2023, 1, 1).plusDays((long) e * 1300 / Math.max(1, events));
                    event.setLong(1, eventId + e);
                    event.setString(2, String.format(Locale.ROOT, "GEN-%05d", e + 1));
                    event.setString(3, "Generated event " + (e + 1));
                    event.setLong(4, competitionId);
                    event.setString(5, level);
                    event.setString(6, e % 5 == 4 ? "ATTACK_DEFENSE" : "JEOPARDY");
                    event.setDouble(
                            7,
                            switch (level) {
                                case "SCHOOL" -> 0.5;
                                case "REGIONAL" -> 0.75;
                                case "NATIONAL" -> 1.0;
                                default -> 1.25;
                            });
                    event.setDate(8, Date.valueOf(day));
                    event.setDate(9, Date.valueOf(day));
                    event.setTimestamp(10, now);
                    event.addBatch();
                    for (int k = 0; k < (e % 2 == 0 ? 3 : 0); k++) {
                        category.setLong(1, eventId + e);
                        category.setString(2, CATEGORIES[(e + k) % CATEGORIES.length]);
                        category.addBatch();
                    }
                }
                event.executeBatch();
                category.executeBatch();
            }
            c.commit();
            // one block of ids per event and table, as the sequences would give them, counted here and stored once
            IdBlocks resultIds = new IdBlocks(c, "result_seq");
            IdBlocks teamIds = new IdBlocks(c, "team_seq");
            long firstResult = resultIds.next + 1;
            long firstTeam = teamIds.next + 1;
            long generating = 0;
            long cpu = 0;
            double copyCpu = 0;
            long waited = 0;
            DeferredIndexRows indexes =
                    DeferredIndexRows.drop(ds, 2, "result_category", "result", "team_member", "team");
            try (indexes;
                    BulkRows team = new BulkRows(ds, c, "team", "id, event_id, name");
                    BulkRows member = new BulkRows(ds, c, "team_member", "team_id, event_id, student_id");
                    BulkRows result = new BulkRows(
                            ds,
                            c,
                            "result",
                            "id, event_id, place, competitor, points, student_id, team_id, reached_at");
                    BulkRows points = new BulkRows(ds, c, "result_category", "result_id, category, points")) {
                long started = System.nanoTime();
                long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int e = 0; e < events; e++) {
                    long event = eventId + e;
                    boolean teams = e % 5 == 4;
                    int field = (int) Math.min(
                            students.size() / (teams ? 3 : 1),
                            Math.round(20 * Math.pow(largest / 20, random.nextDouble())));
                    // stronger students enter more often: draw by rejection on skill
                    // the entrants in the order drawn, each once (entered[i] == e + 1: already in this event)
                    int wanted = field * (teams ? 3 : 1);
                    int[] drawn = new int[Math.min(wanted, students.size())];
                    int entrants = 0;
                    while (entrants < drawn.length) {
                        int i = random.nextInt(students.size());
                        if (random.nextDouble() < enters[i] && entered[i] != e + 1) {
                            entered[i] = e + 1;
                            drawn[entrants++] = i;
                        }
                    }
                    List<double[]> performances = new ArrayList<>();
                    for (int k = 0; k < field; k++) {
                        double perf = 0;
                        for (int m = 0; m < (teams ? 3 : 1); m++) {
                            perf += skill[drawn[k * (teams ? 3 : 1) + m]];
                        }
                        performances.add(new double[] {k, perf / (teams ? 3 : 1) + random.nextGaussian() * 0.8});
                    }
                    performances.sort((a, b) -> Double.compare(b[1], a[1]));
                    long resultId = resultIds.take(performances.size());
                    long teamId0 = teams ? teamIds.take(performances.size()) : 0;
                    for (int place = 0; place < performances.size(); place++) {
                        int k = (int) performances.get(place)[0];
                        long id = resultId + place;
                        double total = Math.round(1000 * Math.exp(performances.get(place)[1]));
                        String competitor = "Team " + (k + 1);
                        Long studentOf = null;
                        Long teamId = null;
                        if (teams) {
                            teamId = teamId0 + place;
                            team.add(teamId, event, competitor);
                            for (int m = 0; m < 3; m++) {
                                member.add(teamId, event, students.get(drawn[k * 3 + m])[0]);
                            }
                        } else {
                            competitor = refs.get(drawn[k]);
                            studentOf = students.get(drawn[k])[0];
                        }
                        result.add(id, event, place + 1, competitor, total, studentOf, teamId, null);
                        if (e % 2 == 0) {
                            double first = Math.floor(total * random.nextDouble());
                            double second = Math.floor((total - first) * random.nextDouble());
                            double[] split = {first, second, total - first - second};
                            for (int cat = 0; cat < 3; cat++) {
                                points.add(id, CATEGORIES[(e + cat) % CATEGORIES.length], split[cat]);
                            }
                        }
                        written++;
                    }
                    team.flush();
                    member.flush();
                    result.flush();
                    points.flush();
                    c.commit();
                }
                waited = team.waitedNanos() + member.waitedNanos() + result.waitedNanos() + points.waitedNanos();
                generating = System.nanoTime() - started - waited;
                cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted;
                rows = team.rows() + member.rows() + result.rows() + points.rows();
                BulkRows.commitAll(points, result, member, team);
                resultIds.store(c);
                teamIds.store(c);
                c.commit();
                for (BulkRows table : List.of(points, result, member, team)) {
                    copyCpu += table.serverCpuSeconds();
                }
            }
            c.commit();
            return new Loaded(
                    written,
                    rows,
                    firstResult,
                    firstTeam,
                    generating / 1e9,
                    cpu / 1e9,
                    copyCpu,
                    indexes.rebuildSeconds(),
                    indexes.serverCpuSeconds());
        }
    }

    /**
     * What {@link #generateEvents} wrote: results, rows in all four tables, the first result and team
     * ids, the seconds spent making rows (not waiting for the server; and the CPU seconds of it, which a
     * machine shared with other work does not stretch), the server's CPU seconds for the COPYs, and the
     * seconds (and server CPU seconds) building indexes after them.
     */
    record Loaded(
            long results,
            long rows,
            long firstResult,
            long firstTeam,
            double generatingSeconds,
            double generatingCpuSeconds,
            double copyCpuSeconds,
            double indexSeconds,
            double indexCpuSeconds) {}

    /**
     * Blocks of ids from a sequence, as {@link #nextBlock} gives them, counted here: the sequence is
     * read once and moved past the last block once ({@link #store}), not twice a block.
     */
    static final class IdBlocks {
        private final String sequence;
        private long next;

        IdBlocks(Connection c, String sequence) throws SQLException {
            this.sequence = sequence;
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("select nextval('" + sequence + "')")) {
                rs.next();
                next = rs.getLong(1);
            }
        }

        long take(long size) {
            long first = next + 1;
            next = ((first + size) / 50 + 2) * 50;
            return first;
        }

        void store(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence " + sequence + " restart with " + next);
            }
        }
    }

    static final String[] WORK_ROLES = {
        "PD-WRL-001", "PD-WRL-004", "PD-WRL-007", "IN-WRL-001", "DD-WRL-003", "OG-WRL-001"
    };

    /**
     * Twenty agencies with ten positions each, and {@code count} placements of consenting students
     * spread over them, each moved along the stages (a third placed, some declined or withdrawn),
     * every move dated and recorded as the application records it. Returns the placements written.
     */
    static long generatePlacements(DataSource ds, int count, long seed) throws SQLException {
        Random random = new Random(seed * 17 + 3);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Long> consenting = new ArrayList<>();
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery(
                            "select id from student where consent_to_share = true order by id fetch first "
                                    + (count * 3) + " rows only")) {
                while (rs.next()) {
                    consenting.add(rs.getLong(1));
                }
            }
            if (consenting.isEmpty()) {
                return 0;
            }
            Timestamp now = Timestamp.from(Instant.parse("2026-09-01T00:00:00Z"));
            long agencyId = nextBlock(c, "agency_seq", 20);
            long positionId = nextBlock(c, "job_position_seq", 200);
            try (PreparedStatement agency = c.prepareStatement(
                            "insert into agency (id, code, name, created_at, version) values (?, ?, ?, ?, 1)");
                    PreparedStatement position = c.prepareStatement(
                            "insert into job_position (id, agency_id, title, work_role,"
                                    + " categories, openings, location, open, created_at, version) values (?, ?, ?, ?, ?, ?, ?, true, ?, 1)")) {
                for (int a = 0; a < 20; a++) {
                    agency.setLong(1, agencyId + a);
                    agency.setString(2, String.format(Locale.ROOT, "GA%02d", a + 1));
                    agency.setString(3, "Generated Agency " + (a + 1));
                    agency.setTimestamp(4, now);
                    agency.addBatch();
                    for (int p = 0; p < 10; p++) {
                        position.setLong(1, positionId + a * 10 + p);
                        position.setLong(2, agencyId + a);
                        position.setString(3, "Position " + (p + 1));
                        position.setString(4, WORK_ROLES[(a + p) % WORK_ROLES.length]);
                        position.setString(5, CATEGORIES[p % CATEGORIES.length]);
                        position.setInt(6, 1 + random.nextInt(5));
                        position.setString(7, REGIONS[(a + p) % REGIONS.length]);
                        position.setTimestamp(8, now);
                        position.addBatch();
                    }
                }
                agency.executeBatch();
                position.executeBatch();
            }
            String[] stages = {"SHORTLISTED", "CONTACTED", "INTERVIEWING", "OFFERED", "PLACED"};
            long placementId = nextBlock(c, "placement_seq", count);
            long changeId = nextBlock(c, "stage_change_seq", count * 6L);
            long written = 0;
            try (PreparedStatement placement =
                            c.prepareStatement("insert into placement (id, position_id, student_id, stage,"
                                    + " created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 1)");
                    PreparedStatement change =
                            c.prepareStatement("insert into stage_change (id, placement_id, stage, changed_at,"
                                    + " actor, note) values (?, ?, ?, ?, 'generator', null)")) {
                Set<String> taken = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    long student = consenting.get(random.nextInt(consenting.size()));
                    long pos = positionId + random.nextInt(200);
                    if (!taken.add(pos + "/" + student)) {
                        continue;
                    }
                    int reached = random.nextInt(stages.length);
                    String end = random.nextInt(6) == 0 && reached < 4
                            ? (random.nextBoolean() ? "DECLINED" : "WITHDRAWN")
                            : null;
                    Instant at = Instant.parse("2026-01-01T09:00:00Z").plus(random.nextInt(200), ChronoUnit.DAYS);
                    long id = placementId + i;
                    Instant shortlisted = at;
                    for (int st = 0; st <= reached; st++) {
                        change.setLong(1, changeId++);
                        change.setLong(2, id);
                        change.setString(3, stages[st]);
                        change.setTimestamp(4, Timestamp.from(at));
                        change.addBatch();
                        at = at.plus(1 + random.nextInt(14), ChronoUnit.DAYS);
                    }
                    if (end != null) {
                        change.setLong(1, changeId++);
                        change.setLong(2, id);
                        change.setString(3, end);
                        change.setTimestamp(4, Timestamp.from(at));
                        change.addBatch();
                    }
                    placement.setLong(1, id);
                    placement.setLong(2, pos);
                    placement.setLong(3, student);
                    placement.setString(4, end != null ? end : stages[reached]);
                    placement.setTimestamp(5, Timestamp.from(shortlisted));
                    placement.setTimestamp(6, Timestamp.from(at));
                    placement.addBatch();
                    written++;
                    if (written % 5_000 == 0) {
                        placement.executeBatch();
                        change.executeBatch();
                    }
                }
                placement.executeBatch();
                change.executeBatch();
            }
            c.commit();
            return written;
        }
    }

    /** Moves a sequence past a block of ids this generator uses, and returns the block's first id. */
    static long nextBlock(Connection c, String sequence, long size) throws SQLException {
        long first;
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("select nextval('" + sequence + "')")) {
            rs.next();
            first = rs.getLong(1) + 1;
        }
        long restart = ((first + size) / 50 + 2) * 50;
        try (Statement s = c.createStatement()) {
            s.execute("alter sequence " + sequence + " restart with " + restart);
        }
        return first;
    }

    record Row(String number, String name, LocalDate born, int enrolled, int graduates, boolean consents) {}

    static Row row(Random random, int index, boolean secondary) {
        int age = secondary ? 12 + random.nextInt(6) : 18 + random.nextInt(6);
        LocalDate born = TODAY.minusYears(age).minusDays(1 + random.nextInt(364));
        int enrolled = TODAY.getYear() - random.nextInt(secondary ? 3 : 4);
        int graduates = enrolled + (secondary ? 3 : 4);
        String number = String.format(Locale.ROOT, "%d%05d", enrolled, index);
        boolean consents = age >= AgeRules.AGE_OF_DIGITAL_CONSENT && random.nextDouble() < 0.7;
        return new Row(number, PersonNames.next(random, 0.8), born, enrolled, graduates, consents);
    }

    /** A students CSV in the import's format, for one school whose programmes include "Cyberspace Security". */
    static void writeCsv(Path file, int students, long seed, String prefix) throws IOException {
        Random random = new Random(seed);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("student_number,full_name,date_of_birth,email,program,enrollment_year,expected_graduation_year,"
                    + "consent_to_share\r\n");
            for (int i = 0; i < students; i++) {
                Row row = row(random, i, false);
                String number = prefix + row.number + i;
                String name = row.name.contains(" ") && random.nextInt(10) == 0
                        ? "\"" + row.name.replace(" ", ", ") + "\""
                        : row.name;
                out.write(number + "," + name + "," + row.born + "," + number.toLowerCase(Locale.ROOT) + "@example.edu,"
                        + "Cyberspace Security," + row.enrolled + "," + row.graduates + "," + row.consents + "\r\n");
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                opts.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return opts;
    }
}

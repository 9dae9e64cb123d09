package org.talentpipeline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.student.PersonNames;
import org.talentpipeline.student.Student;

/**
 * Writes a synthetic national data set, reproducibly from a seed: schools in seven regions, their
 * programmes, and students with plausible ages, years and consent. Into a database (migrated
 * first; H2 file or PostgreSQL), or as a students CSV file for the import.
 *
 * <pre>
 * mvn -Pgenerate -Dstudents=1000000 -Dseed=42 -Ddb=jdbc:h2:file:./data/talent
 * mvn -Pgenerate -Dstudents=100000 -Dcsv=target/students.csv
 * </pre>
 */
public final class GenerateData {

    static final String[] REGIONS = {"North", "Northeast", "East", "Central", "South", "Southwest", "Northwest"};
    static final String[][] PROGRAMS = {{"Cyberspace Security", "BACHELOR"}, {"Information Security", "BACHELOR"},
        {"Computer Science and Technology", "BACHELOR"}, {"Network Security Operations", "DIPLOMA"}};
    static final int STUDENTS_PER_SCHOOL = 2_000;
    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    private GenerateData() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        int students = Integer.parseInt(opts.getOrDefault("students", "10000"));
        if (opts.containsKey("csv") && !opts.get("csv").isBlank()) {
            Path file = Path.of(opts.get("csv"));
            long started = System.nanoTime();
            writeCsv(file, students, seed, opts.getOrDefault("prefix", "G"));
            System.out.printf(Locale.ROOT, "wrote %,d students to %s in %.1f s%n", students, file,
                    (System.nanoTime() - started) / 1e9);
            return;
        }
        String url = opts.getOrDefault("db", "jdbc:h2:file:./data/talent");
        DataSource ds = dataSource(url, opts.get("user"), opts.get("password"));
        long started = System.nanoTime();
        Migrations.migrate(ds);
        Counts counts = generate(ds, students, seed);
        System.out.printf(Locale.ROOT, "generated %,d schools, %,d programmes, %,d students into %s in %.1f s (seed %d)%n",
                counts.schools, counts.programs, counts.students, url, (System.nanoTime() - started) / 1e9, seed);
    }

    record Counts(int schools, int programs, int students) {
    }

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
            try (PreparedStatement school = c.prepareStatement("insert into school (id, code, name, local_name, region, city,"
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
            try (PreparedStatement student = c.prepareStatement("insert into student (id, school_id, student_number,"
                    + " full_name, name_key, date_of_birth, email, program_id, enrollment_year, expected_graduation_year,"
                    + " status, consent_to_share, guardian_consent, created_at, updated_at, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ENROLLED', ?, false, ?, ?, 1)");
                    PreparedStatement consent = c.prepareStatement("insert into student_consent (id, student_id, granted,"
                            + " guardian_consent, recorded_by, recorded_at, source) values (?, ?, true, false, 'generator', ?, 'IMPORT')")) {
                int pending = 0;
                for (int i = 0; i < students; i++) {
                    int s = i / STUDENTS_PER_SCHOOL;
                    boolean secondary = s % 10 == 9;
                    Row row = row(random, i % STUDENTS_PER_SCHOOL, secondary);
                    long id = studentId + i;
                    student.setLong(1, id);
                    student.setLong(2, schoolId + s);
                    student.setString(3, row.number);
                    student.setString(4, row.name);
                    student.setString(5, Student.nameKey(row.name));
                    student.setDate(6, Date.valueOf(row.born));
                    student.setString(7, row.number + "@" + String.format(Locale.ROOT, "g%04d", s + 1) + ".example.edu");
                    student.setLong(8, programsOf.get(s)[secondary ? 0 : random.nextInt(PROGRAMS.length)]);
                    student.setInt(9, row.enrolled);
                    student.setInt(10, row.graduates);
                    student.setBoolean(11, row.consents);
                    student.setTimestamp(12, now);
                    student.setTimestamp(13, now);
                    student.addBatch();
                    if (row.consents) {
                        consent.setLong(1, consentId + i);
                        consent.setLong(2, id);
                        consent.setTimestamp(3, now);
                        consent.addBatch();
                    }
                    if (++pending == 5_000) {
                        student.executeBatch();
                        consent.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                student.executeBatch();
                consent.executeBatch();
            }
            c.commit();
            return new Counts(schools, schools * PROGRAMS.length, students);
        }
    }

    /** Moves a sequence past a block of ids this generator uses, and returns the block's first id. */
    static long nextBlock(Connection c, String sequence, long size) throws SQLException {
        long first;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select nextval('" + sequence + "')")) {
            rs.next();
            first = rs.getLong(1) + 1;
        }
        long restart = ((first + size) / 50 + 2) * 50;
        try (Statement s = c.createStatement()) {
            s.execute("alter sequence " + sequence + " restart with " + restart);
        }
        return first;
    }

    record Row(String number, String name, LocalDate born, int enrolled, int graduates, boolean consents) {
    }

    static Row row(Random random, int index, boolean secondary) {
        int age = secondary ? 12 + random.nextInt(6) : 18 + random.nextInt(6);
        LocalDate born = TODAY.minusYears(age).minusDays(1 + random.nextInt(364));
        int enrolled = TODAY.getYear() - random.nextInt(secondary ? 3 : 4);
        int graduates = enrolled + (secondary ? 3 : 4);
        String number = String.format(Locale.ROOT, "%d%05d", enrolled, index);
        boolean consents = age >= Student.AGE_OF_DIGITAL_CONSENT && random.nextDouble() < 0.7;
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
                String name = row.name.contains(" ") && random.nextInt(10) == 0 ? "\"" + row.name.replace(" ", ", ") + "\"" : row.name;
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

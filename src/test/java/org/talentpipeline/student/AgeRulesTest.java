package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.ApiError;
import org.talentpipeline.platform.BadInput;

/** The age rules in Java and in SQL (on H2) give the same answer, birthdays and 29 February included. */
class AgeRulesTest {

    private static final List<LocalDate> DAYS = List.of(
            LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1), LocalDate.of(2028, 2, 29), LocalDate.of(2026, 12, 31));
    private static Connection db;

    @BeforeAll
    static void births() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:ages");
        try (Statement s = db.createStatement()) {
            s.execute("create table person (id int primary key, date_of_birth date not null, consent boolean not null,"
                    + " guardian boolean not null)");
        }
        // everyone born in the days around each day's 14th and 18th birthdays, with each consent
        TreeSet<LocalDate> born = new TreeSet<>();
        for (LocalDate day : DAYS) {
            for (int years : new int[] {AgeRules.AGE_OF_DIGITAL_CONSENT, AgeRules.AGE_OF_MAJORITY}) {
                for (int d = -3; d <= 3; d++) {
                    born.add(day.minusYears(years).plusDays(d));
                }
            }
        }
        born.add(LocalDate.of(2008, 2, 29));
        born.add(LocalDate.of(2012, 2, 29));
        try (PreparedStatement s = db.prepareStatement("insert into person values (?, ?, ?, ?)")) {
            int id = 0;
            for (LocalDate b : born) {
                for (boolean consent : new boolean[] {false, true}) {
                    for (boolean guardian : new boolean[] {false, true}) {
                        s.setInt(1, id++);
                        s.setDate(2, Date.valueOf(b));
                        s.setBoolean(3, consent);
                        s.setBoolean(4, guardian);
                        s.executeUpdate();
                    }
                }
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void minorsInSqlAreTheMinorsInJava() throws SQLException {
        for (LocalDate day : DAYS) {
            assertEquals(
                    java(day, (b, consent, guardian) -> AgeRules.isMinorOn(b, day)),
                    sql("date_of_birth > ?", AgeRules.minorsBornAfter(day)),
                    "minors on " + day);
        }
    }

    @Test
    void consentsRefusedInSqlAreTheConsentsRefusedInJava() throws SQLException {
        for (LocalDate day : DAYS) {
            assertEquals(
                    java(day, (b, consent, guardian) -> refused(consent, b, day, guardian)),
                    sql(
                            AgeRules.consentRefusedSql("date_of_birth", "consent", "guardian"),
                            AgeRules.guardianNeededBornAfter(day)),
                    "consents refused on " + day);
        }
    }

    @Test
    void aThirteenYearOldSharesOnlyWithTheGuardiansConsent() {
        LocalDate today = LocalDate.of(2026, 5, 1);
        LocalDate born = today.minusYears(14).plusDays(1);
        BadInput refused = assertThrows(BadInput.class, () -> AgeRules.checkConsent(true, born, today, false));
        assertEquals(
                List.of(new ApiError.FieldProblem("guardianConsent", AgeRules.GUARDIAN_NEEDED)), refused.problems());
        AgeRules.checkConsent(true, born, today, true);
        AgeRules.checkConsent(true, born.minusDays(1), today, false);
    }

    private interface Rule {
        boolean holds(LocalDate born, boolean consent, boolean guardian);
    }

    private static boolean refused(boolean consent, LocalDate born, LocalDate day, boolean guardian) {
        try {
            AgeRules.checkConsent(consent, born, day, guardian);
            return false;
        } catch (BadInput e) {
            return true;
        }
    }

    private static List<Integer> java(LocalDate day, Rule rule) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select id, date_of_birth, consent, guardian from person order by id")) {
            while (rs.next()) {
                if (rule.holds(rs.getDate(2).toLocalDate(), rs.getBoolean(3), rs.getBoolean(4))) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    private static List<Integer> sql(String condition, LocalDate parameter) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select id from person where " + condition + " order by id")) {
            s.setDate(1, Date.valueOf(parameter));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }
}

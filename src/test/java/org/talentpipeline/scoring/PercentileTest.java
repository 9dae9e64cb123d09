package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The percentile rules in Java and in SQL (on H2) give the same answer, ties and groups of one included. */
class PercentileTest {

    private static final List<Double> PERCENTILES = List.of(0.0, 0.1, 1.0, 33.3, 50.0, 66.7, 90.0, 99.0, 99.9, 100.0);
    private static final Map<String, double[]> GROUPS = new LinkedHashMap<>();
    private static Connection db;

    @BeforeAll
    static void ratings() throws SQLException {
        Random random = new Random(42);
        GROUPS.put("alone", new double[] {1500});
        GROUPS.put("two tied", new double[] {1200, 1200});
        GROUPS.put("distinct", new double[] {900, 1100, 1300, 1500, 1700});
        // many ties: 300 scores over 40 values, and a few far apart
        double[] tied = new double[300];
        for (int i = 0; i < tied.length; i++) {
            tied[i] = 1000 + 25 * random.nextInt(40) + (i % 97 == 0 ? 0.5 : 0);
        }
        GROUPS.put("tied", tied);
        double[] spread = new double[1001];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = Math.round(random.nextGaussian() * 3000) / 10.0;
        }
        GROUPS.put("spread", spread);
        db = DriverManager.getConnection("jdbc:h2:mem:percentiles");
        try (Statement s = db.createStatement()) {
            s.execute(
                    "create table rating (id int primary key, grp varchar(20) not null, talent_score double precision not null)");
        }
        try (PreparedStatement s = db.prepareStatement("insert into rating values (?, ?, ?)")) {
            int id = 0;
            for (Map.Entry<String, double[]> g : GROUPS.entrySet()) {
                for (double score : g.getValue()) {
                    s.setInt(1, id++);
                    s.setString(2, g.getKey());
                    s.setDouble(3, score);
                    s.executeUpdate();
                }
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void aScoresPercentileCountedInSqlIsItsPercentileInJava() throws SQLException {
        for (Map.Entry<String, double[]> g : GROUPS.entrySet()) {
            List<Double> java = new ArrayList<>();
            List<Double> sql = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement(
                    "select " + Percentile.countsSql("r.talent_score", "?") + " from rating r where r.grp = ?")) {
                for (double score : g.getValue()) {
                    java.add(Percentile.among(score, g.getValue()));
                    s.setDouble(1, score);
                    s.setString(2, g.getKey());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        sql.add(Percentile.of(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            assertEquals(java, sql, "percentiles in " + g.getKey());
        }
    }

    @Test
    void everyonesPercentileCountedInOneSqlPassIsTheirPercentileInJava() throws SQLException {
        Map<Integer, Double> java = new LinkedHashMap<>();
        int id = 0;
        for (double[] group : GROUPS.values()) {
            for (double score : group) {
                java.put(id++, Percentile.among(score, group));
            }
        }
        Map<Integer, Double> sql = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "select own.id, " + Percentile.countsSql("r.talent_score", "own.talent_score")
                                + " from rating own join rating r on r.grp = own.grp group by own.id order by own.id")) {
            while (rs.next()) {
                sql.put(rs.getInt(1), Percentile.of(rs.getLong(2), rs.getLong(3)));
            }
        }
        assertEquals(java, sql);
    }

    @Test
    void theLeastScoreReachingAPercentileInSqlIsTheOneInJava() throws SQLException {
        for (Map.Entry<String, double[]> g : GROUPS.entrySet()) {
            List<Double> java = new ArrayList<>();
            List<Double> sql = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement(
                    "select talent_score from rating where grp = ?" + Percentile.leastScoreSql("talent_score"))) {
                for (double percentile : PERCENTILES) {
                    java.add(Percentile.leastScore(percentile, g.getValue()));
                    s.setString(1, g.getKey());
                    s.setLong(2, Percentile.leastScoreOffset(percentile, g.getValue().length));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        sql.add(rs.getDouble(1));
                    }
                }
            }
            assertEquals(java, sql, "least scores in " + g.getKey());
        }
    }

    @Test
    void theShareOfTheOthersWithALowerScore() {
        assertEquals(
                List.of(100.0, 50.0, 0.0, 33.3),
                List.of(
                        Percentile.among(1700, 900, 1300, 1700),
                        Percentile.among(1300, 900, 1300, 1700),
                        Percentile.among(900, 900, 1300, 1700),
                        Percentile.among(1300, 900, 1300, 1300, 1700)));
    }

    @Test
    void noPercentileWithoutAnotherRated() {
        assertNull(Percentile.among(1500, 1500));
        assertNull(Percentile.of(0, 1));
    }

    @Test
    void theLeastScoreCountsTheOthersAtOrBelowIt() {
        double[] scores = new double[101];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i + 1;
        }
        assertEquals(100.0, Percentile.leastScore(99, scores));
        assertEquals(1300.0, Percentile.leastScore(50, 900, 1300, 1300, 1700));
        assertEquals(Double.MAX_VALUE, Percentile.leastScore(50));
    }

    @Test
    void placeAsAPercentileOfTheField() {
        assertEquals(
                List.of(100.0, 0.0, 50.0, 100.0),
                List.of(
                        Percentile.ofPlace(1, 21),
                        Percentile.ofPlace(21, 21),
                        Percentile.ofPlace(11, 21),
                        Percentile.ofPlace(1, 1)));
    }

    @Test
    void aPlaceBeyondTheFieldIsItsLast() {
        assertEquals(0.0, Percentile.ofPlace(30, 21));
    }
}

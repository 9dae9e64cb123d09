package org.talentpipeline.student;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;

/**
 * The staging tables of student imports, which hold a whole file's names, birth dates and e-mail
 * addresses while it is checked. An import drops its own when it ends, however it ends; what a
 * crash leaves behind is dropped here, at start-up and by a periodic sweep.
 *
 * <p>Several nodes share the database, and a node cannot see another's jobs, so a table's name says
 * when and where it was made: {@code student_import_<epoch seconds>_<node>_<random>}. A starting
 * node drops its own tables (its jobs died with it) and every node drops any table older than
 * {@link #LONGEST_IMPORT}, which no import outlives (100,000 rows take seconds). Tables named the
 * way imports were named before (no time) are leftovers by definition and dropped too.
 */
@ApplicationScoped
public class ImportStagingStore {

    /** Longer than any import runs; a staging table older than this belongs to no running job. */
    public static final Duration LONGEST_IMPORT = Duration.ofHours(2);

    static final String PREFIX = "student_import_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{10})_([a-z0-9]{1,12})_([a-z0-9]{8})(_rows)?");
    private static final Pattern LEGACY = Pattern.compile(PREFIX + "[0-9a-f]{16}(_rows)?");
    private static final Logger LOG = Logger.getLogger(ImportStagingStore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** This node's name in its tables' names: {@code TP_NODE}, or the host name. */
    static final String NODE = node();

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** A fresh name for an import's staging tables (the import adds {@code _rows} for its first). */
    public String newName(Instant now) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            random.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return name(now, NODE, random.toString());
    }

    static String name(Instant made, String node, String random) {
        return String.format(Locale.ROOT, "%s%010d_%s_%s", PREFIX, made.getEpochSecond(), node, random);
    }

    /** Drops one import's tables; never fails the caller (the sweep gets what is left). */
    public void drop(String table) {
        try (Connection c = dataSource.getConnection();
                Statement drop = c.createStatement()) {
            drop.execute("drop table if exists " + table + "_rows");
            drop.execute("drop table if exists " + table);
        } catch (SQLException e) {
            LOG.warning("staging table " + table + " not dropped now; the sweep will: " + e);
        }
    }

    /**
     * Drops the staging tables that no running import can own: older than {@link #LONGEST_IMPORT},
     * left by the old naming, or, when this node is starting, its own.
     *
     * @return the tables dropped
     */
    public List<String> sweep(Instant now, boolean starting) {
        List<String> dropped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : stagingTables(c)) {
                if (abandoned(table, now, starting)) {
                    try (Statement drop = c.createStatement()) {
                        drop.execute("drop table if exists " + table);
                        dropped.add(table);
                    } catch (SQLException e) {
                        LOG.warning("staging table " + table + " not dropped: " + e);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warning("staging tables not swept: " + e);
        }
        if (!dropped.isEmpty()) {
            LOG.info(() -> "dropped " + dropped.size() + " staging tables of imports that ended without cleaning up: "
                    + dropped);
        }
        return dropped;
    }

    /** Whether no running import can own the table (a name not ours is never ours to drop). */
    static boolean abandoned(String table, Instant now, boolean starting) {
        String name = table.toLowerCase(Locale.ROOT);
        if (LEGACY.matcher(name).matches()) {
            return true;
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return false;
        }
        if (starting && m.group(2).equals(NODE)) {
            return true;
        }
        return Instant.ofEpochSecond(Long.parseLong(m.group(1))).isBefore(now.minus(LONGEST_IMPORT));
    }

    /** The tables of the current schema whose names look like staging tables (H2 and PostgreSQL alike). */
    private static List<String> stagingTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = current_schema and lower(table_name) like 'student%import%'")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String lower = table.toLowerCase(Locale.ROOT);
                if (NAME.matcher(lower).matches() || LEGACY.matcher(lower).matches()) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static String node() {
        String configured = System.getenv("TP_NODE");
        String name = configured;
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "";
            }
        }
        String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (clean.length() > 12) {
            clean = clean.substring(clean.length() - 12);
        }
        return clean.isEmpty() ? "node" : clean;
    }
}

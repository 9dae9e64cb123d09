package org.talentpipeline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;

/**
 * A bulk load's indexes, on PostgreSQL: the tables' secondary indexes and their primary keys and unique
 * constraints that no foreign key depends on are dropped before the rows go in and built again after
 * ({@link #close()}), by sorting, on a few connections side by side, instead of updated row by row (a
 * random-order index such as {@code result (student_id)} costs the load more than the rows once it
 * outgrows the server's buffers). They come back with the same names and definitions, so the schema
 * is the migrations' again; after a failed load too (close in a try-with-resources). Nothing on other
 * databases.
 */
final class DeferredIndexRows implements AutoCloseable {

    /** An index as it was: its table, name, definition, and "PRIMARY KEY" or "UNIQUE" when a constraint's. */
    record Index(String table, String name, String definition, String constraint) {}

    private final DataSource dataSource;
    private final List<Index> dropped;
    private final int threads;
    private double rebuildSeconds;
    private double serverCpuSeconds;

    private DeferredIndexRows(DataSource dataSource, List<Index> dropped, int threads) {
        this.dataSource = dataSource;
        this.dropped = dropped;
        this.threads = threads;
    }

    /** The indexes of {@code tables}, in the tables' order (pass the largest first); on other databases none. */
    static List<Index> indexes(Connection c, String... tables) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        if (!c.isWrapperFor(BaseConnection.class)) {
            return indexes;
        }
        try (PreparedStatement s = c.prepareStatement("select t.relname, i.relname, pg_get_indexdef(i.oid),"
                + " case con.contype when 'p' then 'PRIMARY KEY' when 'u' then 'UNIQUE' end"
                + " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                + " left join pg_constraint con on con.conindid = x.indexrelid and con.conrelid = x.indrelid"
                + " where t.oid in (select unnest(?::text[])::regclass)"
                + " and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = x.indexrelid)"
                + " and (con.oid is null or con.contype in ('p', 'u'))"
                + " order by array_position(?::text[], t.relname::text), i.relname")) {
            s.setArray(1, c.createArrayOf("text", tables));
            s.setArray(2, c.createArrayOf("text", tables));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return indexes;
    }

    /**
     * Drops the indexes of {@code tables} that can be built again after the load (those no foreign key
     * depends on), committed before the load starts, and returns what builds them again on close.
     */
    static DeferredIndexRows drop(DataSource dataSource, int threads, String... tables) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Index> indexes = indexes(c, tables);
            if (indexes.isEmpty()) {
                return new DeferredIndexRows(dataSource, indexes, threads);
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (Index index : indexes) {
                    s.execute(
                            index.constraint() == null
                                    ? "drop index " + index.name()
                                    : "alter table " + index.table() + " drop constraint " + index.name());
                }
            }
            c.commit();
            return new DeferredIndexRows(dataSource, indexes, threads);
        }
    }

    /** The indexes that were dropped. */
    List<Index> dropped() {
        return dropped;
    }

    /** CPU seconds the server spent on the rebuild (NaN when the server is on another machine). */
    double serverCpuSeconds() {
        return serverCpuSeconds;
    }

    /** Seconds the rebuild took. */
    double rebuildSeconds() {
        return rebuildSeconds;
    }

    /**
     * Builds every dropped index again, {@code threads} at a time (in the tables' order), then makes the
     * constraints' indexes their primary keys and unique constraints again.
     */
    @Override
    public void close() throws SQLException {
        if (dropped.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ConcurrentLinkedQueue<Index> queue = new ConcurrentLinkedQueue<>(dropped);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            Thread worker = new Thread(
                    () -> {
                        try (Connection c = dataSource.getConnection();
                                Statement s = c.createStatement()) {
                            // no parallel workers: the threads here are the parallelism, and their CPU is counted
                            s.execute("set maintenance_work_mem = '256MB'");
                            s.execute("set max_parallel_maintenance_workers = 0");
                            for (Index index = queue.poll(); index != null; index = queue.poll()) {
                                s.execute(index.definition());
                            }
                            try (var rs = s.executeQuery("select pg_backend_pid()")) {
                                rs.next();
                                double cpu = BulkRows.cpuSeconds(rs.getInt(1));
                                synchronized (failures) {
                                    serverCpuSeconds += cpu;
                                }
                            }
                        } catch (Throwable e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    },
                    "index " + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while indexes were built", e);
            }
        }
        if (!failures.isEmpty()) {
            SQLException e = new SQLException("an index could not be built again", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (Index index : dropped) {
                if (index.constraint() != null) {
                    s.execute("alter table " + index.table() + " add constraint " + index.name() + " "
                            + index.constraint() + " using index " + index.name());
                }
            }
            c.commit();
        }
        rebuildSeconds = (System.nanoTime() - started) / 1e9;
    }
}

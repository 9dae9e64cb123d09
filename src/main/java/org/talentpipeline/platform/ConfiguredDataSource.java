package org.talentpipeline.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The driver-level data source behind the application's connection pool. It reads {@code TP_DB_URL},
 * {@code TP_DB_USER} and {@code TP_DB_PASSWORD} from MicroProfile Config (environment variables
 * included) and picks the H2 or PostgreSQL driver by the URL, so that one pool definition serves
 * both databases. Payara's own {@code url} property handling is not used: with PostgreSQL it has
 * been seen to ignore the URL.
 */
public class ConfiguredDataSource implements DataSource {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/talent";

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() {
        DataSource ds = delegate;
        if (ds == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(settings(config()));
                }
                ds = delegate;
            }
        }
        return ds;
    }

    /** Where this data source connects: the primary database ({@code TP_DB_URL}). */
    DatabaseSettings settings(Config config) {
        return DatabaseSettings.read(config);
    }

    private static Config config() {
        return ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
    }

    static DataSource create(DatabaseSettings settings) {
        String url = settings.url();
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            // bulk writes (imports, results) go as multi-row inserts rather than one statement per row
            pg.setReWriteBatchedInserts(true);
            // JIT compiling a plan costs tens of milliseconds: more than any of this application's queries gains from
            // it.
            // Memoize caches an inner lookup per key; the candidate search probes each student once, so the cache only
            // costs (pgbench, the search alone: 815-860 searches a second became 1,075-1,115 with a prepared plan, and
            // 593-665 became 609-767 planned each time)
            if (pg.getOptions() == null) {
                pg.setOptions("-c jit=off -c enable_memoize=off");
            }
            if (settings.user() != null) {
                pg.setUser(settings.user());
            }
            if (settings.password() != null) {
                pg.setPassword(settings.password());
            }
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(settings.user() == null ? "sa" : settings.user());
            h2.setPassword(settings.password() == null ? "" : settings.password());
            return h2;
        }
        throw new IllegalStateException("TP_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL, not " + url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}

package org.talentpipeline.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where reads that tolerate lag go: the read replica when {@code TP_DB_READ_URL} is set (a streaming
 * replica of the primary), else the primary. Its connections are outside any transaction and only
 * read; what was just written, and whatever must be true now (a consent), is read on the primary.
 */
@ApplicationScoped
public class ReadReplica {

    public static final String DATA_SOURCE = "java:app/jdbc/talent-read";

    @Resource(lookup = DATA_SOURCE)
    DataSource replica;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource primary;

    private volatile Boolean configured;

    /** Whether reads go to a replica (and so may lag behind the primary). */
    public boolean configured() {
        Boolean c = configured;
        if (c == null) {
            c = DatabaseSettings.readReplica(ConfigProvider.getConfig(ReadReplica.class.getClassLoader()))
                    .isPresent();
            configured = c;
        }
        return c;
    }

    /** A connection for reads that may lag: to the replica if there is one, else to the primary. */
    public Connection connect() throws SQLException {
        return configured() ? replica.getConnection() : primary.getConnection();
    }
}

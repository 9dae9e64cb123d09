package org.talentpipeline.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection pools Payara keeps for the application's data sources ({@link Migrations}), at
 * {@code /metrics}: connections in use, free, the pool's size and bounds, and the threads waiting
 * for a connection.
 *
 * <p>Payara publishes these figures as monitoring MBeans only with monitoring and AMX switched on
 * (both off in Payara Micro). The pools themselves always know them: this reads each pool's status
 * from Payara's pool manager, found through its service locator. Those are Payara's internal
 * classes, so they are reached by name; on a server without them (or another version where they
 * moved) the pool figures are left out and the rest of {@code /metrics} is unchanged.
 */
@ApplicationScoped
public class ConnectionPools implements MetricSource {

    private static final Logger LOG = Logger.getLogger(ConnectionPools.class.getName());

    /** A pool's figures at one moment. */
    record Figures(int used, int free, int waiting, int steadySize, int maxSize) {}

    /** Loads Payara's classes the way the data source's own implementation was loaded. */
    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    private volatile boolean unavailable;

    @Override
    public void writeTo(PrometheusText out) {
        Map<String, Figures> pools = read();
        if (pools.isEmpty()) {
            return;
        }
        out.type("tp_db_pool_connections_used", "gauge", "database connections in use, by pool");
        pools.forEach((pool, f) -> out.sample("tp_db_pool_connections_used", "pool", pool, f.used()));
        out.type("tp_db_pool_connections_free", "gauge", "open database connections free for use, by pool");
        pools.forEach((pool, f) -> out.sample("tp_db_pool_connections_free", "pool", pool, f.free()));
        out.type("tp_db_pool_connections", "gauge", "open database connections (in use and free), by pool");
        pools.forEach((pool, f) -> out.sample("tp_db_pool_connections", "pool", pool, f.used() + f.free()));
        out.type("tp_db_pool_connections_max", "gauge", "the most connections the pool may open");
        pools.forEach((pool, f) -> out.sample("tp_db_pool_connections_max", "pool", pool, f.maxSize()));
        out.type("tp_db_pool_connections_min", "gauge", "the connections the pool keeps open (its steady size)");
        pools.forEach((pool, f) -> out.sample("tp_db_pool_connections_min", "pool", pool, f.steadySize()));
        out.type("tp_db_pool_waiting_threads", "gauge", "threads waiting for a connection, by pool");
        pools.forEach((pool, f) -> out.sample("tp_db_pool_waiting_threads", "pool", pool, f.waiting()));
    }

    /** The pools by the data source they serve ({@code java:app/jdbc/talent}, ...); empty when they cannot be read. */
    Map<String, Figures> read() {
        Map<String, Figures> figures = new TreeMap<>();
        if (unavailable) {
            return figures;
        }
        try {
            ClassLoader loader = dataSource.getClass().getClassLoader();
            Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", false, loader);
            Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", false, loader);
            Class<?> managerType = Class.forName("com.sun.enterprise.resource.pool.PoolManager", false, loader);
            Class<?> poolType = Class.forName("com.sun.enterprise.resource.pool.ResourcePool", false, loader);
            Class<?> statusType = Class.forName("com.sun.enterprise.resource.pool.PoolStatus", false, loader);
            Class<?> queueType =
                    Class.forName("com.sun.enterprise.resource.pool.waitqueue.PoolWaitQueue", false, loader);
            Class<?> poolInfoType = Class.forName("org.glassfish.resourcebase.resources.api.PoolInfo", false, loader);
            Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
            Object manager = locatorType
                    .getMethod("getService", Class.class, Annotation[].class)
                    .invoke(locator, managerType, new Annotation[0]);
            Field table = field(manager.getClass(), "poolTable");
            Method status = poolType.getMethod("getPoolStatus");
            Method used = statusType.getMethod("getNumConnUsed");
            Method free = statusType.getMethod("getNumConnFree");
            Method queue = poolType.getMethod("getPoolWaitQueue");
            Method queueLength = queueType.getMethod("getQueueLength");
            Method steady = poolType.getMethod("getSteadyPoolSize");
            Method max = poolType.getMethod("getMaxPoolSize");
            Method name = poolInfoType.getMethod("getName");
            for (Map.Entry<?, ?> e : List.copyOf(((Map<?, ?>) table.get(manager)).entrySet())) {
                String pool = label((String) name.invoke(e.getKey()));
                if (pool == null) {
                    continue;
                }
                Object p = e.getValue();
                Object s = status.invoke(p);
                Object q = queue.invoke(p);
                figures.put(
                        pool,
                        new Figures(
                                (Integer) used.invoke(s),
                                (Integer) free.invoke(s),
                                q == null ? 0 : (Integer) queueLength.invoke(q),
                                (Integer) steady.invoke(p),
                                (Integer) max.invoke(p)));
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = true;
            LOG.log(
                    Level.INFO,
                    "/metrics: the connection pools' figures cannot be read on this server and are left out",
                    e);
            figures.clear();
        }
        return figures;
    }

    /**
     * The data source a pool serves, from the name Payara gives the pool of a data source definition
     * (the data source's name with a prefix and suffix of its own); any other pool on the server
     * keeps Payara's name for it.
     */
    static String label(String poolName) {
        for (String source : List.of(ReadReplica.DATA_SOURCE, Migrations.DATA_SOURCE)) {
            String bare = source.substring("java:".length());
            if (poolName.endsWith(source)
                    || poolName.contains(source + "__")
                    || poolName.endsWith(bare)
                    || poolName.contains(bare + "__")) {
                return source;
            }
        }
        return poolName;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}

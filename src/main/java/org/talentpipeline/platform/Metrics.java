package org.talentpipeline.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application's own figures, for {@code /metrics} ({@link MetricsEndpoint}): counters and
 * timers, each a name with at most one label, kept in memory on this node (Prometheus scrapes each
 * node and sums). Recording is a few atomic additions, cheap enough for every search.
 */
@ApplicationScoped
public class Metrics {

    /** A count of events and the total and largest of their durations. */
    public static final class Timer {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final AtomicLong maxNanos = new AtomicLong();

        public void record(long elapsedNanos) {
            count.increment();
            nanos.add(elapsedNanos);
            maxNanos.accumulateAndGet(elapsedNanos, Math::max);
        }

        /** Records the time since {@code startedNanos} (a {@link System#nanoTime()} reading). */
        public void since(long startedNanos) {
            record(System.nanoTime() - startedNanos);
        }
    }

    record Key(String name, String label, String value) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return (name + '\0' + label + '\0' + value).compareTo(o.name + '\0' + o.label + '\0' + o.value);
        }
    }

    private final Map<Key, LongAdder> counters = new ConcurrentSkipListMap<>();
    private final Map<Key, Timer> timers = new ConcurrentSkipListMap<>();
    private final Map<String, String> help = new ConcurrentHashMap<>();

    /** Adds one to a counter ({@code name} ends in {@code _total}). */
    public void count(String name, String help) {
        counter(name, help, null, null).increment();
    }

    /** Adds one to a labelled counter. */
    public void count(String name, String help, String label, String value) {
        counter(name, help, label, value).increment();
    }

    /** The timer of this name ({@code name} ends in {@code _seconds}): {@code _count}, {@code _sum} and {@code _max} series. */
    public Timer timer(String name, String help) {
        this.help.putIfAbsent(name, help);
        return timers.computeIfAbsent(new Key(name, null, null), k -> new Timer());
    }

    private LongAdder counter(String name, String help, String label, String value) {
        this.help.putIfAbsent(name, help);
        return counters.computeIfAbsent(new Key(name, label, value), k -> new LongAdder());
    }

    /** The figures in the Prometheus text format, version 0.0.4. */
    void writeTo(PrometheusText out) {
        String last = null;
        for (Map.Entry<Key, LongAdder> e : counters.entrySet()) {
            Key k = e.getKey();
            if (!k.name.equals(last)) {
                out.type(k.name, "counter", help.get(k.name));
                last = k.name;
            }
            out.sample(k.name, k.label, k.value, e.getValue().sum());
        }
        for (Map.Entry<Key, Timer> e : timers.entrySet()) {
            String name = e.getKey().name;
            Timer t = e.getValue();
            out.type(name, "summary", help.get(name));
            out.sample(name + "_count", null, null, t.count.sum());
            out.sample(name + "_sum", null, null, t.nanos.sum() / 1e9);
            out.type(name + "_max", "gauge", "the longest " + help.get(name));
            out.sample(name + "_max", null, null, t.maxNanos.get() / 1e9);
        }
    }
}

package org.talentpipeline.platform;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Figures as people read them, in one language and time zone: counts with the locale's grouping,
 * points as whole numbers where they are whole (one decimal otherwise), percentiles to one decimal,
 * dates and instants in the locale's medium style and the user's zone, durations in days, hours
 * and minutes. Every page formats through this class (the {@code fmt} bean), so a figure reads the
 * same wherever it appears. Missing values print as a dash.
 */
public final class Figures {

    public static final String MISSING = "–";

    private final Locale locale;
    private final ZoneId zone;

    public Figures(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A count or any whole figure: {@code 12,345}. */
    public String count(Number n) {
        return n == null ? MISSING : NumberFormat.getIntegerInstance(locale).format(Math.round(n.doubleValue()));
    }

    /** Points and scores: {@code 3,973} for 3973.0, {@code 3,973.5} for 3973.46. */
    public String points(Number n) {
        return decimals(n, 0, 1);
    }

    /** A percentile or a share to one decimal: {@code 97.3}. */
    public String percentile(Number n) {
        return decimals(n, 1, 1);
    }

    /** A ratio such as an agreement coefficient: two decimals. */
    public String ratio(Number n) {
        return decimals(n, 2, 2);
    }

    private String decimals(Number n, int min, int max) {
        if (n == null || Double.isNaN(n.doubleValue())) {
            return MISSING;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(min);
        f.setMaximumFractionDigits(max);
        return f.format(n.doubleValue());
    }

    /** A signed change: {@code +12.5}, {@code −3}. */
    public String change(Number n) {
        if (n == null) {
            return MISSING;
        }
        return (n.doubleValue() > 0 ? "+" : "") + points(n);
    }

    /** A day: {@code Dec 6, 2026} / {@code 2026年12月6日}. */
    public String date(LocalDate d) {
        return d == null
                ? MISSING
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(d);
    }

    /** A moment in the user's zone, to the minute: {@code Dec 7, 2026, 6:48 AM} / {@code 2026年12月7日 06:48}. */
    public String instant(Instant i) {
        if (i == null) {
            return MISSING;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .format(i.atZone(zone));
    }

    /** A span: {@code 2 d 3 h}, {@code 5 min}, {@code 12 s} (Chinese: {@code 2天3小时}). */
    public String duration(Duration d) {
        if (d == null) {
            return MISSING;
        }
        boolean zh = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(count(days)).append(zh ? "天" : " d");
        }
        if (hours > 0 && days < 10) {
            out.append(out.isEmpty() || zh ? "" : " ").append(hours).append(zh ? "小时" : " h");
        }
        if (minutes > 0 && days == 0) {
            out.append(out.isEmpty() || zh ? "" : " ").append(minutes).append(zh ? "分钟" : " min");
        }
        if (out.isEmpty()) {
            out.append(d.toSecondsPart()).append(zh ? "秒" : " s");
        }
        return out.toString();
    }
}

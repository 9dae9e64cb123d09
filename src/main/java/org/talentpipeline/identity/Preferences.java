package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.LanguageChosen;
import org.talentpipeline.platform.LocaleSelection;
import org.talentpipeline.platform.NotFound;

/**
 * The language each user reads the pages in, kept on the user: stored when they choose one, handed
 * to their session when they sign in (through the session attributes {@link LocaleSelection} reads).
 * A bulk update, so that choosing a language never collides with an administrator's edit of the
 * account (the user's version is not bumped).
 */
@ApplicationScoped
public class Preferences {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Transactional
    public void keep(@Observes LanguageChosen chosen) {
        String username = currentUser.getUsername();
        if (username == null) {
            return;
        }
        em.createQuery("update User u set u.language = :language where u.username = :username")
                .setParameter("language", chosen.locale().toLanguageTag())
                .setParameter("username", username)
                .executeUpdate();
    }

    /** The stored language and zone of a user who just signed in, as session attributes. */
    /** A user's language ({@code en} or {@code zh-CN}) and time zone (an IANA name); null where the user chose none. */
    public record Settings(String language, String timeZone) {}

    @Inject
    Access access;

    /** The caller's own settings as stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Settings mine() {
        String username = access.require(Operation.OWN_ACCOUNT).username();
        return em.createQuery("select u.language, u.timeZone from User u where u.username = :username", Object[].class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .map(row -> new Settings((String) row[0], (String) row[1]))
                .orElseThrow(() -> new NotFound("user " + username));
    }

    /**
     * Keeps the caller's language and time zone (blank: the browser's language, the platform's zone).
     * A language other than English or Simplified Chinese, or a zone that is not an IANA region
     * name or UTC, is refused naming its field; nothing is stored then.
     */
    @Transactional
    public Settings save(Settings wanted) {
        String username = access.require(Operation.OWN_ACCOUNT).username();
        String language = blankToNull(wanted == null ? null : wanted.language());
        String zone = blankToNull(wanted == null ? null : wanted.timeZone());
        List<FieldProblem> problems = new ArrayList<>();
        if (language != null
                && LocaleSelection.SUPPORTED.stream()
                        .noneMatch(l -> l.toLanguageTag().equals(language))) {
            problems.add(new FieldProblem("language", "must be one of en, zh-CN"));
        }
        if (zone != null && !zones().contains(zone)) {
            problems.add(new FieldProblem("timeZone", "is not a time zone (such as Asia/Shanghai or UTC)"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        em.createQuery("update User u set u.language = :language, u.timeZone = :zone where u.username = :username")
                .setParameter("language", language)
                .setParameter("zone", zone)
                .setParameter("username", username)
                .executeUpdate();
        return new Settings(language, zone);
    }

    /**
     * The language the caller reads in: the one they chose, else {@code otherwise} (what their
     * browser asks for). For what is written for them outside a page (a letter).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Locale readerLanguage(Locale otherwise) {
        String language = mine().language();
        return language != null ? Locale.forLanguageTag(language) : otherwise;
    }

    /** The zones a user may choose: IANA's region names (Asia/Shanghai) and UTC, in order. */
    public static List<String> zones() {
        return ZONES;
    }

    private static final List<String> ZONES = Stream.concat(
                    Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                            .sorted())
            .toList();

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void handOver(String username, HttpSession session) {
        em.createQuery("select u.language, u.timeZone from User u where u.username = :username", Object[].class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .ifPresent(row -> {
                    if (row[0] != null) {
                        session.setAttribute(LocaleSelection.STORED_LANGUAGE, row[0]);
                    }
                    if (row[1] != null) {
                        session.setAttribute(LocaleSelection.STORED_ZONE, row[1]);
                    }
                });
    }
}

package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.talentpipeline.platform.LanguageChosen;
import org.talentpipeline.platform.LocaleSelection;

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
                .setParameter("language", chosen.locale().toLanguageTag()).setParameter("username", username).executeUpdate();
    }

    /** The stored language and zone of a user who just signed in, as session attributes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    void handOver(String username, jakarta.servlet.http.HttpSession session) {
        em.createQuery("select u.language, u.timeZone from User u where u.username = :username", Object[].class)
                .setParameter("username", username).getResultStream().findFirst().ifPresent(row -> {
                    if (row[0] != null) {
                        session.setAttribute(LocaleSelection.STORED_LANGUAGE, row[0]);
                    }
                    if (row[1] != null) {
                        session.setAttribute(LocaleSelection.STORED_ZONE, row[1]);
                    }
                });
    }
}

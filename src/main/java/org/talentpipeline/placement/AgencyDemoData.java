package org.talentpipeline.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.talentpipeline.identity.IdentityDemoData;
import org.talentpipeline.identity.NewUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.platform.DemoSeed;

/** Two demo agencies and the first one's recruiter. */
@ApplicationScoped
public class AgencyDemoData implements DemoSeed {

    public static final String FIRST_AGENCY = "NCSC";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void seed() {
        Instant now = Instant.now(clock);
        em.persist(new Agency(FIRST_AGENCY, "National Cyber Security Centre", now));
        em.persist(new Agency("CERT", "National Computer Emergency Response Team", now));
        em.flush();
        users.create(new NewUser("recruiter", IdentityDemoData.PASSWORD, Set.of(Role.RECRUITER), null, FIRST_AGENCY));
    }
}

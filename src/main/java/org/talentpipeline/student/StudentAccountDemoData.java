package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import org.talentpipeline.identity.IdentityDemoData;
import org.talentpipeline.identity.NewUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.platform.DemoSeed;

/**
 * The demo schools approve the demo agencies (as the migration approved the agencies of its day),
 * and one demo student has an account: {@code student}, linked to XDU's first consenting student by
 * name.
 */
@ApplicationScoped
public class StudentAccountDemoData implements DemoSeed {

    /** The demo student's user name. */
    public static final String USERNAME = "student";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Override
    public int order() {
        // after schools (10), agencies (20) and students (30); before placements (60)
        return 35;
    }

    @Override
    public void seed() {
        em.createNativeQuery(
                        "insert into school_agency (school_id, agency_code) select s.id, a.code from school s cross join"
                                + " agency a where not exists (select 1 from school_agency x where x.school_id = s.id and x.agency_code = a.code)")
                .executeUpdate();
        Student first = em.createQuery(
                        "select s from Student s where s.school.code = 'XDU' and s.consentToShare = true"
                                + " order by s.nameKey, s.id",
                        Student.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (first == null) {
            return;
        }
        users.create(new NewUser(USERNAME, IdentityDemoData.PASSWORD, Set.of(Role.STUDENT), null, null));
        first.linkAccount(USERNAME);
    }
}

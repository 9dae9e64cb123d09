package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.talentpipeline.platform.DemoSeed;

/** The platform-wide demo users; school and agency users come with their school and agency. */
@ApplicationScoped
public class IdentityDemoData implements DemoSeed {

    /** Every demo user's password, printed in the README. */
    public static final String PASSWORD = "talent-demo";

    @Inject
    UserService users;

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void seed() {
        users.create(new NewUser("admin", PASSWORD, Set.of(Role.ADMIN), null, null));
        users.create(new NewUser("evaluator", PASSWORD, Set.of(Role.EVALUATOR), null, null));
        users.create(new NewUser("reviewer", PASSWORD, Set.of(Role.REVIEWER), null, null));
    }
}

package org.talentpipeline.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.talentpipeline.identity.IdentityDemoData;
import org.talentpipeline.identity.NewUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.platform.DemoSeed;

/** Five demo schools in five regions, their programmes, and the first school's admin. */
@ApplicationScoped
public class SchoolDemoData implements DemoSeed {

    /** The school whose admin is the demo user {@code school_admin}. */
    public static final String FIRST_SCHOOL = "XDU";
    /** The demo schools' codes: other areas seed their demo data into these, never into others. */
    public static final List<String> CODES = List.of(FIRST_SCHOOL, "SJTU", "WHU", "CDVTC", "SZMS");

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void seed() {
        Instant now = Instant.now(clock);
        List<School> schools = List.of(
                new School(
                        FIRST_SCHOOL,
                        "Xidian University",
                        "西安电子科技大学",
                        "Northwest",
                        "Xi'an",
                        SchoolType.UNIVERSITY,
                        now),
                new School(
                        "SJTU",
                        "Shanghai Jiao Tong University",
                        "上海交通大学",
                        "East",
                        "Shanghai",
                        SchoolType.UNIVERSITY,
                        now),
                new School("WHU", "Wuhan University", "武汉大学", "Central", "Wuhan", SchoolType.UNIVERSITY, now),
                new School(
                        "CDVTC",
                        "Chengdu Vocational and Technical College",
                        "成都职业技术学院",
                        "Southwest",
                        "Chengdu",
                        SchoolType.VOCATIONAL,
                        now),
                new School("SZMS", "Shenzhen Middle School", "深圳中学", "South", "Shenzhen", SchoolType.SECONDARY, now));
        for (School school : schools) {
            em.persist(school);
            for (String[] program : programsOf(school.getType())) {
                em.persist(new Program(school, program[0], program[1]));
            }
        }
        em.flush();
        users.create(
                new NewUser("school_admin", IdentityDemoData.PASSWORD, Set.of(Role.SCHOOL_ADMIN), FIRST_SCHOOL, null));
    }

    private static List<String[]> programsOf(SchoolType type) {
        return switch (type) {
            case SECONDARY ->
                List.of(
                        new String[] {"Computing Club Track", "SECONDARY"},
                        new String[] {"Science and Technology Class", "SECONDARY"});
            case VOCATIONAL ->
                List.of(
                        new String[] {"Network Security Operations", "DIPLOMA"},
                        new String[] {"Information Security Technology", "DIPLOMA"});
            default ->
                List.of(
                        new String[] {"Cyberspace Security", "BACHELOR"},
                        new String[] {"Information Security", "BACHELOR"},
                        new String[] {"Computer Science and Technology", "BACHELOR"},
                        new String[] {"Cyberspace Security (Master)", "MASTER"});
        };
    }
}

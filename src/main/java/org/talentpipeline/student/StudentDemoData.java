package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.talentpipeline.platform.DemoSeed;
import org.talentpipeline.school.Program;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolType;

/** Sixty students for every demo school, with ages that fit the school (minors at the secondary school). */
@ApplicationScoped
public class StudentDemoData implements DemoSeed {

    static final int PER_SCHOOL = 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed() {
        Random random = new Random(20261126L);
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<School> schools = em.createQuery("select s from School s order by s.code", School.class).getResultList();
        for (School school : schools) {
            List<Program> programs = em.createQuery("select p from Program p where p.school = :s order by p.name", Program.class)
                    .setParameter("s", school).getResultList();
            boolean secondary = school.getType() == SchoolType.SECONDARY;
            for (int i = 1; i <= PER_SCHOOL; i++) {
                int age = secondary ? 12 + random.nextInt(6) : 18 + random.nextInt(6);
                LocalDate born = today.minusYears(age).minusDays(1 + random.nextInt(364));
                int yearInSchool = random.nextInt(secondary ? 3 : 4);
                int enrolled = today.getYear() - yearInSchool;
                int graduates = enrolled + (secondary ? 3 : 4);
                String number = String.format(Locale.ROOT, "%d%04d", enrolled, i);
                String email = number + "@" + school.getCode().toLowerCase(Locale.ROOT) + ".example.edu";
                Program program = programs.get(random.nextInt(programs.size()));
                boolean consents = random.nextDouble() < (age < 14 ? 0.0 : 0.7);
                em.persist(new Student(school, number, PersonNames.next(random, 0.8), born, email, program, enrolled,
                        graduates, consents, now));
            }
        }
    }
}

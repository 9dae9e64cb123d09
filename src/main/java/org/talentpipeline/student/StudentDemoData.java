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
import java.util.Set;
import java.util.TreeSet;
import org.talentpipeline.platform.DemoSeed;
import org.talentpipeline.school.Program;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolDemoData;
import org.talentpipeline.school.SchoolType;

/** Sixty students for every demo school, with ages that fit the school (minors at the secondary school). */
@ApplicationScoped
public class StudentDemoData implements DemoSeed {

    static final int PER_SCHOOL = 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private static final String[][] CERTIFICATIONS = {
        {"CompTIA Security+", "CompTIA"},
        {"OSCP", "OffSec"},
        {"CISP", "CNITSEC"},
        {"CEH", "EC-Council"},
        {"GIAC GPEN", "GIAC"},
        {"CCNA Security", "Cisco"}
    };
    private static final String[] SKILLS = {
        "PD-WRL-001",
        "PD-WRL-003",
        "PD-WRL-004",
        "PD-WRL-005",
        "IN-WRL-001",
        "DD-WRL-007",
        "web",
        "pwn",
        "crypto",
        "forensics",
        "reverse engineering",
        "cloud security"
    };

    private static List<StudentInput.CertificationInput> certifications(
            Random random, boolean secondary, LocalDate today) {
        if (secondary || random.nextDouble() > 0.15) {
            return List.of();
        }
        String[] c = CERTIFICATIONS[random.nextInt(CERTIFICATIONS.length)];
        return List.of(new StudentInput.CertificationInput(c[0], c[1], today.minusDays(30 + random.nextInt(700))));
    }

    private static Set<String> skills(Random random) {
        Set<String> skills = new TreeSet<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            skills.add(SKILLS[random.nextInt(SKILLS.length)]);
        }
        return skills;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed() {
        Random random = new Random(20261126L);
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<School> schools = em.createQuery(
                        "select s from School s where s.code in :codes order by s.code", School.class)
                .setParameter("codes", SchoolDemoData.CODES)
                .getResultList();
        for (School school : schools) {
            List<Program> programs = em.createQuery(
                            "select p from Program p where p.school = :s order by p.name", Program.class)
                    .setParameter("s", school)
                    .getResultList();
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
                String name = PersonNames.next(random, 0.8);
                Student student =
                        new Student(school, number, name, born, email, program, enrolled, graduates, false, now);
                student.update(
                        new StudentInput(
                                number,
                                name,
                                born,
                                email,
                                program.getName(),
                                enrolled,
                                graduates,
                                StudentStatus.ENROLLED,
                                null,
                                certifications(random, secondary, today),
                                skills(random)),
                        program,
                        now);
                em.persist(student);
                if (random.nextDouble() < (age < AgeRules.AGE_OF_DIGITAL_CONSENT ? 0.3 : 0.7)) {
                    // the youngest share only where a guardian agreed
                    student.recordConsent(
                            true,
                            age < AgeRules.AGE_OF_DIGITAL_CONSENT,
                            "school_admin",
                            now.minusSeconds(86_400L * (1 + random.nextInt(300))),
                            Consent.Source.FORM,
                            null,
                            today);
                }
            }
        }
    }
}

package org.talentpipeline.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.talentpipeline.competition.CompetitionDemoData;
import org.talentpipeline.competition.EventInput;
import org.talentpipeline.competition.EventService;
import org.talentpipeline.competition.Format;
import org.talentpipeline.competition.Level;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.IdentityDemoData;
import org.talentpipeline.identity.NewUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.platform.DemoSeed;
import org.talentpipeline.school.SchoolDemoData;

/**
 * A judged demo event: a forensics report award with a three-criterion rubric, three judges (the
 * demo evaluator and two more, affiliated with other schools) scoring eight entries, published.
 */
@ApplicationScoped
public class EvaluationDemoData implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventService events;

    @Inject
    JudgingService judging;

    @Inject
    UserService users;

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void seed() {
        users.create(new NewUser("judge_li", IdentityDemoData.PASSWORD, Set.of(Role.EVALUATOR), "SJTU", null));
        users.create(new NewUser("judge_chen", IdentityDemoData.PASSWORD, Set.of(Role.EVALUATOR), "WHU", null));
        String code = "XDU-FORENSICS-2026";
        events.create(
                CompetitionDemoData.SEEDER,
                new EventInput(
                        code,
                        "Digital Forensics Report Award 2026",
                        "DFRA",
                        "Digital Forensics Report Award",
                        "Xidian University",
                        Level.REGIONAL,
                        Format.JUDGED,
                        null,
                        LocalDate.of(2026, 5, 20),
                        LocalDate.of(2026, 5, 20),
                        List.of(new EventInput.Category("forensics", "PD-WRL-002")),
                        null));
        judging.defineRubric(
                CompetitionDemoData.SEEDER,
                code,
                List.of(
                        new Rubric.Criterion("analysis", 3, 10),
                        new Rubric.Criterion("evidence handling", 2, 10),
                        new Rubric.Criterion("report", 1, 10)));
        em.flush();
        List<String> entries = em.createQuery(
                        "select concat(concat(s.school.code, '/'), s.studentNumber) from Student s"
                                + " where s.school.code = :code order by s.studentNumber desc",
                        String.class)
                .setParameter("code", SchoolDemoData.FIRST_SCHOOL)
                .setMaxResults(8)
                .getResultList();
        Random random = new Random(77);
        String[][] judges = {{"evaluator", null}, {"judge_li", "SJTU"}, {"judge_chen", "WHU"}};
        for (String[] judge : judges) {
            judging.assign(CompetitionDemoData.SEEDER, code, judge[0], entries);
        }
        for (int e = 0; e < entries.size(); e++) {
            double merit = 9 - e * 0.8;
            for (String[] judge : judges) {
                double severity = judge[0].equals("judge_li") ? -1.5 : judge[0].equals("judge_chen") ? 0.5 : 0;
                judging.score(
                        new Caller(judge[0], Set.of(Role.EVALUATOR), judge[1], null),
                        code,
                        entries.get(e),
                        Map.of(
                                "analysis", clamp(merit + severity + random.nextGaussian() * 0.6),
                                "evidence handling", clamp(merit + severity + random.nextGaussian() * 0.8),
                                "report", clamp(merit + severity + random.nextGaussian())));
            }
        }
        judging.publish(CompetitionDemoData.SEEDER, code);
    }

    private static double clamp(double v) {
        return Math.round(Math.max(0, Math.min(10, v)) * 2) / 2.0;
    }
}

package org.talentpipeline.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.talentpipeline.identity.IdentityDemoData;
import org.talentpipeline.identity.NewUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.platform.DemoSeed;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.school.SchoolView;

/**
 * The programme's criteria and two cycles (last year's, closed; this year's, open), reviewers, and
 * three cases that went through the rules: XDU certified last cycle, WHU rejected with findings,
 * SJTU under review in this cycle with one of its two reviews in. Dates are relative to the day
 * of seeding.
 */
@ApplicationScoped
public class CertificationDemoData implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    SchoolService schools;

    @Inject
    PipelineEvidence pipeline;

    @Inject
    Clock clock;

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void seed() {
        users.create(new NewUser("reviewer_wang", IdentityDemoData.PASSWORD, Set.of(Role.REVIEWER), null, null));
        // affiliated with XDU: the rule keeps them off XDU's cases
        users.create(new NewUser("reviewer_xdu", IdentityDemoData.PASSWORD, Set.of(Role.REVIEWER), "XDU", null));
        users.create(new NewUser("school_sjtu", IdentityDemoData.PASSWORD, Set.of(Role.SCHOOL_ADMIN), "SJTU", null));
        users.create(new NewUser("school_whu", IdentityDemoData.PASSWORD, Set.of(Role.SCHOOL_ADMIN), "WHU", null));

        List<Criterion> criteria = List.of(
                criterion(
                        "CURRICULUM",
                        "Curriculum coverage of NICE work roles",
                        "Which NICE Framework work roles the programmes prepare for, with course maps.",
                        25,
                        true,
                        1),
                criterion(
                        "FACULTY",
                        "Faculty",
                        "Teaching staff in cybersecurity, their qualifications and research.",
                        15,
                        true,
                        2),
                criterion(
                        "LABS",
                        "Labs and a cyber defence centre",
                        "Hands-on facilities: ranges, labs, a security operations or cyber defence centre.",
                        15,
                        true,
                        3),
                criterion(
                        "COMPETITIONS",
                        "Students' competition results",
                        "How the school's students take part and place in competitions (see the computed evidence).",
                        20,
                        false,
                        4),
                criterion(
                        "OUTREACH",
                        "Outreach and industry partnership",
                        "Work with secondary schools, the community, agencies and industry.",
                        10,
                        false,
                        5),
                criterion(
                        "PLACEMENT",
                        "Graduates placed",
                        "Where graduates go to work in cybersecurity (see the computed evidence).",
                        15,
                        false,
                        6));
        criteria.forEach(em::persist);

        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        Cycle last = new Cycle(
                String.valueOf(year - 1),
                "Cycle " + (year - 1),
                today.minusDays(400),
                today.minusDays(250),
                Cycle.DEFAULT_PERIOD_YEARS,
                BigDecimal.valueOf(70));
        Cycle current = new Cycle(
                String.valueOf(year),
                "Cycle " + year,
                today.minusDays(60),
                today.plusDays(120),
                Cycle.DEFAULT_PERIOD_YEARS,
                BigDecimal.valueOf(70));
        em.persist(last);
        em.persist(current);
        em.flush();

        Application xdu = submitted("XDU", "school_admin", last, criteria, today.minusDays(300));
        xdu.assign("reviewer", null, "admin", at(today.minusDays(290)));
        xdu.assign("reviewer_wang", null, "admin", at(today.minusDays(290)));
        xdu.score("reviewer", null, scores(criteria, 4, 5, 4, 5, 4, 4), at(today.minusDays(260)));
        xdu.score("reviewer_wang", null, scores(criteria, 5, 4, 4, 5, 3, 4), at(today.minusDays(255)));
        xdu.decide(
                ApplicationState.CERTIFIED,
                "Certified for the full period.",
                List.of(new FindingInput(
                        "OUTREACH", "CONCERN", "Outreach to secondary schools rests on one staff member.")),
                today.minusDays(200),
                "admin",
                at(today.minusDays(200)));
        xdu.getSchool()
                .recordCertification(
                        SchoolView.Certification.CERTIFIED, xdu.getCertifiedFrom(), xdu.getCertifiedUntil());

        Application whu = submitted("WHU", "school_whu", last, criteria, today.minusDays(280));
        whu.assign("reviewer", null, "admin", at(today.minusDays(275)));
        whu.assign("reviewer_xdu", "XDU", "admin", at(today.minusDays(275)));
        whu.score("reviewer", null, scores(criteria, 3, 3, 1, 4, 2, 3), at(today.minusDays(240)));
        whu.score("reviewer_xdu", "XDU", scores(criteria, 3, 2, 2, 4, 3, 2), at(today.minusDays(238)));
        whu.decide(
                ApplicationState.REJECTED,
                "The school may apply again once the labs are in place.",
                List.of(
                        new FindingInput(
                                "LABS", "DEFICIENCY", "No cyber range or defence centre is available to students."),
                        new FindingInput("FACULTY", "WEAKNESS", "Two of five courses rely on visiting lecturers."),
                        new FindingInput("OUTREACH", "CONCERN", "No industry partnership is documented.")),
                today.minusDays(190),
                "admin",
                at(today.minusDays(190)));

        Application sjtu = submitted("SJTU", "school_sjtu", current, criteria, today.minusDays(20));
        sjtu.assign("reviewer", null, "admin", at(today.minusDays(15)));
        sjtu.assign("reviewer_wang", null, "admin", at(today.minusDays(15)));
        sjtu.score("reviewer_wang", null, scores(criteria, 5, 4, 5, 5, 4, 4), at(today.minusDays(5)));
    }

    private static Criterion criterion(
            String code, String title, String description, int weight, boolean required, int position) {
        return new Criterion(code, title, description, BigDecimal.valueOf(weight), 5, required, position);
    }

    /** A school's application, documented and submitted on {@code day}. */
    private Application submitted(String code, String actor, Cycle cycle, List<Criterion> criteria, LocalDate day) {
        School school = schools.find(code);
        Application application = new Application(school, cycle, criteria, actor, at(day.minusDays(14)));
        em.persist(application);
        em.flush();
        application.write(application.getEvidence().stream()
                .collect(Collectors.toMap(
                        Evidence::getCode,
                        part -> school.getName() + ": " + part.getTitle().toLowerCase(Locale.ROOT)
                                + ", as the attached document sets out.")));
        for (Evidence part : application.getEvidence()) {
            if (part.isEvidenceRequired()) {
                byte[] pdf = document(school.getName() + " - " + part.getTitle());
                em.persist(new EvidenceDocument(
                        part,
                        DocumentUpload.read(
                                part.getCode().toLowerCase(Locale.ROOT) + ".pdf", new ByteArrayInputStream(pdf)),
                        actor,
                        at(day.minusDays(7))));
            }
        }
        em.flush();
        Set<String> documented = application.getEvidence().stream()
                .filter(Evidence::isEvidenceRequired)
                .map(Evidence::getCode)
                .collect(Collectors.toSet());
        application.submit(day, criteria, documented, pipeline.figures(school, day), actor, at(day));
        return application;
    }

    private static Map<String, ScoreInput> scores(List<Criterion> criteria, int... scores) {
        Map<String, ScoreInput> given = new LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            String code = criteria.get(i).getCode();
            given.put(
                    code,
                    new ScoreInput(code, scores[i], scores[i] >= 4 ? "Well evidenced." : "Evidence is thin here."));
        }
        return given;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    /** A one-page PDF standing for a school's uploaded document. */
    private static byte[] document(String title) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 700);
                text.showText(title);
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

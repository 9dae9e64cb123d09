package org.talentpipeline.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.talentpipeline.platform.DemoSeed;

/**
 * Demo positions of both agencies and placements of consenting demo students at every stage, the
 * moves spread over the last months: the board, the funnel and the time to placement have
 * something to show.
 */
@ApplicationScoped
public class PlacementDemoData implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void seed() {
        Agency ncsc = em.createNamedQuery("Agency.findByCode", Agency.class)
                .setParameter("code", "NCSC")
                .getSingleResult();
        Agency cert = em.createNamedQuery("Agency.findByCode", Agency.class)
                .setParameter("code", "CERT")
                .getSingleResult();
        Instant start = Instant.parse("2026-06-01T09:00:00Z");
        JobPosition analyst = new JobPosition(
                ncsc, "Cyber Defense Analyst", "PD-WRL-001", List.of("forensics", "web"), 3, "Beijing", start);
        JobPosition pentester = new JobPosition(
                ncsc, "Vulnerability Analyst", "PD-WRL-007", List.of("pwn", "web"), 2, "Shanghai", start);
        JobPosition responder =
                new JobPosition(cert, "Incident Responder", "PD-WRL-004", List.of("forensics"), 2, "Wuhan", start);
        em.persist(analyst);
        em.persist(pentester);
        em.persist(responder);
        @SuppressWarnings("unchecked")
        List<Number> consenting = em.createNativeQuery(
                        "select st.id from student st join result r on r.student_id = st.id"
                                + " join competition_event e on e.id = r.event_id where e.code = 'NCSC-2025' and st.consent_to_share = true"
                                + " and st.date_of_birth < '2008-01-01' order by r.place")
                .setMaxResults(14)
                .getResultList();
        Stage[][] paths = {
            {Stage.CONTACTED, Stage.INTERVIEWING, Stage.OFFERED, Stage.PLACED},
            {Stage.CONTACTED, Stage.INTERVIEWING, Stage.OFFERED, Stage.PLACED},
            {Stage.CONTACTED, Stage.INTERVIEWING, Stage.OFFERED},
            {Stage.CONTACTED, Stage.INTERVIEWING},
            {Stage.CONTACTED, Stage.DECLINED},
            {Stage.CONTACTED},
            {},
        };
        for (int i = 0; i < consenting.size(); i++) {
            JobPosition position = i < 7 ? analyst : i < 11 ? pentester : responder;
            String recruiter = position == responder ? "admin" : "recruiter";
            Instant at = start.plus(i * 3L, ChronoUnit.DAYS);
            Placement placement =
                    new Placement(position, consenting.get(i).longValue(), recruiter, "from NCSC-2025", at);
            for (Stage stage : paths[i % paths.length]) {
                at = at.plus(9, ChronoUnit.DAYS);
                placement.moveTo(stage, recruiter, null, at);
            }
            em.persist(placement);
        }
    }
}

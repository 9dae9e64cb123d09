package org.talentpipeline.competition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.DemoSeed;
import org.talentpipeline.school.SchoolDemoData;

/**
 * Demo competitions with results in every format: a national CTF ranking with category points, a
 * school CTF's solve log, a regional attack-defence event of teams (JSON with members), and a CTFd
 * scoreboard export.
 */
@ApplicationScoped
public class CompetitionDemoData implements DemoSeed {

    /** Who seeds the demo data: nobody signed in, so the system, with the policy's checks as for an ADMIN. */
    public static final Caller SEEDER = new Caller("system", Set.of(Role.ADMIN), null, null);

    @PersistenceContext
    EntityManager em;

    @Inject
    EventService events;

    @Inject
    ResultService results;

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void seed() {
        em.flush();
        Random random = new Random(4242);
        List<String> all = new ArrayList<>(em.createQuery(
                        "select concat(concat(s.school.code, '/'), s.studentNumber)"
                                + " from Student s where s.school.code in :codes order by s.id",
                        String.class)
                .setParameter("codes", SchoolDemoData.CODES)
                .getResultList());
        List<String> xdu = all.stream()
                .filter(r -> r.startsWith(SchoolDemoData.FIRST_SCHOOL + "/"))
                .toList();

        events.create(
                SEEDER,
                new EventInput(
                        "NCSC-2025",
                        "National Cyber Security Challenge 2025",
                        "NCSC-CTF",
                        "National Cyber Security Challenge",
                        "National Cyber Security Centre",
                        Level.NATIONAL,
                        Format.JEOPARDY,
                        null,
                        LocalDate.of(2025, 10, 11),
                        LocalDate.of(2025, 10, 12),
                        List.of(
                                new EventInput.Category("web", "DD-WRL-005"),
                                new EventInput.Category("pwn", "PD-WRL-007"),
                                new EventInput.Category("crypto", "DD-WRL-003"),
                                new EventInput.Category("forensics", "PD-WRL-002")),
                        null));
        List<String> field = new ArrayList<>(all);
        Collections.shuffle(field, random);
        StringBuilder ranking = new StringBuilder(
                "place,competitor,points,category:web,category:pwn,category:crypto,category:forensics\n");
        int points = 4000;
        for (int i = 0; i < 150; i++) {
            points -= random.nextInt(40);
            int web = random.nextInt(points / 2 + 1);
            int pwn = random.nextInt(points - web + 1);
            int crypto = random.nextInt(points - web - pwn + 1);
            ranking.append(i + 1)
                    .append(',')
                    .append(field.get(i))
                    .append(',')
                    .append(points)
                    .append(',')
                    .append(web)
                    .append(',')
                    .append(pwn)
                    .append(',')
                    .append(crypto)
                    .append(',')
                    .append(points - web - pwn - crypto)
                    .append('\n');
        }
        post("NCSC-2025", ResultFormats.Kind.RANKING, true, ranking.toString());

        events.create(
                SEEDER,
                new EventInput(
                        "XDU-2026-SPRING",
                        "Xidian Spring CTF 2026",
                        "XDU-CTF",
                        "Xidian CTF",
                        "Xidian University",
                        Level.SCHOOL,
                        Format.JEOPARDY,
                        null,
                        LocalDate.of(2026, 4, 18),
                        LocalDate.of(2026, 4, 18),
                        List.of(
                                new EventInput.Category("web", "DD-WRL-005"),
                                new EventInput.Category("pwn", "PD-WRL-007"),
                                new EventInput.Category("misc", null)),
                        null));
        StringBuilder log = new StringBuilder("challenge,category,competitor,time,points\n");
        Instant start = Instant.parse("2026-04-18T01:00:00Z");
        String[][] challenges = {
            {"sqli-101", "web", "100"},
            {"xss-lab", "web", "200"},
            {"ret2win", "pwn", "200"},
            {"heap-note", "pwn", "500"},
            {"qr-puzzle", "misc", "100"},
            {"jail", "misc", "300"}
        };
        for (String competitor : xdu.subList(0, 40)) {
            int skill = random.nextInt(challenges.length + 1);
            for (int c = 0; c < skill; c++) {
                log.append(challenges[c][0])
                        .append(',')
                        .append(challenges[c][1])
                        .append(',')
                        .append(competitor)
                        .append(',')
                        .append(start.plusSeconds(600L * c + random.nextInt(600)))
                        .append(',')
                        .append(challenges[c][2])
                        .append('\n');
            }
        }
        post("XDU-2026-SPRING", ResultFormats.Kind.SOLVES, true, log.toString());

        events.create(
                SEEDER,
                new EventInput(
                        "NW-AD-2026",
                        "Northwest Attack-Defence 2026",
                        "NW-AD",
                        "Northwest Attack-Defence",
                        "Northwest Cyber Security Association",
                        Level.REGIONAL,
                        Format.ATTACK_DEFENSE,
                        null,
                        LocalDate.of(2026, 3, 7),
                        LocalDate.of(2026, 3, 8),
                        List.of(
                                new EventInput.Category("attack", "PD-WRL-007"),
                                new EventInput.Category("defence", "PD-WRL-001")),
                        null));
        StringBuilder teams = new StringBuilder("[");
        String[] names = {
            "Stack Smashers",
            "0xDEADBEEF",
            "Null Pointers",
            "Root Cause",
            "Blue Lotus Jr",
            "Segfault",
            "Kernel Panic",
            "Red Lantern"
        };
        for (int t = 0; t < names.length; t++) {
            int attack = 3000 - t * 250 + random.nextInt(100);
            int defence = 2000 - t * 150 + random.nextInt(100);
            teams.append(t == 0 ? "" : ",")
                    .append("{\"place\":")
                    .append(t + 1)
                    .append(",\"competitor\":\"")
                    .append(names[t])
                    .append("\",\"points\":")
                    .append(attack + defence)
                    .append(",\"members\":[\"")
                    .append(xdu.get(40 + t * 2))
                    .append("\",\"")
                    .append(xdu.get(41 + t * 2))
                    .append("\"],\"categories\":{\"attack\":")
                    .append(attack)
                    .append(",\"defence\":")
                    .append(defence)
                    .append("}}");
        }
        post("NW-AD-2026", ResultFormats.Kind.RANKING, false, teams.append(']').toString());

        events.create(
                SEEDER,
                new EventInput(
                        "SJTU-0CTF-2026",
                        "Shanghai 0CTF Qualifier 2026",
                        "SJTU-0CTF",
                        "0CTF",
                        "Shanghai Jiao Tong University",
                        Level.INTERNATIONAL,
                        Format.JEOPARDY,
                        null,
                        LocalDate.of(2026, 6, 20),
                        LocalDate.of(2026, 6, 21),
                        List.of(),
                        null));
        List<String> sjtu = all.stream().filter(r -> r.startsWith("SJTU/")).toList();
        StringBuilder ctfd = new StringBuilder("{\"success\":true,\"data\":[");
        for (int t = 0; t < 6; t++) {
            ctfd.append(t == 0 ? "" : ",")
                    .append("{\"pos\":")
                    .append(t + 1)
                    .append(",\"account_id\":")
                    .append(t + 10)
                    .append(",\"account_url\":\"/teams/")
                    .append(t + 10)
                    .append("\",\"account_type\":\"team\",\"oauth_id\":null,")
                    .append("\"name\":\"SJTU Team ")
                    .append((char) ('A' + t))
                    .append("\",\"score\":")
                    .append(2400 - t * 300)
                    .append(",\"members\":[{\"id\":")
                    .append(t * 3 + 1)
                    .append(",\"oauth_id\":null,\"name\":\"")
                    .append(sjtu.get(t * 3))
                    .append("\",\"score\":800},{\"id\":")
                    .append(t * 3 + 2)
                    .append(",\"oauth_id\":null,\"name\":\"")
                    .append(sjtu.get(t * 3 + 1))
                    .append("\",\"score\":600}]}");
        }
        post("SJTU-0CTF-2026", ResultFormats.Kind.CTFD, false, ctfd.append("]}").toString());
    }

    private void post(String event, ResultFormats.Kind kind, boolean csv, String body) {
        try {
            ResultPost post = results.post(
                    SEEDER, event, kind, csv, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            if (!post.succeeded()) {
                throw new IllegalStateException("demo results for " + event + " rejected: " + post);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.talentpipeline.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.talentpipeline.competition.Solve;
import org.talentpipeline.competition.SolvesStored;
import org.talentpipeline.competition.Submission;
import org.talentpipeline.competition.TeamFlag;
import org.talentpipeline.competition.TeamRule;

/**
 * Generated events with known cheating, for the detectors' tests and benchmark. Each competitor is
 * one student in a team of their own (CTFd's user mode), with a skill; challenges have a difficulty
 * and are released in three waves (start, +2 h, +4 h of an 8-hour event), so that honest solves
 * crowd at the releases as real ones do. A competitor works through the open challenges easiest
 * first, each taking a log-normal time that grows with difficulty and shrinks with skill; they solve
 * it with a probability falling with difficulty over skill, else give up after a while.
 * <ul>
 * <li>sharing pairs: the receiver submits the giver's flag {@code 3-25 s} after the giver's solve, for
 * a share ({@code rate}) of the giver's solves; half the time they first paste the giver's own dynamic
 * flag, which CTFd judges wrong;</li>
 * <li>speed cheaters: a share ({@code rate}) of their solves come {@code 10-90 s} after their previous
 * one, whatever the difficulty (a flag bought outside).</li>
 * </ul>
 */
public final class SolveLogs {

    /** A generated event: its evidence, and the truth about it. */
    public record Generated(
            Evidence evidence, Set<String> sharingPairs, Set<String> speedCheaters, List<String> actors) {}

    private final Random random;

    public SolveLogs(long seed) {
        this.random = new Random(seed);
    }

    public Generated event(
            String code, int competitors, int challenges, int sharingPairs, int speedCheaters, double rate) {
        Instant start = Instant.parse("2026-05-01T08:00:00Z");
        long end = 8 * 3600;
        double[] difficulty = new double[challenges];
        long[] release = new long[challenges];
        for (int c = 0; c < challenges; c++) {
            difficulty[c] = random.nextGaussian() * 1.0;
            release[c] = (c % 3) * 2 * 3600L;
        }
        List<String> actors = new ArrayList<>();
        double[] skill = new double[competitors];
        for (int i = 0; i < competitors; i++) {
            actors.add("S" + (i % 7) + "/" + (1000 + i));
            skill[i] = random.nextGaussian();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < competitors; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        Set<Integer> cheaters = new HashSet<>(order.subList(2 * sharingPairs, 2 * sharingPairs + speedCheaters));
        // honest solve times (seconds from the start), per competitor and challenge
        List<Map<Integer, Long>> solved = new ArrayList<>();
        for (int i = 0; i < competitors; i++) {
            Map<Integer, Long> own = new LinkedHashMap<>();
            List<Integer> todo = new ArrayList<>();
            for (int c = 0; c < challenges; c++) {
                todo.add(c);
            }
            todo.sort(Comparator.<Integer>comparingLong(c -> release[c]).thenComparingDouble(c -> difficulty[c]));
            long t = 0;
            boolean cheater = cheaters.contains(i);
            for (int c : todo) {
                t = Math.max(t, release[c]);
                if (cheater && random.nextDouble() < rate) {
                    t += 10 + random.nextInt(81);
                    if (t < end) {
                        own.put(c, t);
                    }
                    continue;
                }
                double minutes = Math.exp(2.8 + 0.6 * difficulty[c] - 0.4 * skill[i] + 0.7 * random.nextGaussian());
                t += (long) (minutes * 60);
                if (t >= end) {
                    break;
                }
                if (random.nextDouble() < 1 / (1 + Math.exp(difficulty[c] - skill[i] - 0.5))) {
                    own.put(c, t);
                }
            }
            solved.add(own);
        }
        Set<String> pairs = new HashSet<>();
        Map<Integer, Map<Integer, Long>> pasted = new HashMap<>();
        for (int k = 0; k < sharingPairs; k++) {
            int giver = order.get(2 * k);
            int receiver = order.get(2 * k + 1);
            pairs.add(Detectors.pairKey(actors.get(giver), actors.get(receiver)));
            for (Map.Entry<Integer, Long> s : solved.get(giver).entrySet()) {
                if (random.nextDouble() >= rate) {
                    continue;
                }
                long at = s.getValue() + 3 + random.nextInt(23);
                Long own = solved.get(receiver).get(s.getKey());
                if (own == null || own > at) {
                    solved.get(receiver).put(s.getKey(), at);
                    if (random.nextBoolean()) {
                        pasted.computeIfAbsent(receiver, x -> new HashMap<>()).put(s.getKey(), (long) giver);
                    }
                }
            }
        }
        List<Solve> solves = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        List<TeamFlag> flags = new ArrayList<>();
        Map<String, List<SolvesStored.Member>> members = new HashMap<>();
        for (int i = 0; i < competitors; i++) {
            String team = "team-" + i;
            members.put(team, List.of(new SolvesStored.Member(actors.get(i), i + 1)));
            for (int c = 0; c < challenges; c++) {
                flags.add(
                        new TeamFlag("ch" + c, team, "flag{" + c + "-" + Integer.toHexString(random.nextInt()) + "}"));
            }
        }
        Map<String, String> flagOf = new HashMap<>();
        flags.forEach(f -> flagOf.put(f.competitor() + "/" + f.challenge(), f.flag()));
        for (int i = 0; i < competitors; i++) {
            String team = "team-" + i;
            for (Map.Entry<Integer, Long> s : solved.get(i).entrySet()) {
                String ch = "ch" + s.getKey();
                Instant at = start.plusSeconds(s.getValue());
                solves.add(new Solve(ch, "ctf", team, actors.get(i), at, 100, 0));
                Long from = pasted.getOrDefault(i, Map.of()).get(s.getKey());
                if (from != null) {
                    submissions.add(new Submission(
                            ch,
                            "ctf",
                            team,
                            actors.get(i),
                            at.minusSeconds(2),
                            false,
                            flagOf.get("team-" + from + "/" + ch),
                            0));
                }
                if (random.nextDouble() < 0.3) {
                    submissions.add(new Submission(
                            ch, "ctf", team, actors.get(i), at.minusSeconds(60), false, "flag{guess}", 0));
                }
                submissions.add(
                        new Submission(ch, "ctf", team, actors.get(i), at, true, flagOf.get(team + "/" + ch), 0));
            }
        }
        Set<String> speed = new HashSet<>();
        cheaters.forEach(i -> speed.add(actors.get(i)));
        return new Generated(
                new Evidence(code, TeamRule.OPEN, solves, submissions, flags, members), pairs, speed, actors);
    }
}

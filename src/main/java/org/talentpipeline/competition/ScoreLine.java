package org.talentpipeline.competition;

import java.util.Map;

/** A line of an event's scoreboard. */
public record ScoreLine(int place, String competitor, double points, Map<String, Double> categories) {}

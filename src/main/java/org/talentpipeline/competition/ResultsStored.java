package org.talentpipeline.competition;

/**
 * Fired when an event's results have been stored (after its transaction commits, observers that
 * ask), naming who stored them: the rating work it sets off records them as its requester.
 */
public record ResultsStored(String eventCode, String storedBy) {}

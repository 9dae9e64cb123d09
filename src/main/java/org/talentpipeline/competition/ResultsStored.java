package org.talentpipeline.competition;

/** Fired when an event's results have been stored (after its transaction commits, observers that ask). */
public record ResultsStored(String eventCode) {
}

package org.talentpipeline.school;

import java.util.List;

/** A school as lists, pages and the API show it. */
public record SchoolView(String code, String name, String localName, String region, String city, SchoolType type,
        List<ProgramView> programs) {

    public record ProgramView(long id, String name, String level) {
    }

    /** The name people read: the local name beside the English one where there is one. */
    public String displayName() {
        return localName == null ? name : name + " · " + localName;
    }
}

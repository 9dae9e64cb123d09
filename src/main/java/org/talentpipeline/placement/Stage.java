package org.talentpipeline.placement;

/**
 * Where a candidate stands for a position. The open stages follow one another in order; DECLINED or
 * WITHDRAWN may end any open stage; PLACED, DECLINED and WITHDRAWN are final.
 */
public enum Stage {
    SHORTLISTED,
    CONTACTED,
    INTERVIEWING,
    OFFERED,
    PLACED,
    DECLINED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != PLACED && this != DECLINED && this != WITHDRAWN;
    }

    public boolean mayMoveTo(Stage next) {
        if (!isOpen() || next == null || next == this) {
            return false;
        }
        return next == DECLINED || next == WITHDRAWN || next.ordinal() == ordinal() + 1;
    }
}

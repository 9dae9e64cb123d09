package org.talentpipeline.student;

/** Told how far an import has got, for a progress bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = percent -> {};

    /** From 0 to 100. */
    void at(int percent);
}

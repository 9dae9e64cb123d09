package org.talentpipeline.identity;

import java.util.List;

/**
 * The organisations a user can belong to, as the areas that own them know them. The school area
 * answers for schools and the placement area for agencies, so identity needs neither.
 */
public interface Organisations {

    enum Kind {
        SCHOOL,
        AGENCY
    }

    Kind kind();

    boolean exists(String code);

    /** Every code, in order: what a form's pick-list offers. */
    List<String> codes();
}

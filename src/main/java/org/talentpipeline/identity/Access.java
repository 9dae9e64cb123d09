package org.talentpipeline.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The access policy for this request's caller: services call {@link #require(Operation)} first
 * on every operation that reads or writes data, then check each record against the grant. Work
 * that runs outside a request (a background job) carries its caller and asks
 * {@link Operation#grant(Caller)} directly, with the same rules.
 */
@RequestScoped
public class Access {

    @Inject
    CurrentUser currentUser;

    /**
     * @throws org.talentpipeline.platform.NotSignedIn without a signed-in caller
     * @throws org.talentpipeline.platform.Forbidden when the caller's roles may not do this
     */
    public Grant require(Operation operation) {
        return operation.grant(currentUser.caller().orElse(null));
    }

    /** The caller's grant, if they may do this at all; for pages that show or hide a part. */
    public Optional<Grant> granted(Operation operation) {
        return currentUser.caller().flatMap(operation::of);
    }

    public boolean may(Operation operation) {
        return granted(operation).isPresent();
    }
}

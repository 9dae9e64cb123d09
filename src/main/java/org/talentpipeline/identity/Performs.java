package org.talentpipeline.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation an API route performs. The role filter ({@link AccessControl}) lets through only
 * the roles the policy grants it, as a second wall: the service it calls checks again, with the
 * tenancy rule.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Performs {
    Operation value();
}

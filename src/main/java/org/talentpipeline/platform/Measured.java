package org.talentpipeline.platform;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Times every call of the method into the {@link Metrics} timer {@code name} (a count, the total
 * and the longest duration, failures included), read at {@code /metrics}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Measured {

    /** The timer's name, in seconds: {@code tp_search_seconds}. */
    @Nonbinding
    String value() default "";

    /** What is timed, for the metric's help line. */
    @Nonbinding
    String help() default "";
}

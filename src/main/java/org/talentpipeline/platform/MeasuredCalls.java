package org.talentpipeline.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** The interceptor of {@link Measured}. */
@Measured
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class MeasuredCalls {

    @Inject
    Metrics metrics;

    @AroundInvoke
    Object time(InvocationContext call) throws Exception {
        Measured measured = call.getMethod().getAnnotation(Measured.class);
        if (measured == null) {
            measured = call.getMethod().getDeclaringClass().getAnnotation(Measured.class);
        }
        long started = System.nanoTime();
        try {
            return call.proceed();
        } finally {
            if (measured != null && !measured.value().isEmpty()) {
                metrics.timer(measured.value(), measured.help()).since(started);
            }
        }
    }
}

package org.talentpipeline.identity;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.talentpipeline.platform.ApiError;

/**
 * Role checks for the API. Every resource method needs a signed-in caller (401 otherwise) unless
 * it is {@code @PermitAll}; {@code @RolesAllowed} on the method or its class narrows it to those
 * roles (403 otherwise).
 */
@Provider
public class AccessControl implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : type.getAnnotation(RolesAllowed.class);
        if (allowed == null && type.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        context.register(new Check(allowed == null ? List.of() : Arrays.asList(allowed.value())));
    }

    @Priority(Priorities.AUTHORIZATION)
    static class Check implements ContainerRequestFilter {

        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Response.fromResponse(
                                ApiError.response(Response.Status.UNAUTHORIZED, "sign in: send Authorization: Bearer <token>"))
                        .header("WWW-Authenticate", "Bearer").build());
                return;
            }
            if (!roles.isEmpty() && roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "your role may not do this"));
            }
        }
    }
}

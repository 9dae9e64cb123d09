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
 * The API's outer wall. Every resource method needs a signed-in caller (401 otherwise) unless it
 * is {@code @PermitAll}; {@link Performs} narrows it to the roles the access policy grants that
 * operation (403 otherwise). The services check again, with the tenancy rules, whatever calls them.
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
        Performs performs = method.getAnnotation(Performs.class);
        if (performs != null) {
            context.register(new Check(performs.value().grants().keySet().stream().map(Role::name).toList()));
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

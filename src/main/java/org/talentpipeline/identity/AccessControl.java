package org.talentpipeline.identity;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
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
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Performs performs = method.getAnnotation(Performs.class);
        // a route that declares no operation is open to nobody (AccessPolicyIT lists any such route)
        context.register(new Check(
                performs == null
                        ? List.of()
                        : performs.value().grants().keySet().stream()
                                .map(Role::name)
                                .toList()));
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
                request.abortWith(Response.fromResponse(ApiError.response(
                                Response.Status.UNAUTHORIZED, "sign in: send Authorization: Bearer <token>"))
                        .header("WWW-Authenticate", "Bearer")
                        .build());
                return;
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "your role may not do this"));
            }
        }
    }
}

package org.talentpipeline.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * The error pages answer a refused form post as they answer a refused visit. Forwarded a POST (a form
 * posted to a page the caller may not open, or one whose service refused), Faces would take it for a
 * postback of the error page carrying the other page's form state, fail to restore that, and answer
 * 500 instead of 403 or 404. The error page sees a plain GET without the posted fields instead.
 */
@WebFilter(urlPatterns = "/errors/*", dispatcherTypes = DispatcherType.ERROR)
public class ErrorPages implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new Visit((HttpServletRequest) request), response);
    }

    /** The request as a GET of the error page: no parameters, no Ajax header. */
    static final class Visit extends HttpServletRequestWrapper {

        Visit(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "Faces-Request".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }
}

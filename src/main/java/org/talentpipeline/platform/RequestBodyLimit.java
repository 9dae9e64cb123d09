package org.talentpipeline.platform;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The API's body limits ({@link InputLimits}), by kind of route, checked before the body is read:
 * a declared length over the limit is refused at once with 413; a body without one (chunked) is
 * counted as it is read and fails on the first byte past the limit. JSON bodies also have their
 * nesting followed while they stream ({@link BoundedInput}). Pages are bounded by the container:
 * the multipart configuration of the Faces servlet and the listener's form size.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The kinds of route, each with its limit; the first whose pattern matches the path below the API root wins. */
    enum Kind {
        TOKEN("auth/token", InputLimits.TOKEN_BYTES),
        STUDENTS_CSV("schools/[^/]+/students/import", InputLimits.CSV_BYTES),
        RESULTS("events/[^/]+/results", InputLimits.RESULTS_BYTES),
        DOCUMENT("certification/applications/[^/]+/evidence/[^/]+/documents", InputLimits.DOCUMENT_BYTES),
        JSON(".*", InputLimits.JSON_BYTES);

        private final Pattern path;
        private final long limit;

        Kind(String path, long limit) {
            this.path = Pattern.compile("/?api/v1/" + path + "/?");
            this.limit = limit;
        }

        static Kind of(String path) {
            for (Kind kind : values()) {
                if (kind.path.matcher(path).matches()) {
                    return kind;
                }
            }
            return JSON;
        }

        long limit() {
            return limit;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Kind kind = Kind.of(path.startsWith("/") ? path.substring(1) : path);
        String route = request.getMethod() + " " + path;
        long declared = request.getContentLengthLong();
        if (declared > kind.limit()) {
            refuse(request, response, InputLimits.Exceeded.body(kind.limit(), route));
            return;
        }
        if (declared == 0) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
        chain.doFilter(new Bounded(request, kind.limit(), route, json ? InputLimits.JSON_DEPTH : 0), response);
    }

    /** Answers a refusal the way the API's exception mappers do: the body is never read. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, InputLimits.Exceeded e)
            throws IOException {
        SecurityHeaders.apply(request, response);
        response.setStatus(e.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("error", e.getMessage())
                        .add("details", Json.createArrayBuilder().add(e.detail()))
                        .build()
                        .toString());
    }

    /** The request with its body read through {@link BoundedInput}. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private final String route;
        private final int depth;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit, String route, int depth) {
            super(request);
            this.limit = limit;
            this.route = route;
            this.depth = depth;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream raw = super.getInputStream();
                BoundedInput bounded = new BoundedInput(raw, limit, route, depth);
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return bounded.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return bounded.read(b, off, len);
                    }

                    @Override
                    public long skip(long n) throws IOException {
                        return bounded.skip(n);
                    }

                    @Override
                    public int available() throws IOException {
                        return raw.available();
                    }

                    @Override
                    public void close() throws IOException {
                        raw.close();
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        raw.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = StandardCharsets.UTF_8;
            try {
                charset = encoding == null ? charset : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                // an unknown charset is read as UTF-8; the reader reports what does not decode
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}

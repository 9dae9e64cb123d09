package org.talentpipeline.platform;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * A page's answer to the services' refusals, as the API's mappers give them: a record the caller
 * may not know of is the 404 page, an operation their role may not do is the 403 page. Inside an
 * Ajax request, which cannot show another page, the refusal is a message on the page instead.
 */
public class PageExceptions extends ExceptionHandlerFactory {

    public PageExceptions(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events =
                            getUnhandledExceptionQueuedEvents().iterator();
                    events.hasNext(); ) {
                Throwable thrown = events.next().getContext().getException();
                Optional<Integer> status = statusOf(thrown);
                if (status.isEmpty() || faces == null || faces.getResponseComplete()) {
                    continue;
                }
                events.remove();
                Throwable refusal = refusal(thrown);
                try {
                    if (faces.getPartialViewContext().isAjaxRequest()) {
                        faces.addMessage(
                                null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
                        faces.validationFailed();
                        faces.renderResponse();
                    } else {
                        ((HttpServletResponse) faces.getExternalContext().getResponse()).sendError(status.get());
                        faces.responseComplete();
                    }
                } catch (IOException e) {
                    throw new FacesException(e);
                }
            }
            getWrapped().handle();
        }
    }

    /** The status a refusal from a service means, wherever it sits among the wrapping exceptions. */
    static Optional<Integer> statusOf(Throwable thrown) {
        Throwable refusal = refusal(thrown);
        if (refusal instanceof NotFound) {
            return Optional.of(404);
        }
        if (refusal instanceof Forbidden || refusal instanceof NotSignedIn) {
            return Optional.of(403);
        }
        if (refusal instanceof StaleVersion) {
            return Optional.of(412);
        }
        return Optional.empty();
    }

    private static Throwable refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof NotFound
                    || t instanceof Forbidden
                    || t instanceof NotSignedIn
                    || t instanceof StaleVersion) {
                return t;
            }
        }
        return thrown;
    }
}

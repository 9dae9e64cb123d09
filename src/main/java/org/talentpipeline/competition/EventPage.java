package org.talentpipeline.competition;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;

/**
 * One event's page: its details, its scoreboard with category points, and results upload. What the
 * caller may see and do is decided by the services on every call, with the code this request names;
 * the page only hides what the policy would refuse.
 */
@Named
@ViewScoped
public class EventPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EventService events;

    @Inject
    ResultService results;

    @Inject
    Access access;

    @Inject
    FacesMessages messages;

    @Inject
    Instance<JudgesAgreement> agreement;

    private String code;
    private EventView event;
    private ResultFormats.Kind kind = ResultFormats.Kind.RANKING;
    private ResultPost lastPost;

    private final PagedModel<ScoreLine> board = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<ScoreLine> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return results.scoreboard(code, page);
        }

        @Override
        protected String keyOf(ScoreLine row) {
            return row.place() + "/" + row.competitor();
        }
    };

    public void load() {
        try {
            event = events.get(code);
        } catch (NotFound e) {
            messages.error("events.notFound", code);
        }
    }

    /** A results file: JSON when its name ends in .json, CSV otherwise. */
    public void upload(FileUploadEvent upload) throws IOException {
        boolean json = upload.getFile().getFileName().toLowerCase(Locale.ROOT).endsWith(".json");
        try (InputStream in = upload.getFile().getInputStream()) {
            lastPost = results.post(code, kind, !json, in);
        }
        if (lastPost.succeeded()) {
            messages.info("results.stored", lastPost.stored());
            event = events.get(code);
        } else {
            messages.error("results.rejected");
        }
    }

    /** The judges' agreement for a judged event, when the evaluation area can tell it. */
    public Double getAgreement() {
        if (event == null || event.format() != Format.JUDGED || agreement.isUnsatisfied() || !isMayReadJudging()) {
            return null;
        }
        return agreement.get().of(code);
    }

    /** Whether to offer the results upload (the service decides again when a file comes). */
    public boolean isMayPost() {
        return access.may(Operation.RESULTS_WRITE);
    }

    /** Whether to show the scoreboard, which names students. */
    public boolean isMayReadResults() {
        return access.may(Operation.RESULTS_READ);
    }

    /** Whether to show the judges' agreement and the way to the judging. */
    public boolean isMayReadJudging() {
        return access.may(Operation.JUDGING_READ);
    }

    public PagedModel<ScoreLine> getBoard() {
        return board;
    }

    public List<String> getCategoryNames() {
        return event == null
                ? List.of()
                : event.categories().stream().map(EventInput.Category::name).toList();
    }

    public EventView getEvent() {
        return event;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public ResultFormats.Kind getKind() {
        return kind;
    }

    public void setKind(ResultFormats.Kind kind) {
        this.kind = kind;
    }

    public ResultFormats.Kind[] getKinds() {
        return ResultFormats.Kind.values();
    }

    public ResultPost getLastPost() {
        return lastPost;
    }
}

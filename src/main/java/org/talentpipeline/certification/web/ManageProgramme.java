package org.talentpipeline.certification.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.talentpipeline.certification.Cycle;
import org.talentpipeline.certification.Programme;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.StaleVersion;

/**
 * The ADMIN's programme page: criteria and cycles, each added or changed in a form beside its list.
 * A form keeps the version of the record it was filled from; saving over someone else's change
 * since is refused with a message, and the form keeps what was typed.
 */
@Named
@ViewScoped
public class ManageProgramme implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Programme programme;

    @Inject
    FacesMessages messages;

    private List<Programme.CriterionView> criteria;
    private List<Programme.CycleView> cycles;

    private boolean editingCriterion;
    private long criterionVersion;
    private String code;
    private String title;
    private String description;
    private BigDecimal weight;
    private Integer maxScore = 5;
    private boolean evidenceRequired;
    private Integer position;
    private boolean active = true;

    private boolean editingCycle;
    private long cycleVersion;
    private String cycleCode;
    private String cycleName;
    private LocalDate opensOn;
    private LocalDate closesOn;
    private Integer periodYears = Cycle.DEFAULT_PERIOD_YEARS;
    private BigDecimal passMark = BigDecimal.valueOf(70);

    public void load() {
        criteria = programme.criteria();
        cycles = programme.cycles();
    }

    public void editCriterion(Programme.CriterionView c) {
        editingCriterion = true;
        criterionVersion = c.version();
        code = c.code();
        title = c.title();
        description = c.description();
        weight = c.weight();
        maxScore = c.maxScore();
        evidenceRequired = c.evidenceRequired();
        position = c.position();
        active = c.active();
    }

    public void newCriterion() {
        editingCriterion = false;
        code = null;
        title = null;
        description = null;
        weight = null;
        maxScore = 5;
        evidenceRequired = false;
        position = criteria.size() + 1;
        active = true;
    }

    public void saveCriterion() {
        Programme.CriterionInput input = new Programme.CriterionInput(
                code, title, description, weight, maxScore, evidenceRequired, position, active);
        try {
            if (editingCriterion) {
                programme.updateCriterion(code, input, criterionVersion);
            } else {
                programme.createCriterion(input);
            }
            messages.info("programme.criterionSaved", code);
            load();
            newCriterion();
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict | NotFound e) {
            messages.error("certification.refused", e.getMessage());
        } catch (StaleVersion e) {
            messages.error("programme.criterionStale", code);
        }
    }

    public void editCycle(Programme.CycleView c) {
        editingCycle = true;
        cycleVersion = c.version();
        cycleCode = c.code();
        cycleName = c.name();
        opensOn = c.opensOn();
        closesOn = c.closesOn();
        periodYears = c.periodYears();
        passMark = c.passMark();
    }

    public void newCycle() {
        editingCycle = false;
        cycleCode = null;
        cycleName = null;
        opensOn = null;
        closesOn = null;
        periodYears = Cycle.DEFAULT_PERIOD_YEARS;
        passMark = BigDecimal.valueOf(70);
    }

    public void saveCycle() {
        Programme.CycleInput input =
                new Programme.CycleInput(cycleCode, cycleName, opensOn, closesOn, periodYears, passMark);
        try {
            if (editingCycle) {
                programme.updateCycle(cycleCode, input, cycleVersion);
            } else {
                programme.createCycle(input);
            }
            messages.info("programme.cycleSaved", cycleCode);
            load();
            newCycle();
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict | NotFound e) {
            messages.error("certification.refused", e.getMessage());
        } catch (StaleVersion e) {
            messages.error("programme.cycleStale", cycleCode);
        }
    }

    public List<Programme.CriterionView> getCriteria() {
        return criteria;
    }

    public List<Programme.CycleView> getCycles() {
        return cycles;
    }

    public boolean isEditingCriterion() {
        return editingCriterion;
    }

    public boolean isEditingCycle() {
        return editingCycle;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public Integer getMaxScore() {
        return maxScore;
    }

    public void setMaxScore(Integer maxScore) {
        this.maxScore = maxScore;
    }

    public boolean isEvidenceRequired() {
        return evidenceRequired;
    }

    public void setEvidenceRequired(boolean evidenceRequired) {
        this.evidenceRequired = evidenceRequired;
    }

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getCycleCode() {
        return cycleCode;
    }

    public void setCycleCode(String cycleCode) {
        this.cycleCode = cycleCode;
    }

    public String getCycleName() {
        return cycleName;
    }

    public void setCycleName(String cycleName) {
        this.cycleName = cycleName;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(LocalDate closesOn) {
        this.closesOn = closesOn;
    }

    public Integer getPeriodYears() {
        return periodYears;
    }

    public void setPeriodYears(Integer periodYears) {
        this.periodYears = periodYears;
    }

    public BigDecimal getPassMark() {
        return passMark;
    }

    public void setPassMark(BigDecimal passMark) {
        this.passMark = passMark;
    }
}

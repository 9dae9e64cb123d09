package org.talentpipeline.privacy;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;

/** The privacy pages: the retention policy's dry run (ADMIN) and the minors' yearly report (ADMIN, SCHOOL_ADMIN). */
@Named
@ViewScoped
public class PrivacyPages implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Retention retention;

    @Inject
    MinorsReport minors;

    @Inject
    Clock clock;

    @Inject
    FacesMessages messages;

    private List<Retention.Due> due;
    private MinorsReport.Report report;
    private Integer year;
    private String school;

    /** f:viewAction of the retention page. */
    public void loadRetention() {
        due = retention.dryRun(1000);
    }

    /** f:viewAction of the minors' report page: this year's, unless a year is named. */
    public void loadMinors() {
        if (year == null) {
            year = LocalDate.now(clock).getYear();
        }
        try {
            report = minors.report(year, school);
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public StreamedContent getCsv() {
        byte[] csv = MinorsReport.csv(minors.report(year, school)).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("minors-" + year + ".csv").contentType("text/csv").stream(
                        () -> new ByteArrayInputStream(csv))
                .build();
    }

    /** The views by agency; none while no report stands (a year that is not one). */
    public List<Map.Entry<String, Long>> getViews() {
        return report == null ? List.of() : List.copyOf(report.viewsByAgency().entrySet());
    }

    public List<Map.Entry<String, Long>> getExports() {
        return report == null ? List.of() : List.copyOf(report.exportsByAgency().entrySet());
    }

    public int getRetentionYears() {
        return retention.years();
    }

    public List<Retention.Due> getDue() {
        return due;
    }

    public MinorsReport.Report getReport() {
        return report;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }
}

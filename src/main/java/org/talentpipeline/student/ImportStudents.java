package org.talentpipeline.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.NotSignedIn;

/**
 * The import page: upload a CSV, watch the progress bar, read the report. The school it shows
 * comes from the request and may change on any postback, so it is passed to the import on every
 * call and checked there, with the caller the job carries.
 */
@Named
@ViewScoped
public class ImportStudents implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StudentImport imports;

    @Inject
    ImportJobs jobs;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesMessages messages;

    private String school;
    private String jobId;
    private String fileName;

    /** Called by f:viewAction: the school named, if the caller may import into it (else the 404 page). */
    public void load() {
        school = imports.school(currentUser.caller().orElseThrow(NotSignedIn::new), school);
        if (school == null) {
            messages.error("import.chooseSchool");
        }
    }

    public void upload(FileUploadEvent event) throws IOException {
        if (school == null) {
            return;
        }
        Path file = Files.createTempFile("students-", ".csv");
        try (InputStream in = event.getFile().getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            jobId = jobs.start(currentUser.caller().orElseThrow(NotSignedIn::new), school, file)
                    .id();
            fileName = event.getFile().getFileName();
        } catch (NotFound e) {
            messages.error("schools.notFound", school);
        }
    }

    private ImportJobs.Job job() {
        return jobs.find(jobId, currentUser.getUsername()).orElse(null);
    }

    public boolean isRunning() {
        ImportJobs.Job job = job();
        return job != null && !job.isDone();
    }

    public boolean isDone() {
        ImportJobs.Job job = job();
        return job != null && job.isDone();
    }

    public int getPercent() {
        ImportJobs.Job job = job();
        return job == null ? 0 : job.percent();
    }

    public ImportReport getReport() {
        ImportJobs.Job job = job();
        return job == null ? null : job.report();
    }

    public String getFailure() {
        ImportJobs.Job job = job();
        return job == null ? null : job.failure();
    }

    public List<ImportReport.RowError> getErrors() {
        ImportReport report = getReport();
        return report == null ? List.of() : report.errors();
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getFileName() {
        return fileName;
    }

    public boolean isStarted() {
        return jobId != null;
    }
}

package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * Writes a school's students as CSV (the import's columns, so a file can go back in), a page at a
 * time so that a large school never sits in memory. The export is in the audit log.
 */
@ApplicationScoped
public class StudentExport {

    private static final int CHUNK = PageRequest.MAX_SIZE;

    @Inject
    StudentService students;

    @Inject
    AuditLog audit;

    public void write(StudentQuery query, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvWriter csv = new CsvWriter(writer);
        csv.row(List.of("student_number", "full_name", "date_of_birth", "email", "program", "enrollment_year",
                "expected_graduation_year", "consent_to_share", "status"));
        long total = 0;
        for (int page = 0;; page++) {
            Page<StudentRow> rows = students.list(query, new PageRequest(page, CHUNK));
            for (StudentRow r : rows.items()) {
                csv.row(java.util.Arrays.asList(r.studentNumber(), r.fullName(), r.dateOfBirth(), r.email(), r.program(),
                        r.enrollmentYear(), r.expectedGraduationYear(), r.consentToShare(), r.status()));
            }
            total = rows.total();
            if ((long) (page + 1) * CHUNK >= total) {
                break;
            }
        }
        writer.flush();
        audit.record(AuditAction.EXPORT, "school:" + query.school(), query.school(), total + " students as CSV");
    }
}

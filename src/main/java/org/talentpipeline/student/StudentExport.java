package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * Writes one school's students as CSV (the import's columns, so a file can go back in), a page at a
 * time so that a large school never sits in memory. The policy's {@link Operation#STUDENT_EXPORT}
 * decides who may, for the API and the page's download alike.
 *
 * <p>Every export is in the audit log, also one that broke off half-way. One that held at most
 * {@link #LISTED} students lists each of them (the student, and their school, find it by the
 * student); a larger one is one entry naming the school, the filter and the count: it is the
 * school's list as it stood, and thousands of subject rows per download would make the audit log
 * the largest table of all while telling the school nothing the entry does not.
 */
@ApplicationScoped
public class StudentExport {

    /** The most students an export's audit entry lists one by one. */
    static final int LISTED = 1_000;

    private static final int CHUNK = PageRequest.MAX_SIZE;

    @Inject
    StudentService students;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    /**
     * The query confined to the one school the caller may export; call before the answer starts.
     *
     * @throws org.talentpipeline.platform.NotFound for a school the caller may not see, or none such
     */
    public StudentQuery prepare(StudentQuery query) {
        return query.inSchool(school(access.require(Operation.STUDENT_EXPORT), query));
    }

    private String school(Grant grant, StudentQuery query) {
        String school = students.listedSchool(grant, query.school());
        if (school == null) {
            throw new BadInput("school", "is required: an export holds one school's students");
        }
        return school;
    }

    public void write(StudentQuery requested, OutputStream out) throws IOException {
        Grant grant = access.require(Operation.STUDENT_EXPORT);
        StudentQuery query = requested.inSchool(school(grant, requested));
        List<AuditLog.Subject> shown = new ArrayList<>();
        long written = 0;
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CsvWriter csv = new CsvWriter(writer);
            csv.row(List.of(
                    "student_number",
                    "full_name",
                    "date_of_birth",
                    "email",
                    "program",
                    "enrollment_year",
                    "expected_graduation_year",
                    "consent_to_share",
                    "status"));
            for (int page = 0; ; page++) {
                Page<StudentRow> rows = students.rows(grant, query, new PageRequest(page, CHUNK));
                for (StudentRow r : rows.items()) {
                    csv.row(Arrays.asList(
                            r.studentNumber(),
                            r.fullName(),
                            r.dateOfBirth(),
                            r.email(),
                            r.program(),
                            r.enrollmentYear(),
                            r.expectedGraduationYear(),
                            r.consentToShare(),
                            r.status()));
                    written++;
                    if (shown.size() <= LISTED) {
                        shown.add(StudentService.subjectOf(r));
                    }
                }
                writer.flush();
                if ((long) (page + 1) * CHUNK >= rows.total()) {
                    break;
                }
            }
        } finally {
            record(query, shown, written);
        }
    }

    private void record(StudentQuery query, List<AuditLog.Subject> shown, long written) {
        String what = "students of " + query.school() + " as CSV" + filter(query);
        if (written > 0 && written <= LISTED) {
            audit.recordRead(AuditAction.EXPORT, what, shown);
        } else {
            audit.record(AuditAction.EXPORT, "school:" + query.school(), query.school(), written + " " + what);
        }
    }

    private static String filter(StudentQuery q) {
        StringBuilder f = new StringBuilder();
        if (q.name() != null && !q.name().isBlank()) {
            f.append(" name=").append(q.name().trim());
        }
        if (q.status() != null) {
            f.append(" status=").append(q.status());
        }
        if (q.graduationYear() != null) {
            f.append(" graduationYear=").append(q.graduationYear());
        }
        return f.isEmpty() ? "" : ", filtered:" + f;
    }
}

package org.talentpipeline.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.placement.PlacementService;
import org.talentpipeline.placement.PlacementService.StudentPlacement;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.scoring.ScoutingReport;
import org.talentpipeline.scoring.ScoutingReports;
import org.talentpipeline.student.ConsentView;
import org.talentpipeline.student.OwnRecord;
import org.talentpipeline.student.StudentService;
import org.talentpipeline.student.StudentView;

/**
 * Everything held about one student, for the student (their right of access and portability) or
 * produced by their school for them: the record, whom they share with and every consent decision,
 * the scouting report with its explanation (results and ratings), the placements and the
 * disclosure log. As JSON, or as a zip of CSV files.
 */
@ApplicationScoped
@Transactional
public class PersonalData {

    @Inject
    StudentService students;

    @Inject
    ScoutingReports reports;

    @Inject
    PlacementService placements;

    @Inject
    DisclosureLog disclosures;

    @Inject
    AuditLog audit;

    /** All of a student's data. */
    public record Export(
            OwnRecord record, ScoutingReport report, List<StudentPlacement> placements, List<Disclosure> disclosures) {}

    /** The signed-in student's own data (OWN_RECORD). */
    public Export mine() {
        OwnRecord record = students.ownRecord();
        Export export = new Export(
                record,
                reports.ownReport(),
                placements.ofStudent(record.student().id()),
                disclosures.mine());
        audit.record(
                AuditAction.EXPORT,
                "student:" + record.student().ref(),
                record.student().schoolCode(),
                "own data");
        return export;
    }

    /** A student's data, produced by their school for them (STUDENT_EXPORT: ADMIN, the school's admin). */
    public Export of(String ref) {
        OwnRecord record = students.exportRecord(ref);
        return new Export(
                record,
                reports.report(record.student().ref()),
                placements.ofStudent(record.student().id()),
                disclosures.of(record.student().ref()));
    }

    /** The export as a zip of CSV files: record, consents, events, categories, placements, disclosures. */
    public static byte[] zip(Export export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StudentView s = export.record().student();
            List<List<?>> record = new ArrayList<>();
            record.add(List.of("field", "value"));
            record.add(Arrays.asList("ref", s.ref()));
            record.add(Arrays.asList("full_name", s.fullName()));
            record.add(Arrays.asList("date_of_birth", s.dateOfBirth()));
            record.add(Arrays.asList("email", s.email()));
            record.add(Arrays.asList("program", s.program()));
            record.add(Arrays.asList("enrollment_year", s.enrollmentYear()));
            record.add(Arrays.asList("expected_graduation_year", s.expectedGraduationYear()));
            record.add(Arrays.asList("status", s.status()));
            record.add(Arrays.asList("consent_to_share", s.consentToShare()));
            record.add(Arrays.asList(
                    "shares_with",
                    export.record().allAgencies()
                            ? "all approved agencies"
                            : String.join(";", export.record().agencies())));
            record.add(Arrays.asList("skills", String.join(";", s.skills())));
            entry(zip, "record.csv", record);
            List<List<?>> consents = new ArrayList<>();
            consents.add(
                    List.of("recorded_at", "granted", "agencies", "guardian_consent", "recorded_by", "source", "note"));
            for (ConsentView c : export.record().consents()) {
                consents.add(Arrays.asList(
                        c.recordedAt(),
                        c.granted(),
                        c.agencies() == null ? "all approved" : String.join(";", c.agencies()),
                        c.guardianConsent(),
                        c.recordedBy(),
                        c.source(),
                        c.note()));
            }
            entry(zip, "consents.csv", consents);
            ScoutingReport r = export.report();
            List<List<?>> rating = new ArrayList<>();
            rating.add(List.of("talent_score", "mu", "sigma", "flags", "model_version"));
            rating.add(
                    Arrays.asList(r.talentScore(), r.mu(), r.sigma(), String.join(";", r.flags()), r.modelVersion()));
            entry(zip, "rating.csv", rating);
            List<List<?>> events = new ArrayList<>();
            events.add(List.of("event", "name", "date", "place", "field_size", "mu_before", "mu_after", "change"));
            for (ScoutingReport.EventEffect e : r.events()) {
                events.add(Arrays.asList(
                        e.event(),
                        e.name(),
                        e.date(),
                        e.place(),
                        e.fieldSize(),
                        e.muBefore(),
                        e.muAfter(),
                        e.change()));
            }
            entry(zip, "events.csv", events);
            List<List<?>> categories = new ArrayList<>();
            categories.add(List.of("category", "talent_score", "mu", "sigma", "events", "percentile"));
            for (ScoutingReport.Skill k : r.categories().values()) {
                categories.add(
                        Arrays.asList(k.category(), k.talentScore(), k.mu(), k.sigma(), k.events(), k.percentile()));
            }
            entry(zip, "categories.csv", categories);
            List<List<?>> placed = new ArrayList<>();
            placed.add(List.of("agency", "position", "stage", "at", "actor", "note"));
            for (StudentPlacement p : export.placements()) {
                for (PlacementService.Move m : p.history()) {
                    placed.add(Arrays.asList(p.agency(), p.position(), m.stage(), m.at(), m.actor(), m.note()));
                }
            }
            entry(zip, "placements.csv", placed);
            List<List<?>> disclosed = new ArrayList<>();
            disclosed.add(List.of("at", "agency", "recruiter", "action", "what"));
            for (Disclosure d : export.disclosures()) {
                disclosed.add(Arrays.asList(d.at(), d.agency(), d.recruiter(), d.action(), d.what()));
            }
            entry(zip, "disclosures.csv", disclosed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, List<List<?>> rows) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(out);
        for (List<?> row : rows) {
            csv.row(row);
        }
        out.flush();
        zip.closeEntry();
    }
}

package org.talentpipeline.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.school.SchoolView;

/**
 * The students page: one school's students (a SCHOOL_ADMIN's own; ADMIN picks the school, or sees
 * all), filtered and sorted by the database one page at a time. The school comes from the request
 * and is passed to the service, which checks it, with every page read.
 */
@Named
@ViewScoped
public class StudentList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StudentService students;

    @Inject
    SchoolService schools;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesMessages messages;

    @Inject
    Access access;

    private String school;
    private StudentStatus status;

    private final PagedModel<StudentRow> list = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<StudentRow> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            StudentQuery.Sort sort = StudentQuery.Sort.NAME;
            boolean descending = false;
            if (sortBy != null && !sortBy.isEmpty()) {
                SortMeta first = sortBy.values().iterator().next();
                sort = StudentQuery.Sort.parse(first.getField());
                descending = first.getOrder() == SortOrder.DESCENDING;
            }
            String grad = filterText(filterBy, "expectedGraduationYear");
            Integer gradYear = grad != null && grad.matches("\\d{4}") ? Integer.valueOf(grad) : null;
            try {
                return students.list(
                        new StudentQuery(
                                school,
                                filterText(filterBy, "fullName"),
                                filterText(filterBy, "studentNumber"),
                                status,
                                gradYear,
                                null,
                                sort,
                                descending),
                        page);
            } catch (NotFound e) {
                // a school changed on a postback: the table is being written, too late for the 404 page
                messages.error("schools.notFound", school);
                return new Page<>(List.of(), 0);
            }
        }

        @Override
        protected String keyOf(StudentRow row) {
            return Long.toString(row.id());
        }
    };

    /**
     * Called by f:viewAction: the school named, if the caller may see it; a SCHOOL_ADMIN who names
     * none sees their own. A school outside the caller's reach is the 404 page; to ADMIN, who
     * reaches every school, one that does not exist is a message above every school's students.
     */
    public void load() {
        try {
            school = students.visibleSchool(school);
        } catch (NotFound e) {
            if (!access.granted(Operation.STUDENT_READ).map(Grant::reachesAll).orElse(false)) {
                throw e;
            }
            messages.error("schools.notFound", school);
            school = null;
        }
    }

    public PagedModel<StudentRow> getList() {
        return list;
    }

    @Inject
    StudentAccounts accounts;

    /** Invites every student of the school without an account: the codes as CSV, shown this once. */
    public StreamedContent getInvitations() {
        byte[] csv = InvitationsResource.csv(accounts.inviteAll(school, null)).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("invitations-" + school + ".csv").contentType("text/csv").stream(
                        () -> new ByteArrayInputStream(csv))
                .build();
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school == null || school.isBlank() ? null : school;
    }

    public List<SchoolView> getSchools() {
        return schools.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    public StudentStatus getStatus() {
        return status;
    }

    public void setStatus(StudentStatus status) {
        this.status = status;
    }

    public StudentStatus[] getStatuses() {
        return Arrays.stream(StudentStatus.values())
                .filter(st -> st != StudentStatus.ERASED)
                .toArray(StudentStatus[]::new);
    }
}

package org.talentpipeline.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;

/** On a student's page: the school produces everything held about the student, for them (a zip of CSV files). */
@Named
@RequestScoped
public class StudentDataPage {

    @Inject
    PersonalData data;

    @Inject
    Access access;

    public StreamedContent zip(String ref) {
        byte[] zip = PersonalData.zip(data.of(ref));
        return DefaultStreamedContent.builder()
                .name("data-" + ref.replace('/', '-') + ".zip")
                .contentType("application/zip")
                .stream(() -> new ByteArrayInputStream(zip))
                .build();
    }

    public boolean isAllowed() {
        return access.may(Operation.STUDENT_EXPORT);
    }
}

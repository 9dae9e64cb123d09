package org.talentpipeline.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An industry certification a student holds (OSCP from OffSec, CISP from CNITSEC, ...). */
@Entity
@Table(name = "student_certification")
public class Certification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "student_certification_seq")
    @SequenceGenerator(
            name = "student_certification_seq",
            sequenceName = "student_certification_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    private Student student;

    private String name;
    private String issuer;

    @Column(name = "obtained_on")
    private LocalDate obtainedOn;

    protected Certification() {}

    Certification(Student student, String name, String issuer, LocalDate obtainedOn) {
        this.student = student;
        this.name = name;
        this.issuer = issuer;
        this.obtainedOn = obtainedOn;
    }

    public String getName() {
        return name;
    }

    public String getIssuer() {
        return issuer;
    }

    public LocalDate getObtainedOn() {
        return obtainedOn;
    }
}

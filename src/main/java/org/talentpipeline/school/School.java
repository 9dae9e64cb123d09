package org.talentpipeline.school;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A school, known by its code ({@code XDU}): the natural key that refs and users carry. */
@Entity
@Table(name = "school")
@NamedQuery(name = "School.findByCode", query = "select s from School s where s.code = :code")
@NamedQuery(name = "School.countByCode", query = "select count(s) from School s where s.code = :code")
@NamedQuery(name = "School.all", query = "select s from School s order by s.code")
@NamedQuery(name = "School.regions", query = "select distinct s.region from School s order by s.region")
public class School {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_seq")
    @SequenceGenerator(name = "school_seq", sequenceName = "school_seq", allocationSize = 50)
    private Long id;

    private String code;

    /** The agencies the school lets see its students (each student's consent narrows it further). */
    @ElementCollection
    @CollectionTable(name = "school_agency", joinColumns = @JoinColumn(name = "school_id"))
    @Column(name = "agency_code")
    private Set<String> approvedAgencies = new TreeSet<>();

    private String name;

    @Column(name = "local_name")
    private String localName;

    private String region;
    private String city;

    @Enumerated(EnumType.STRING)
    private SchoolType type;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "certification_status")
    private String certificationStatus;

    @Column(name = "certified_from")
    private LocalDate certifiedFrom;

    @Column(name = "certified_until")
    private LocalDate certifiedUntil;

    @Version
    private int version;

    protected School() {}

    public School(
            String code, String name, String localName, String region, String city, SchoolType type, Instant now) {
        this.code = code;
        this.name = name;
        this.localName = localName;
        this.region = region;
        this.city = city;
        this.type = type;
        this.createdAt = now;
    }

    /** Changes what may change; the code is the natural key and never does. */
    void update(SchoolInput input) {
        this.name = input.name().trim();
        this.localName = blankToNull(input.localName());
        this.region = input.region().trim();
        this.city = blankToNull(input.city());
        this.type = input.type();
    }

    /**
     * Records the school's current certification (CERTIFIED, EXPIRED or REVOKED, with its dates).
     * The certification area decides it; the school carries it so that every page, report and
     * search that shows a school reads it without depending on that area.
     */
    public void recordCertification(String status, LocalDate from, LocalDate until) {
        this.certificationStatus = status;
        this.certifiedFrom = from;
        this.certifiedUntil = until;
    }

    public SchoolView.Certification certification() {
        return new SchoolView.Certification(
                certificationStatus == null ? SchoolView.Certification.NONE : certificationStatus,
                certifiedFrom,
                certifiedUntil);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getLocalName() {
        return localName;
    }

    public String getRegion() {
        return region;
    }

    public String getCity() {
        return city;
    }

    public SchoolType getType() {
        return type;
    }

    /** The version an edit must start from (optimistic concurrency). */
    public int getVersion() {
        return version;
    }

    public boolean approves(String agencyCode) {
        return approvedAgencies.contains(agencyCode);
    }

    /** The approved agencies' codes, in order. */
    public List<String> getApprovedAgencies() {
        return List.copyOf(new TreeSet<>(approvedAgencies));
    }

    /** The agencies the school approves from now on (codes the service has checked). */
    public void approveAgencies(Collection<String> codes) {
        approvedAgencies.clear();
        approvedAgencies.addAll(codes);
    }
}

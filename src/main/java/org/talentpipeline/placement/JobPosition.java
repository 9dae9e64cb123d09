package org.talentpipeline.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An agency's opening: the work it is for, the skill categories it needs, how many it will fill. */
@Entity
@Table(name = "job_position")
@NamedQuery(
        name = "JobPosition.findByAgency",
        query = "select p from JobPosition p where p.agency.code = :agency order by p.id desc")
@NamedQuery(name = "JobPosition.findAll", query = "select p from JobPosition p order by p.id desc")
public class JobPosition {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_position_seq")
    @SequenceGenerator(name = "job_position_seq", sequenceName = "job_position_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    private String title;

    @Column(name = "work_role")
    private String workRole;

    private String categories;
    private int openings;
    private String location;
    private boolean open;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private int version;

    protected JobPosition() {}

    public JobPosition(
            Agency agency,
            String title,
            String workRole,
            List<String> categories,
            int openings,
            String location,
            Instant now) {
        this.agency = agency;
        this.createdAt = now;
        this.open = true;
        change(title, workRole, categories, openings, location, true);
    }

    public void change(
            String title, String workRole, List<String> categories, int openings, String location, boolean open) {
        this.title = title;
        this.workRole = workRole;
        this.categories = String.join(",", categories);
        this.openings = openings;
        this.location = location;
        this.open = open;
    }

    public Long getId() {
        return id;
    }

    /** The version an edit must start from (optimistic concurrency). */
    public int getVersion() {
        return version;
    }

    public Agency getAgency() {
        return agency;
    }

    public String getTitle() {
        return title;
    }

    public String getWorkRole() {
        return workRole;
    }

    public List<String> getCategories() {
        return categories == null || categories.isBlank() ? List.of() : Arrays.asList(categories.split(","));
    }

    public int getOpenings() {
        return openings;
    }

    public String getLocation() {
        return location;
    }

    public boolean isOpen() {
        return open;
    }
}

package org.talentpipeline.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An agency whose recruiters search candidates and run placements. */
@Entity
@Table(name = "agency")
@NamedQuery(name = "Agency.countByCode", query = "select count(a) from Agency a where a.code = :code")
@NamedQuery(name = "Agency.findByCode", query = "select a from Agency a where a.code = :code")
@NamedQuery(name = "Agency.findAll", query = "select a from Agency a order by a.code")
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_seq")
    @SequenceGenerator(name = "agency_seq", sequenceName = "agency_seq", allocationSize = 50)
    private Long id;

    private String code;
    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private int version;

    protected Agency() {}

    public Agency(String code, String name, Instant now) {
        this.code = code;
        this.name = name;
        this.createdAt = now;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}

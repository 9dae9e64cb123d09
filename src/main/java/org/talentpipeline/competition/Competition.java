package org.talentpipeline.competition;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A competition series (a national CTF championship), whose editions are events. */
@Entity
@Table(name = "competition")
@NamedQuery(name = "Competition.findByCode", query = "select c from Competition c where c.code = :code")
public class Competition {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "competition_seq")
    @SequenceGenerator(name = "competition_seq", sequenceName = "competition_seq", allocationSize = 50)
    private Long id;

    private String code;
    private String name;
    private String organiser;

    @Version
    private int version;

    protected Competition() {}

    public Competition(String code, String name, String organiser) {
        this.code = code;
        this.name = name;
        this.organiser = organiser;
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

    public String getOrganiser() {
        return organiser;
    }
}

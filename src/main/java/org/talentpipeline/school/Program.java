package org.talentpipeline.school;

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

/** A programme of study at a school ("Cyberspace Security", bachelor level). */
@Entity
@Table(name = "program")
@NamedQuery(name = "Program.ofSchool", query = "select p from Program p where p.school.code = :code order by p.name")
public class Program {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "program_seq")
    @SequenceGenerator(name = "program_seq", sequenceName = "program_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    private School school;

    private String name;
    private String level;

    @Version
    private int version;

    protected Program() {}

    public Program(School school, String name, String level) {
        this.school = school;
        this.name = name;
        this.level = level;
    }

    public Long getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public String getName() {
        return name;
    }

    public String getLevel() {
        return level;
    }
}

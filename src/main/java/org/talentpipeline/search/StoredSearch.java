package org.talentpipeline.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recruiter's saved search as stored: its owner, its name (unique for them), its query's text, when last run. */
@Entity
@Table(name = "saved_search")
@NamedQuery(
        name = "StoredSearch.findByOwner",
        query = "select s from StoredSearch s where s.username = :username order by s.name")
@NamedQuery(
        name = "StoredSearch.countByOwnerAndName",
        query = "select count(s) from StoredSearch s where s.username = :username and s.name = :name")
public class StoredSearch {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_search_seq")
    @SequenceGenerator(name = "saved_search_seq", sequenceName = "saved_search_seq", allocationSize = 50)
    private Long id;

    private String username;

    private String name;

    private String query;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    protected StoredSearch() {}

    StoredSearch(String username, String name, String query, Instant lastRunAt) {
        this.username = username;
        this.name = name;
        this.query = query;
        this.lastRunAt = lastRunAt;
    }

    void ranAt(Instant at) {
        lastRunAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getQuery() {
        return query;
    }

    public Instant getLastRunAt() {
        return lastRunAt;
    }
}

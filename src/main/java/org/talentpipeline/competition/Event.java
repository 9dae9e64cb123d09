package org.talentpipeline.competition;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.talentpipeline.platform.Conflict;

/** One edition of a competition: when, at what level, in what format, how much it weighs. */
@Entity
@Table(name = "competition_event")
@NamedQuery(name = "Event.findByCode", query = "select e from Event e join fetch e.competition where e.code = :code")
@NamedQuery(name = "Event.countByCode", query = "select count(e) from Event e where e.code = :code")
@NamedQuery(
        name = "Event.categoriesWithWorkRole",
        query =
                "select distinct lower(c.name), c.workRole from Event e join e.categories c where c.workRole is not null")
@NamedQuery(
        name = "Event.findByIds",
        query = "select e from Event e join fetch e.competition where e.id in :ids order by e.startDate, e.code")
@NamedQuery(
        name = "Event.findJudgedWithoutResults",
        query =
                "select e from Event e where e.format = :judged and not exists (select r from Result r where r.event = e)"
                        + " order by e.endDate desc, e.code")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 50)
    private Long id;

    private String code;
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "competition_id")
    private Competition competition;

    @Enumerated(EnumType.STRING)
    private Level level;

    @Enumerated(EnumType.STRING)
    private Format format;

    private double weight;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "event_category", joinColumns = @JoinColumn(name = "event_id"))
    private List<EventCategory> categories = new ArrayList<>();

    @Column(name = "created_at")
    private Instant createdAt;

    /** Written by the result store (JDBC), read here. */
    @Column(name = "results_stored_at", insertable = false, updatable = false)
    private Instant resultsStoredAt;

    @Column(name = "results_stored_by", insertable = false, updatable = false)
    private String resultsStoredBy;

    /** Who may form a team here (V41); a rule of eligibility, not of rating, so it may change after results. */
    @Enumerated(EnumType.STRING)
    @Column(name = "team_rule")
    private TeamRule teamRule = TeamRule.OPEN;

    @Version
    private int version;

    protected Event() {}

    public Event(
            String code,
            String name,
            Competition competition,
            Level level,
            Format format,
            double weight,
            LocalDate startDate,
            LocalDate endDate,
            List<EventCategory> categories,
            Instant now) {
        this.code = code;
        this.name = name;
        this.competition = competition;
        this.level = level;
        this.format = format;
        this.weight = weight;
        this.startDate = startDate;
        this.endDate = endDate;
        this.categories = new ArrayList<>(categories);
        this.createdAt = now;
    }

    /**
     * Changes the event as entered. Once it holds results, which were rated as the event stood, only
     * its name may change: anything else would leave the ratings computed from another event.
     */
    void revise(
            boolean holdsResults,
            String name,
            Level level,
            Format format,
            double weight,
            LocalDate startDate,
            LocalDate endDate,
            List<EventCategory> categories) {
        boolean same = level == this.level
                && format == this.format
                && weight == this.weight
                && startDate.equals(this.startDate)
                && endDate.equals(this.endDate)
                && sameCategories(categories);
        if (holdsResults && !same) {
            throw new Conflict("event " + code
                    + " holds results: only its name may change (remove the results first to change the rest)");
        }
        this.name = name;
        this.level = level;
        this.format = format;
        this.weight = weight;
        this.startDate = startDate;
        this.endDate = endDate;
        this.categories.clear();
        this.categories.addAll(categories);
    }

    private boolean sameCategories(List<EventCategory> other) {
        if (other.size() != categories.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            EventCategory a = categories.get(i);
            EventCategory b = other.get(i);
            if (!a.getName().equals(b.getName()) || !Objects.equals(a.getWorkRole(), b.getWorkRole())) {
                return false;
            }
        }
        return true;
    }

    /** The version an edit of the event (its judging rubric, too) started from. */
    public int getVersion() {
        return version;
    }

    public boolean isJudged() {
        return format == Format.JUDGED;
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

    public Competition getCompetition() {
        return competition;
    }

    public Level getLevel() {
        return level;
    }

    public Format getFormat() {
        return format;
    }

    public double getWeight() {
        return weight;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public Instant getResultsStoredAt() {
        return resultsStoredAt;
    }

    public String getResultsStoredBy() {
        return resultsStoredBy;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public TeamRule getTeamRule() {
        return teamRule == null ? TeamRule.OPEN : teamRule;
    }

    void setTeamRule(TeamRule teamRule) {
        if (teamRule != null) {
            this.teamRule = teamRule;
        }
    }

    public List<EventCategory> getCategories() {
        return List.copyOf(categories);
    }
}

package org.talentpipeline.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A round of the programme: the window in which schools submit, how many years a certification
 * granted in it lasts, and the weighted total (0-100) that certification needs.
 */
@Entity
@Table(name = "certification_cycle")
@NamedQuery(name = "Cycle.findAll", query = "select c from Cycle c order by c.opensOn desc, c.code")
@NamedQuery(name = "Cycle.findByCode", query = "select c from Cycle c where c.code = :code")
@NamedQuery(
        name = "Cycle.findOpenOn",
        query = "select c from Cycle c where c.opensOn <= :day and c.closesOn >= :day order by c.closesOn")
public class Cycle {

    public static final int DEFAULT_PERIOD_YEARS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_cycle_seq")
    @SequenceGenerator(name = "certification_cycle_seq", sequenceName = "certification_cycle_seq", allocationSize = 50)
    private Long id;

    private String code;
    private String name;

    @Column(name = "opens_on")
    private LocalDate opensOn;

    @Column(name = "closes_on")
    private LocalDate closesOn;

    @Column(name = "period_years")
    private int periodYears;

    @Column(name = "pass_mark")
    private BigDecimal passMark;

    @Version
    private int version;

    protected Cycle() {}

    public Cycle(
            String code, String name, LocalDate opensOn, LocalDate closesOn, int periodYears, BigDecimal passMark) {
        this.code = code;
        change(name, opensOn, closesOn, periodYears, passMark);
    }

    public void change(String name, LocalDate opensOn, LocalDate closesOn, int periodYears, BigDecimal passMark) {
        this.name = name;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.periodYears = periodYears;
        this.passMark = passMark;
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /** The last day of a certification granted on {@code from}. */
    public LocalDate certifiedUntil(LocalDate from) {
        return from.plusYears(periodYears).minusDays(1);
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public int getPeriodYears() {
        return periodYears;
    }

    public BigDecimal getPassMark() {
        return passMark;
    }
}

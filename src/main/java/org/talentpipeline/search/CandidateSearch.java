package org.talentpipeline.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.competition.EventService;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.Measured;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.school.ApprovalsChanged;
import org.talentpipeline.scoring.CategorySynonyms;
import org.talentpipeline.scoring.TalentThresholds;
import org.talentpipeline.scoring.engine.SkillCategories;
import org.talentpipeline.student.AgeRules;
import org.talentpipeline.student.StudentRef;

/**
 * Finds candidates: rated students who consent to share, read from the ratings (within a region,
 * from the candidate table, which the same transactions write) so that a withdrawn consent or a new
 * rating counts at once. The page is read in talent-score order from
 * the rating index; the total is counted up to {@link #COUNT_CAP} (a recruiter pages through the
 * first hundreds, not a million). Every page read is one audit entry listing the students it showed,
 * written in the search's transaction. With a read replica ({@code TP_DB_READ_URL}) the page and
 * the count are read there, and the page's students are asked of the primary whether they consent
 * now before it is returned.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CandidateSearch {

    /** Totals beyond this are reported as this: counting a million matches would cost seconds. */
    public static final int COUNT_CAP = 1_000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    /** The events' categories mapped onto work roles, for the fit to a role. */
    @Inject
    EventService events;

    /** The page and the count are read where reads may lag (the replica, if there is one). */
    @Inject
    ReadReplica reads;

    @Inject
    CategorySynonyms synonyms;

    @Inject
    TalentThresholds thresholds;

    private static final class Sql {
        final StringBuilder from = new StringBuilder();
        final List<Object> parameters = new ArrayList<>();

        Sql add(String text, Object... values) {
            from.append(text);
            parameters.addAll(List.of(values));
            return this;
        }
    }

    /**
     * One page of the candidates a query finds (CANDIDATE_SEARCH: consenting students only), and an
     * audit entry naming the query and listing the students shown.
     */
    @Measured(value = "tp_search_seconds", help = "candidate searches (a page of results)")
    @Transactional
    public Page<CandidateRow> search(CandidateQuery query, PageRequest page) {
        Grant grant = access.require(Operation.CANDIDATE_SEARCH);
        Page<CandidateRow> found = find(grant, query, page);
        audit.recordRead(
                AuditAction.VIEW,
                "candidates:" + query.summary() + " rows " + (page.offset() + 1) + "-"
                        + (page.offset() + found.items().size()),
                subjects(found.items()));
        return found;
    }

    /** The students these rows show, as an audit entry lists them. */
    static List<AuditLog.Subject> subjects(List<CandidateRow> rows) {
        return rows.stream()
                .map(r -> new AuditLog.Subject("student:" + r.ref(), r.school()))
                .toList();
    }

    /**
     * A candidate as the access policy sees them: their school, and whether they consent. The
     * search's SQL keeps to consenting students itself (it must, to page and count them); each row it
     * returns is asked of the grant again, so the rule is the policy's whatever the SQL says.
     */
    static Tenant tenant(String school, boolean consenting) {
        return Tenant.school(school).withConsent(consenting);
    }

    /** A statement and its parameters in the order they are bound. */
    public record Statement(String sql, List<Object> parameters) {}

    /**
     * The statement that reads a page of a query that names neither a category nor a work role, as
     * {@link #find} runs it for a caller of {@code agency} (null for none); {@code approvalVaries}: some
     * school does not approve the agency. Public for the benchmark, whose floor runs the same statement.
     */
    public static Statement pageStatement(
            CandidateQuery query, PageRequest page, String agency, boolean approvalVaries) {
        if (!CandidateQuery.blank(query.category()) || !CandidateQuery.blank(query.workRole())) {
            throw new IllegalArgumentException("a category or a work role needs the database's tables");
        }
        return pageStatement(query, page, agency, filters(query, agency, approvalVaries, null, null), "null");
    }

    /** The page's ids in order first (the filters need only indexed columns), then only their rows, in one statement. */
    private static Statement pageStatement(CandidateQuery query, PageRequest page, String agency, Sql sql, String fit) {
        boolean byCategory = !CandidateQuery.blank(query.category());
        CandidateQuery.Sort sort = query.sort() == null ? CandidateQuery.Sort.SCORE : query.sort();
        String order =
                switch (sort) {
                    case CATEGORY -> " order by rc.talent_score desc, r.student_id";
                    case FIT -> " order by " + fit + " desc, r.talent_score desc, r.student_id";
                    case SCORE -> " order by r.talent_score desc, r.student_id";
                };
        String again =
                switch (sort) {
                    case CATEGORY -> " order by p.category_score desc, p.id";
                    case FIT -> " order by p.fit desc, p.score desc, p.id";
                    case SCORE -> " order by p.score desc, p.id";
                };
        List<Object> parameters = new ArrayList<>(sql.parameters);
        parameters.add(page.offset());
        parameters.add(page.size());
        if (agency != null) {
            parameters.add(agency);
            parameters.add(agency);
        }
        return new Statement(
                "select p.id, p.score, p.category_score, p.fit, sc.code,"
                        + " st.student_number, st.full_name, sc.name, sc.region, st.expected_graduation_year, st.email,"
                        + " st.date_of_birth, sc.certification_status, st.consent_to_share from (select r.student_id as id, r.talent_score as score, "
                        + (byCategory ? "rc.talent_score" : "cast(null as double precision)") + " as category_score, "
                        + ("null".equals(fit) ? "cast(null as double precision)" : fit) + " as fit" + sql.from + order
                        + " offset ? rows fetch next ? rows only) p join student st on st.id = p.id"
                        // the student's consent read again from their own row: whatever a derived table says, no one is
                        // listed who does not consent now
                        + " join school sc on sc.id = st.school_id where st.consent_to_share = true"
                        // and, for a recruiter, shares with their agency, which their school approves
                        + (agency == null ? "" : CandidateRows.SHARES_WITH_AGENCY)
                        + again,
                parameters);
    }

    /** The page without an audit entry, for a caller that records its own (the export). */
    Page<CandidateRow> find(Grant grant, CandidateQuery query, PageRequest page) {
        query.checked();
        try (CandidateRows rows = CandidateRows.onReplica(reads)) {
            String agency = grant.caller().agencyCode();
            SkillCategories table = categoriesFor(query);
            Sql sql = filters(rows, query, agency, table);
            String role = CandidateQuery.blank(query.workRole())
                    ? null
                    : query.workRole().strip();
            String fit = role == null
                    ? "null"
                    : CandidateRows.fitTo(events.categoriesByWorkRole().getOrDefault(role, Set.of()), table);
            Statement statement = pageStatement(query, page, agency, sql, fit);
            List<CandidateRow> items = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            int read = 0;
            LocalDate adult = AgeRules.minorsBornAfter(LocalDate.now(clock));
            for (CandidateRows.Found row : rows.page(statement)) {
                read++;
                if (!grant.allows(tenant(row.school(), row.consenting()))) {
                    continue;
                }
                boolean minor = row.dateOfBirth().isAfter(adult);
                items.add(new CandidateRow(
                        StudentRef.format(row.school(), row.studentNumber()),
                        row.fullName(),
                        row.school(),
                        row.schoolName(),
                        row.region(),
                        row.graduationYear(),
                        row.score(),
                        row.categoryScore(),
                        row.fit(),
                        minor ? null : row.email(),
                        minor,
                        "CERTIFIED".equals(row.certificationStatus())));
                ids.add(row.id());
            }
            if (reads.configured()) {
                items = consentingNow(items, ids, agency);
            }
            long total;
            if (page.offset() == 0 && read < page.size()) {
                total = items.size();
            } else {
                total = totals.get(
                        Arrays.asList(query, agency), () -> rows.count(sql.from.toString(), sql.parameters, COUNT_CAP));
            }
            return new Page<>(items, total);
        }
    }

    /**
     * The rows of a page read on the replica whose students consent on the primary now: a replica
     * lags, and a withdrawn consent must never be served from it. One indexed query (the students'
     * primary keys) per page; a withdrawal the replica has not yet replayed leaves the page one row
     * short rather than showing the student.
     */
    private List<CandidateRow> consentingNow(List<CandidateRow> items, List<Long> ids, String agency) {
        if (ids.isEmpty()) {
            return items;
        }
        Set<Long> consenting = CandidateRows.consentingNow(dataSource, ids, agency);
        List<CandidateRow> kept = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (consenting.contains(ids.get(i))) {
                kept.add(items.get(i));
            }
        }
        return kept;
    }

    /**
     * The candidates a query matches: the FROM and WHERE of the search, with their parameters. For a
     * recruiter ({@code agency} not null) only students whose consent covers the agency (every agency
     * the school approves, read from the index beside consent; or the agency among those chosen, looked
     * up only for the students who chose) and whose school approves it (looked up only when some school
     * does not: most approve every agency).
     */
    private Sql filters(CandidateRows rows, CandidateQuery query, String agency, SkillCategories table) {
        boolean approvalVaries = agency != null && refusing.get(agency, () -> rows.someSchoolRefuses(agency));
        Double leastCategoryScore = query.minCategoryPercentile() == null
                ? null
                : thresholds.leastScore(table.canonical(query.category()), query.minCategoryPercentile());
        return filters(query, agency, approvalVaries, table, leastCategoryScore);
    }

    private static Sql filters(
            CandidateQuery query,
            String agency,
            boolean approvalVaries,
            SkillCategories table,
            Double leastCategoryScore) {
        Sql sql = new Sql();
        boolean byCategory = !CandidateQuery.blank(query.category());
        String role =
                CandidateQuery.blank(query.workRole()) ? null : query.workRole().strip();
        // r: the overall ratings in score order. Within a region, the candidate table's (V11), whose index holds what
        // the walk filters on (region, consent, score, graduation year): it reads that region's entries alone and no
        // student row, where the rating index would have a seventh of its entries' students match
        boolean inRegion = !CandidateQuery.blank(query.region());
        boolean bySchool =
                query.certifiedOnly() || !CandidateQuery.blank(query.school()) || !CandidateQuery.blank(query.q());
        sql.add(inRegion ? " from candidate r" : " from rating r");
        if (!inRegion || bySchool || approvalVaries) {
            sql.add(" join student st on st.id = r.student_id");
        }
        if (bySchool) {
            sql.add(" join school sc on sc.id = st.school_id");
        }
        if (byCategory) {
            sql.add(
                    " join rating rc on rc.student_id = r.student_id and rc.category = ?",
                    table.canonical(query.category()));
        }
        if (inRegion) {
            sql.add(
                    " where r.region = ? and r.consent_to_share = true",
                    query.region().strip());
        } else {
            sql.add(" where r.category = '' and st.consent_to_share = true");
        }
        if (agency != null) {
            sql.add(
                    " and (" + (inRegion ? "r" : "st")
                            + ".all_agencies = true or exists (select 1 from student_agency sa"
                            + " where sa.student_id = r.student_id and sa.agency_code = ?))",
                    agency);
            if (approvalVaries) {
                sql.add(
                        " and exists (select 1 from school_agency ap where ap.school_id = st.school_id and ap.agency_code = ?)",
                        agency);
            }
        }
        if (query.certifiedOnly()) {
            sql.add(" and sc.certification_status = 'CERTIFIED'");
        }
        if (query.minScore() != null) {
            sql.add(" and r.talent_score >= ?", query.minScore());
        }
        if (query.minCategoryPercentile() != null) {
            sql.add(" and rc.talent_score >= ?", leastCategoryScore);
        }
        if (!CandidateQuery.blank(query.school())) {
            sql.add(" and sc.code = ?", query.school().strip().toUpperCase(Locale.ROOT));
        }
        String graduation = inRegion ? "r.graduation_year" : "st.expected_graduation_year";
        if (query.gradFrom() != null) {
            sql.add(" and " + graduation + " >= ?", query.gradFrom());
        }
        if (query.gradTo() != null) {
            sql.add(" and " + graduation + " <= ?", query.gradTo());
        }
        if (inRegion && (query.gradFrom() != null || query.gradTo() != null)) {
            // the walk in score order filters the years on the way: for years no consenting candidate of the region
            // has,
            // it read the region's whole index to find nobody. Whether any has them is one descent of the year index
            // (V45), asked once before the walk (an uncorrelated condition), which then does not start
            sql.add(
                    " and exists (select 1 from candidate g where g.region = ? and g.consent_to_share = true",
                    query.region().strip());
            if (query.gradFrom() != null) {
                sql.add(" and g.graduation_year >= ?", query.gradFrom());
            }
            if (query.gradTo() != null) {
                sql.add(" and g.graduation_year <= ?", query.gradTo());
            }
            sql.add(")");
        }
        if (!CandidateQuery.blank(query.certification())) {
            sql.add(
                    " and exists (select 1 from student_certification ce where ce.student_id = r.student_id and ce.name like ?)",
                    query.certification().strip() + "%");
        }
        if (role != null) {
            sql.add(
                    " and exists (select 1 from student_skill sk where sk.student_id = r.student_id and sk.skill = ?)",
                    role);
        }
        if (!CandidateQuery.blank(query.q())) {
            String q = query.q().strip();
            sql.add(
                    " and (st.name_key like ? or sc.code = ? or exists (select 1 from student_skill k where k.student_id = st.id"
                            + " and k.skill = ?) or exists (select 1 from student_certification ce where ce.student_id = st.id"
                            + " and ce.name like ?))",
                    q.toLowerCase(Locale.ROOT) + "%",
                    q.toUpperCase(Locale.ROOT),
                    q,
                    q + "%");
        }
        return sql;
    }

    /**
     * How many candidates match and consented after {@code since} (a saved search's new matches),
     * counted up to the cap.
     */
    long countNew(CandidateQuery query, Instant since, String agency) {
        query.checked();
        try (CandidateRows rows = CandidateRows.onPrimary(dataSource)) {
            Sql sql = filters(rows, query, agency, categoriesFor(query));
            // bound as a timestamp
            sql.add(
                    " and exists (select 1 from student_consent sco where sco.student_id = r.student_id and sco.granted = true"
                            + " and sco.recorded_at > ?)",
                    since);
            return rows.count(sql.from.toString(), sql.parameters, COUNT_CAP);
        }
    }

    /** The skill categories' table where the query names a category or a work role (read once a search), else null. */
    private SkillCategories categoriesFor(CandidateQuery query) {
        return CandidateQuery.blank(query.category()) && CandidateQuery.blank(query.workRole())
                ? null
                : synonyms.current();
    }

    /**
     * How long whether some school refuses an agency is kept: asked on every search, it was one more
     * statement per request, over every school. Forgotten on this node as soon as a change of approvals
     * commits here ({@link #approvalsChanged}); a change made on another node is asked again after
     * this long. Meanwhile no student of a school that withdrew its approval is ever listed (the page's
     * rows are asked of their own school's approval, {@code SHARES_WITH_AGENCY}): a page may come out
     * short, and a short first page gives its own length as the total.
     */
    static final Duration REFUSALS_KEPT = Duration.ofSeconds(10);

    private final Kept<String, Boolean> refusing = new Kept<>(REFUSALS_KEPT);

    /** A school's approvals changed (or a school was added) and committed: every agency is asked again. */
    void approvalsChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) ApprovalsChanged changed) {
        refusing.clear();
    }

    /** Values by key, each kept for a while after it was read. */
    private static final class Kept<K, V> {
        private record Value<V>(V value, long until) {}

        private final long nanos;
        private final Map<K, Value<V>> kept = new ConcurrentHashMap<>();

        Kept(Duration duration) {
            this.nanos = duration.toNanos();
        }

        interface Read<V> {
            V get();
        }

        void clear() {
            kept.clear();
        }

        V get(K key, Read<V> read) {
            long now = System.nanoTime();
            Value<V> k = kept.get(key);
            if (k != null && k.until() - now > 0) {
                return k.value();
            }
            if (kept.size() > 10_000) {
                kept.clear();
            }
            V value = read.get();
            kept.put(key, new Value<>(value, now + nanos));
            return value;
        }
    }

    /**
     * Totals of recent queries, kept for {@link #TOTAL_KEPT}: paging through a search, or many
     * recruiters running the same one, counts once (the count costs more than the page). The rows
     * themselves are always read fresh, so a withdrawn consent leaves the list at once; only the
     * total may lag by that long.
     */
    static final Duration TOTAL_KEPT = Duration.ofSeconds(30);

    private final Totals totals = new Totals();

    private static final class Totals {
        private record Kept(long total, long until) {}

        private final Map<Object, Kept> kept = new ConcurrentHashMap<>();

        long get(Object query, LongSupplier count) {
            long now = System.nanoTime();
            Kept k = kept.get(query);
            if (k != null && k.until() - now > 0) {
                return k.total();
            }
            if (kept.size() > 10_000) {
                kept.clear();
            }
            long total = count.getAsLong();
            kept.put(query, new Kept(total, now + TOTAL_KEPT.toNanos()));
            return total;
        }
    }
}

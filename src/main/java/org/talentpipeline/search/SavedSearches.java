package org.talentpipeline.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;

/**
 * A recruiter's saved searches, each with how many candidates match it who consented since the
 * recruiter last ran it. Running one moves that mark. A saved search is its owner's alone
 * (SAVED_SEARCH, OWN): another's is not found.
 */
@ApplicationScoped
@Transactional
public class SavedSearches {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    CandidateSearch search;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    public record SavedSearch(long id, String name, CandidateQuery query, Instant lastRunAt, long newMatches) {}

    /** A search to save: {@code {"name": "...", "query": {"region": "Northwest", ...}}}, its query as URL parameters. */
    public record SaveInput(
            @NotBlank(message = SaveInput.NAME) @Size(max = 100, message = SaveInput.NAME) String name,
            Map<String, String> query) {

        static final String NAME = "is required (at most 100 characters)";
    }

    public SavedSearch save(SaveInput input) {
        Grant grant = access.require(Operation.SAVED_SEARCH);
        BadInput.check(validator, input, "name", SaveInput.NAME);
        String name = input.name();
        CandidateQuery query = CandidateQuery.of(input.query() == null ? Map.of() : input.query())
                .checked();
        long taken = em.createNamedQuery("StoredSearch.countByOwnerAndName", Long.class)
                .setParameter("username", grant.username())
                .setParameter("name", name.strip())
                .getSingleResult();
        if (taken > 0) {
            throw new Conflict("you already have a saved search named " + name.strip());
        }
        StoredSearch stored = new StoredSearch(grant.username(), name.strip(), encode(query), Instant.now(clock));
        em.persist(stored);
        em.flush();
        return new SavedSearch(stored.getId(), stored.getName(), query, stored.getLastRunAt(), 0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SavedSearch> mine() {
        Grant grant = access.require(Operation.SAVED_SEARCH);
        // OWN: the caller's own searches
        return em.createNamedQuery("StoredSearch.findByOwner", StoredSearch.class)
                .setParameter("username", grant.username())
                .getResultStream()
                .map(stored -> {
                    CandidateQuery query = decode(stored.getQuery());
                    return new SavedSearch(
                            stored.getId(),
                            stored.getName(),
                            query,
                            stored.getLastRunAt(),
                            search.countNew(
                                    query, stored.getLastRunAt(), grant.caller().agencyCode()));
                })
                .toList();
    }

    /** Marks a saved search as run now and returns its query. */
    public CandidateQuery run(long id) {
        StoredSearch stored = owned(access.require(Operation.SAVED_SEARCH), id);
        stored.ranAt(Instant.now(clock));
        return decode(stored.getQuery());
    }

    public void delete(long id) {
        em.remove(owned(access.require(Operation.SAVED_SEARCH), id));
    }

    /** The saved search, when the grant reaches it (its owner's); otherwise not found. */
    private StoredSearch owned(Grant grant, long id) {
        String what = "saved search " + id;
        StoredSearch stored = em.find(StoredSearch.class, id);
        if (stored == null) {
            throw new NotFound(what);
        }
        grant.check(Tenant.owner(stored.getUsername()), what);
        return stored;
    }

    static String encode(CandidateQuery query) {
        return query.parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static CandidateQuery decode(String text) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return CandidateQuery.of(p);
    }
}

package org.talentpipeline.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.talentpipeline.identity.Organisations;

/** Tells identity which agency codes exist. */
@ApplicationScoped
public class AgencyOrganisations implements Organisations {

    @PersistenceContext
    EntityManager em;

    @Override
    public Kind kind() {
        return Kind.AGENCY;
    }

    @Override
    public boolean exists(String code) {
        return em.createNamedQuery("Agency.countByCode", Long.class)
                        .setParameter("code", code)
                        .getSingleResult()
                > 0;
    }

    @Override
    public List<String> codes() {
        return em.createQuery("select o.code from Agency o order by o.code", String.class)
                .getResultList();
    }
}

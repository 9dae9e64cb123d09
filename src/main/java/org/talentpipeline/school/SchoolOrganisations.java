package org.talentpipeline.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.talentpipeline.identity.Organisations;

/** Tells identity which school codes exist. */
@ApplicationScoped
public class SchoolOrganisations implements Organisations {

    @PersistenceContext
    EntityManager em;

    @Override
    public Kind kind() {
        return Kind.SCHOOL;
    }

    @Override
    public boolean exists(String code) {
        return em.createNamedQuery("School.countByCode", Long.class)
                        .setParameter("code", code)
                        .getSingleResult()
                > 0;
    }

    @Override
    public List<String> codes() {
        return em.createQuery("select o.code from School o order by o.code", String.class)
                .getResultList();
    }
}

package org.talentpipeline.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A result's points in one skill category. Written in bulk with the results ({@link ResultStore});
 * this mapping serves the scoreboard's reads.
 */
@Entity
@Table(name = "result_category")
@IdClass(ResultCategory.Key.class)
@NamedQuery(
        name = "ResultCategory.findByResults",
        query = "select c.resultId, c.category, c.points from ResultCategory c where c.resultId in :results")
public class ResultCategory {

    @Id
    @Column(name = "result_id")
    private long resultId;

    @Id
    private String category;

    private double points;

    protected ResultCategory() {}

    /** The primary key: result, category (a class with a no-argument constructor, as JPA builds it). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long resultId;
        private String category;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && resultId == k.resultId && category.equals(k.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resultId, category);
        }
    }
}

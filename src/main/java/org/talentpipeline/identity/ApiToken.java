package org.talentpipeline.identity;

import jakarta.persistence.Column;
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
import java.time.Instant;

/** A bearer token for the API. Only its SHA-256 hash is stored, so a database dump grants nothing. */
@Entity
@Table(name = "api_token")
/* the lookup every API call makes is ApiTokenRows.CALLER_BY_HASH */
@NamedQuery(name = "ApiToken.deleteByHash", query = "delete from ApiToken t where t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.deleteByUser", query = "delete from ApiToken t where t.user = :user")
@NamedQuery(name = "ApiToken.deleteExpired", query = "delete from ApiToken t where t.expiresAt <= :now")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;

    @Column(name = "token_hash")
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ApiToken() {}

    ApiToken(String tokenHash, User user, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.user = user;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    User getUser() {
        return user;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}

package org.talentpipeline.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A set-up secret of the first administrator's link, by its SHA-256 alone, with when it expires. */
@Entity
@Table(name = "setup_secret")
@NamedQuery(name = "SetupSecret.deleteExpired", query = "delete from SetupSecret s where s.expiresAt <= :now")
@NamedQuery(name = "SetupSecret.deleteAll", query = "delete from SetupSecret s")
public class SetupSecret {

    @Id
    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected SetupSecret() {}

    SetupSecret(String secretHash, Instant expiresAt) {
        this.secretHash = secretHash;
        this.expiresAt = expiresAt;
    }

    boolean validAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}

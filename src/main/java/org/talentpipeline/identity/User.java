package org.talentpipeline.identity;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. Disabling a user or changing their password raises their credential
 * generation: page sessions signed in under an older one are signed out on their next request, and
 * their API tokens are deleted in the same transaction.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.findByUsername", query = "select u from User u where u.username = :username")
@NamedQuery(name = "User.count", query = "select count(u) from User u")
@NamedQuery(name = "User.list", query = "select u from User u order by u.username")
@NamedQuery(
        name = "User.credentialsOf",
        query =
                "select u.enabled, u.credentialsGeneration, u.mustChangePassword from User u where u.username = :username")
@NamedQuery(
        name = "User.agencyAccounts",
        query = "select u.username, u.agencyCode from User u where u.agencyCode is not null")
@NamedQuery(
        name = "User.findByRole",
        query = "select u from User u where :role member of u.roles and u.enabled = true order by u.username")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "school_code")
    private String schoolCode;

    @Column(name = "agency_code")
    private String agencyCode;

    private boolean enabled = true;

    @Column(name = "credentials_generation")
    private int credentialsGeneration;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Set by an administrator's reset: until the user chooses a new password, they may do nothing else. */
    @Column(name = "must_change_password")
    private boolean mustChangePassword;
    /** The language the user last chose for the pages (a language tag), null until they choose. */
    private String language;

    @Column(name = "time_zone")
    private String timeZone;

    @Version
    private int version;

    protected User() {}

    User(String username, String passwordHash, Set<Role> roles, String schoolCode, String agencyCode, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.schoolCode = schoolCode;
        this.agencyCode = agencyCode;
        this.createdAt = now;
    }

    /** Signs the user out everywhere and refuses their sign-ins until enabled again. */
    void disable() {
        enabled = false;
        credentialsGeneration++;
    }

    void enable() {
        enabled = true;
    }

    /** A new password hash: every earlier session and token stops working. */
    void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
        credentialsGeneration++;
    }

    /** An administrator's reset to a temporary password, which the user must replace at the next sign-in. */
    void resetPassword(String temporaryHash) {
        passwordHash = temporaryHash;
        mustChangePassword = true;
        credentialsGeneration++;
    }

    /**
     * New roles and affiliations. Page sessions hold the roles they signed in with, so a change signs
     * them out (a token reads the roles afresh on every call).
     */
    void assign(Set<Role> newRoles, String newSchoolCode, String newAgencyCode) {
        boolean changed = !getRoles().equals(newRoles)
                || !Objects.equals(schoolCode, newSchoolCode)
                || !Objects.equals(agencyCode, newAgencyCode);
        if (changed) {
            roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
            schoolCode = newSchoolCode;
            agencyCode = newAgencyCode;
            credentialsGeneration++;
        }
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public int getVersion() {
        return version;
    }

    public Caller toCaller() {
        return new Caller(username, roles, schoolCode, agencyCode);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public String getSchoolCode() {
        return schoolCode;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getCredentialsGeneration() {
        return credentialsGeneration;
    }

    public String getLanguage() {
        return language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package org.talentpipeline.identity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.talentpipeline.platform.ApiError;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;
import org.talentpipeline.platform.StaleVersion;

/** The users page (ADMIN): the list with disable and enable, forms to add a user and set a password, and the sign-in throttles. */
@Named
@ViewScoped
public class UserList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    @Inject
    FacesMessages messages;

    @Inject
    Throttles throttles;

    private String username;
    private String password;
    private List<Role> roles = new ArrayList<>();
    private String schoolCode;
    private String agencyCode;
    private String passwordUser;
    private String newPassword;
    /** The user in the edit form, and the version it was read at (a stale save is refused). */
    private String editUser;

    private int editVersion;
    private List<Role> editRoles = new ArrayList<>();
    private String editSchool;
    private String editAgency;

    private final PagedModel<ThrottleView> throttled = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<ThrottleView> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return throttles.delayed(page);
        }

        @Override
        protected String keyOf(ThrottleView row) {
            return row.kind() + ":" + row.subject();
        }
    };

    private final PagedModel<UserSummary> list = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<UserSummary> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return users.list(page);
        }

        @Override
        protected String keyOf(UserSummary row) {
            return Long.toString(row.id());
        }
    };

    public void create() {
        Set<Role> chosen = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            UserSummary created = users.create(new NewUser(username, password, chosen, schoolCode, agencyCode));
            messages.info("users.created", created.username());
            username = null;
            password = null;
            roles = new ArrayList<>();
            schoolCode = null;
            agencyCode = null;
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (ConstraintViolationException e) {
            messages.violations(e);
        }
    }

    public void disable(String name) {
        try {
            users.disable(name);
            messages.info("users.disabled", name);
        } catch (Conflict e) {
            messages.error("users.cannotDisableSelf");
        }
    }

    public void enable(String name) {
        users.enable(name);
        messages.info("users.enabled", name);
    }

    public void setPassword() {
        try {
            users.setPassword(passwordUser, newPassword);
            messages.info("users.passwordSet", passwordUser);
            passwordUser = null;
            newPassword = null;
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (NotFound e) {
            messages.error("users.noSuchUser", passwordUser);
        }
    }

    /** A temporary password, shown once in the message; the user must choose a new one at sign-in. */
    public void reset(String name) {
        UserService.PasswordReset reset = users.resetPassword(name);
        messages.info("users.resetDone", reset.username(), reset.temporaryPassword());
    }

    /** Opens the edit form on a user, as read now. */
    public void edit(String name) {
        UserSummary user = users.get(name);
        editUser = user.username();
        editVersion = user.version();
        editRoles = new ArrayList<>(user.roles());
        editSchool = user.schoolCode();
        editAgency = user.agencyCode();
    }

    public void saveEdit() {
        if (editUser == null) {
            return;
        }
        try {
            Set<Role> chosen = editRoles.isEmpty() ? Set.of() : EnumSet.copyOf(editRoles);
            users.update(
                    editUser,
                    new UserService.UserEdit(
                            chosen, editSchool == null ? "" : editSchool, editAgency == null ? "" : editAgency, null),
                    editVersion);
            messages.info("users.saved", editUser);
            editUser = null;
        } catch (BadInput e) {
            // the edit form's fields have their own ids beside the new user's
            messages.problems(e.problems().stream()
                    .map(p -> new ApiError.FieldProblem(
                            switch (p.field() == null ? "" : p.field()) {
                                case "schoolCode" -> "editSchool";
                                case "agencyCode" -> "editAgency";
                                case "roles" -> "editRoles";
                                default -> p.field();
                            },
                            p.message()))
                    .toList());
        } catch (StaleVersion e) {
            messages.error("users.stale", editUser);
        }
    }

    private List<String> schoolCodes;
    private List<String> agencyCodes;

    /** The schools' codes, for the pick-lists (read once per view). */
    public List<String> getSchoolCodes() {
        if (schoolCodes == null) {
            schoolCodes = users.organisationCodes(Organisations.Kind.SCHOOL);
        }
        return schoolCodes;
    }

    public List<String> getAgencyCodes() {
        if (agencyCodes == null) {
            agencyCodes = users.organisationCodes(Organisations.Kind.AGENCY);
        }
        return agencyCodes;
    }

    public String getEditUser() {
        return editUser;
    }

    public List<Role> getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(List<Role> editRoles) {
        this.editRoles = editRoles == null ? List.of() : editRoles;
    }

    public String getEditSchool() {
        return editSchool;
    }

    public void setEditSchool(String editSchool) {
        this.editSchool = editSchool;
    }

    public String getEditAgency() {
        return editAgency;
    }

    public void setEditAgency(String editAgency) {
        this.editAgency = editAgency;
    }

    public void clearThrottle(ThrottleView row) {
        throttles.clear(row.kind(), row.subject());
        messages.info("users.throttleCleared", row.subject());
    }

    public PagedModel<ThrottleView> getThrottled() {
        return throttled;
    }

    public String getPasswordUser() {
        return passwordUser;
    }

    public void setPasswordUser(String passwordUser) {
        this.passwordUser = passwordUser;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public PagedModel<UserSummary> getList() {
        return list;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles == null ? List.of() : roles;
    }

    public String getSchoolCode() {
        return schoolCode;
    }

    public void setSchoolCode(String schoolCode) {
        this.schoolCode = schoolCode;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public void setAgencyCode(String agencyCode) {
        this.agencyCode = agencyCode;
    }
}

package org.talentpipeline.identity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.LocaleSelection;

/** The settings page ({@code account/settings.xhtml}): the user's language and time zone, kept on the user. */
@Named
@ViewScoped
public class AccountSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Preferences preferences;

    @Inject
    LocaleSelection session;

    @Inject
    FacesMessages messages;

    private String language;
    private String timeZone;

    public void load() {
        Preferences.Settings mine = preferences.mine();
        language = mine.language() != null ? mine.language() : session.getLanguage();
        timeZone = mine.timeZone();
    }

    public void save() {
        try {
            Preferences.Settings saved = preferences.save(new Preferences.Settings(language, timeZone));
            session.adopt(saved.language(), saved.timeZone());
            messages.info("settings.saved");
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public List<String> getZones() {
        return Preferences.zones();
    }

    /** A zone as people read it: its name and its offset now ("Asia/Shanghai (UTC+08:00)"). */
    public String zoneLabel(String zone) {
        return zone + " (UTC"
                + ZonedDateTime.now(ZoneId.of(zone)).getOffset().getId().replace("Z", "+00:00") + ")";
    }

    /** The platform's zone, used where the user chose none. */
    public String getPlatformZone() {
        Locale locale = session.getLocale();
        ZoneId zone = ZoneId.of(ConfigProvider.getConfig()
                .getOptionalValue("TP_TIME_ZONE", String.class)
                .orElse("Asia/Shanghai"));
        return zone.getId() + " · " + zone.getDisplayName(TextStyle.FULL, locale);
    }

    /** Now, which the page shows in the zone in force (after a save, the zone chosen). */
    public Instant getNow() {
        return Instant.now();
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}

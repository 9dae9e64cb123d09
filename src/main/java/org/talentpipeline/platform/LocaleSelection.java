package org.talentpipeline.platform;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The language (English or Simplified Chinese) and time zone of this session: the user's stored
 * choice once they sign in, the browser's language before; a switch is kept on the user.
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    /** Session attributes that sign-in sets from the user's stored preferences. */
    public static final String STORED_LANGUAGE = "tp.language";

    public static final String STORED_ZONE = "tp.zone";

    private Locale locale;
    private String zone;

    public Locale getLocale() {
        adoptStored();
        if (locale == null) {
            Locale requested =
                    FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = Locale.CHINESE.getLanguage().equals(requested.getLanguage())
                    ? Locale.SIMPLIFIED_CHINESE
                    : Locale.ENGLISH;
        }
        return locale;
    }

    /** The user's zone, or the platform's ({@code TP_TIME_ZONE}, Asia/Shanghai by default). */
    public ZoneId getZone() {
        adoptStored();
        try {
            return ZoneId.of(
                    zone != null
                            ? zone
                            : ConfigProvider.getConfig()
                                    .getOptionalValue("TP_TIME_ZONE", String.class)
                                    .orElse("Asia/Shanghai"));
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private void adoptStored() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpSession session =
                faces == null ? null : (HttpSession) faces.getExternalContext().getSession(false);
        if (session == null) {
            return;
        }
        Object language = session.getAttribute(STORED_LANGUAGE);
        if (language != null) {
            session.removeAttribute(STORED_LANGUAGE);
            locale = supported(language.toString());
        }
        Object storedZone = session.getAttribute(STORED_ZONE);
        if (storedZone != null) {
            session.removeAttribute(STORED_ZONE);
            zone = storedZone.toString();
        }
    }

    private static Locale supported(String tag) {
        Locale wanted = Locale.forLanguageTag(tag);
        return SUPPORTED.contains(wanted) ? wanted : Locale.ENGLISH;
    }

    public String getLanguage() {
        return getLocale().toLanguageTag();
    }

    /**
     * Switches the language, kept on the user; the page that asked is opened again in it, by a redirect
     * that keeps its view parameters: a report stays the same student's report ({@code ?ref=}), and a
     * reload does not post the switch again.
     */
    public String choose(String tag) {
        locale = supported(tag);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        // looked up, not injected: a session bean may hold only what can be passivated with it
        CDI.current().getBeanManager().getEvent().select(LanguageChosen.class).fire(new LanguageChosen(locale));
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    /**
     * Takes the user's saved settings for this session (null: the browser's language, the platform's
     * zone); the page that saved them is rendered in them. Kept on the user by whoever saved them.
     */
    public void adopt(String languageTag, String timeZone) {
        FacesContext faces = FacesContext.getCurrentInstance();
        locale = languageTag == null ? null : supported(languageTag);
        zone = timeZone;
        if (faces != null && faces.getViewRoot() != null) {
            faces.getViewRoot().setLocale(getLocale());
        }
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }
}

package org.talentpipeline.platform;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The language the user chose for this session: English or Simplified Chinese. */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = Locale.CHINESE.getLanguage().equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().toLanguageTag();
    }

    /** Switches the language; the page that asked is rendered again in it. */
    public void choose(String tag) {
        Locale chosen = Locale.forLanguageTag(tag);
        locale = SUPPORTED.contains(chosen) ? chosen : Locale.ENGLISH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }
}

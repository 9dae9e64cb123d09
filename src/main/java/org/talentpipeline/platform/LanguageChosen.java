package org.talentpipeline.platform;

import java.util.Locale;

/** Fired when a signed-in user switches the pages' language, so that identity keeps it on the user. */
public record LanguageChosen(Locale locale) {}

package eu.dpaledger.reporting.api.dashboard;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/**
 * The dashboard's two languages. The switch's cookie decides when present; otherwise the browser's
 * {@code Accept-Language} (the first of its languages the dashboard speaks); otherwise English.
 */
public enum Language {
    EN(Locale.ENGLISH, Locale.UK), NL(Locale.forLanguageTag("nl"), Locale.forLanguageTag("nl-BE"));

    /** The cookie the language switch sets (a preference, not a secret). */
    static final String COOKIE = "dpa-lang";

    private final Locale locale;
    private final Locale formats;

    Language(Locale locale, Locale formats) {
        this.locale = locale;
        this.formats = formats;
    }

    /** The locale of the message bundle ({@code msg_en}, {@code msg_nl}). */
    public Locale locale() {
        return locale;
    }

    /** The locale dates and numbers are written in: British English, Belgian Dutch. */
    public Locale formats() {
        return formats;
    }

    /** The language of a template's locale attribute (English for anything else). */
    static Language of(Object locale) {
        String tag = locale instanceof Locale l ? l.getLanguage() : String.valueOf(locale);
        Language language = ofCode(tag.length() > 2 ? tag.substring(0, 2) : tag);
        return language == null ? EN : language;
    }

    /** The ISO code for {@code <html lang>}, the cookie and the switch's buttons. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language a code names ({@code nl}, {@code en}), or {@code null} for anything else. */
    static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return language;
            }
        }
        return null;
    }

    /** The request's language: the switch's cookie, else the browser's preference, else English. */
    static Language of(HttpHeaders headers) {
        var cookie = headers.getCookies().get(COOKIE);
        Language chosen = cookie == null ? null : ofCode(cookie.getValue());
        if (chosen != null) {
            return chosen;
        }
        List<Locale> accepted = headers.getAcceptableLanguages(); // sorted by quality, "*" as a wildcard locale
        for (Locale wanted : accepted) {
            Language match = ofCode(wanted.getLanguage());
            if (match != null) {
                return match;
            }
        }
        return EN;
    }
}

package eu.dpaledger.reporting.api.dashboard;

/**
 * What every dashboard page shows around its content: who is signed in, in which language, and where the page is
 * (for the navigation's current item and the language switch's way back).
 *
 * @param language     the page's language ({@code <html lang>})
 * @param user         the signed-in person's name as the realm knows it
 * @param organisation the caller's enterprise number
 * @param path         the page's path and query, to come back to after switching the language
 * @param section      the navigation item of the page: overview, obligations, portfolio or settings
 * @param csrf         the form field and token every form of the page carries (quarkus-rest-csrf); {@code null} on a
 *                     page the token is not made for (a refusal of a fragment's request), which then shows no forms
 */
public record Chrome(Language language, String user, String organisation, String path, String section, Csrf csrf) {

    /** The CSRF form field's name and the token of this request's {@code csrf-token} cookie. */
    public record Csrf(String field, String token) {
    }

    public String lang() {
        return language.code();
    }

    public boolean dutch() {
        return language == Language.NL;
    }

    /** {@code aria-pressed} of the language switch's button for the language with this code. */
    public String pressed(String code) {
        return String.valueOf(language.code().equals(code));
    }

    /** {@code aria-current="page"} for the navigation item of this page. */
    public String current(String item) {
        return item.equals(section) ? "page" : "false";
    }
}

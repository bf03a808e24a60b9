package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.Annex2.Occurrence;
import eu.dpaledger.breach.domain.Annex2.PersonsAffected;
import eu.dpaledger.breach.domain.Annex2.Unintelligible;
import eu.dpaledger.breach.domain.Circumstance;
import eu.dpaledger.breach.domain.DataClass;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Annex2FormTest {

    private static final Annex2Form.Header HEADER = new Annex2Form.Header("br-7f3a", "agr-2025-001",
            "Stad Gent", "Verwerker NV", Instant.parse("2025-01-14T10:00:00Z"), "Europe/Brussels");

    private static final Annex2 COMPLETE = new Annex2(
            new Annex2.Contact("An Peeters", "an.peeters@verwerker.be", "+32 2 123 45 67"),
            new Annex2.Company("Verwerker NV", "Kunstlaan 1, 1000 Brussel", "BE0123456789"),
            new Annex2.Finder("Jan Janssens", "Systeembeheerder"),
            Instant.parse("2025-01-14T08:00:00Z"),
            Instant.parse("2025-01-14T09:30:00Z"),
            "Een export met patiëntgegevens werd naar een verkeerde ontvanger gestuurd.",
            new Occurrence(Occurrence.Kind.BETWEEN, null, Instant.parse("2025-01-13T22:00:00Z"),
                    Instant.parse("2025-01-14T06:00:00Z")),
            Set.of(DataClass.B, DataClass.K, DataClass.Q), "patiëntnummers",
            new PersonsAffected(PersonsAffected.Kind.RANGE, 120L, 250L),
            "Patiënten van de dagkliniek",
            Set.of(Circumstance.B),
            new Unintelligible(Unintelligible.Answer.PARTLY, "bijlagen versleuteld, e-mailtekst niet"),
            "AES-256 op de bijlagen",
            "Ontvanger gevraagd te verwijderen; DLP-regel toegevoegd.");

    // 4 occurrence + 17 data classes + 3 persons affected + 6 circumstances + 3 unintelligible letters
    private static final int LETTERS = 33;

    @Test
    void a_complete_report_renders_every_field_and_ticks_exactly_the_chosen_letters() {
        String html = Annex2Form.html(HEADER, COMPLETE);

        for (String value : List.of("br-7f3a", "agr-2025-001", "Stad Gent", "An Peeters", "an.peeters@verwerker.be",
                "+32 2 123 45 67", "Kunstlaan 1, 1000 Brussel", "BE0123456789", "Jan Janssens", "Systeembeheerder",
                "2025-01-14T09:00:00+01:00", "2025-01-14T10:30:00+01:00", "patiëntgegevens",
                "2025-01-13T23:00:00+01:00", "2025-01-14T07:00:00+01:00", "patiëntnummers", "120", "250",
                "Patiënten van de dagkliniek", "bijlagen versleuteld, e-mailtekst niet", "AES-256 op de bijlagen",
                "DLP-regel toegevoegd.")) {
            assertTrue(html.contains(value), value);
        }
        for (Map<String, Object> section : sections(form(HEADER, COMPLETE))) {
            for (Map<String, Object> field : fields(section)) {
                assertNotNull(field.get("value"), section.get("key") + "." + field.get("key"));
                assertTrue(html.contains("id=\"field-" + section.get("key") + "-" + field.get("key") + "\""));
                assertTrue(html.contains(label(field, "nl")), label(field, "nl"));
            }
        }
        assertFalse(html.contains("class=\"unknown\""));

        assertEquals(List.of("B"), ticked(html, "incident-occurrence"));
        assertEquals(List.of("B", "K", "Q"), ticked(html, "data-dataClasses"));
        assertEquals(List.of("C"), ticked(html, "data-personsAffected"));
        assertEquals(List.of("B"), ticked(html, "security-circumstances"));
        assertEquals(List.of("C"), ticked(html, "security-unintelligible"));
        assertEquals(7, count(html, "☒"));
        assertEquals(LETTERS - 7, count(html, "☐"));
    }

    @Test
    void every_letter_is_listed_so_the_print_shows_what_was_not_ticked() {
        String row = row(Annex2Form.html(HEADER, COMPLETE), "data-dataClasses");

        assertEquals(17, count(row, "<li "));
        assertTrue(row.contains("<span class=\"box\">☐</span> <span class=\"code\">L</span> strafrechtelijke gegevens"));
        assertTrue(row.contains("<span class=\"box\">☒</span> <span class=\"code\">K</span> gezondheid of seksuele"));
    }

    @Test
    void an_incomplete_report_marks_unknown_values_and_never_prints_null() {
        Annex2 incomplete = new Annex2(null, null, null, null, Instant.parse("2025-01-14T09:30:00Z"),
                "Laptop gestolen uit de wagen van een medewerker.", null, null, null, null, null, null, null, null,
                null);
        Annex2Form.Header header = new Annex2Form.Header("br-1", null, null, null, null, null);

        String html = Annex2Form.html(header, incomplete);

        assertFalse(html.toLowerCase().contains("null"));
        assertTrue(html.contains("<span class=\"unknown\">nog niet gekend <span lang=\"en\">/ not yet known</span></span>"));
        assertTrue(row(html, "foundBy-name").contains("class=\"unknown\""));
        assertTrue(row(html, "data-dataClasses").contains("class=\"unknown\""));
        assertTrue(row(html, "security-unintelligible").contains("class=\"unknown\""));
        assertFalse(row(html, "incident-description").contains("class=\"unknown\""));
        assertTrue(html.contains("2025-01-14T10:30:00+01:00"));
        assertEquals(0, count(html, "☒"));
        assertEquals(LETTERS, count(html, "☐"));

        Map<String, Object> json = form(header, incomplete);
        assertTrue(field(json, "internalContact", "name").containsKey("value"));
        assertNull(field(json, "internalContact", "name").get("value"));
        assertNull(field(json, "data", "dataClasses").get("value"));
        assertNull(field(json, "incident", "occurrence").get("value"));
    }

    @Test
    void user_text_is_html_escaped() {
        Annex2 report = new Annex2(null, null, null, null, Instant.parse("2025-01-14T09:30:00Z"),
                "<script>alert(1)</script> & \"x\"", null, null, null, null, null, null, null, null, null);
        Annex2Form.Header header = new Annex2Form.Header("br-1", "agr-1", "O'Brien <b>BV</b>", "P", null, null);

        String html = Annex2Form.html(header, report);

        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assertTrue(html.contains("O&#39;Brien &lt;b&gt;BV&lt;/b&gt;"));
        assertEquals("&amp;&lt;&gt;&quot;&#39;", Annex2Form.escape("&<>\"'"));
    }

    @Test
    void the_page_is_self_contained_and_printable() {
        String html = Annex2Form.html(HEADER, COMPLETE);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<html lang=\"nl\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<title>Bijlage 2 — Melding van een inbreuk in verband met persoonsgegevens"
                + " / Annex 2 — Personal data breach report</title>"));
        assertTrue(html.contains("@page"));
        for (String external : List.of("<script", "<link", "src=", "href=", "url(", "@import")) {
            assertFalse(html.contains(external), external);
        }
    }

    @Test
    void the_json_maps_data_classes_and_circumstances_to_dpv_iris() {
        Map<String, Object> json = form(HEADER, COMPLETE);

        List<Map<String, Object>> classes = list(field(json, "data", "dataClasses").get("value"));
        assertEquals(List.of("B", "K", "Q"), classes.stream().map(c -> c.get("code")).toList());
        Map<String, Object> health = classes.get(1);
        assertEquals("https://w3id.org/dpv/pd#MedicalHealth", health.get("dpv"));
        assertEquals(Map.of("nl", "gezondheid of seksuele geaardheid", "en", "health or sexual orientation"),
                health.get("label"));
        assertEquals("https://w3id.org/dpv#PersonalData", classes.get(2).get("dpv"));

        List<Map<String, Object>> circumstances = list(field(json, "security", "circumstances").get("value"));
        assertEquals("B", circumstances.get(0).get("code"));
        assertEquals("https://w3id.org/dpv/legal/eu/gdpr#ConfidentialityBreach", circumstances.get(0).get("dpv"));

        List<Map<String, Object>> options = list(field(json, "data", "dataClasses").get("options"));
        assertEquals(17, options.size());
        assertTrue(options.get(0).containsKey("dpv"));
        assertNull(options.get(0).get("dpv"), "A maps to no DPV term");
    }

    @Test
    void the_json_keeps_the_form_order_labels_and_letter_codes() {
        Map<String, Object> json = form(HEADER, COMPLETE);

        assertEquals(List.of("title", "timeZone", "sections"), List.copyOf(json.keySet()));
        assertEquals(List.of("report", "internalContact", "company", "foundBy", "incident", "data", "security",
                "measures"), sections(json).stream().map(s -> s.get("key")).toList());
        assertEquals("Interne contactpersoon", label(sections(json).get(1), "nl"));
        assertEquals("Wie heeft het incident ontdekt", label(sections(json).get(3), "nl"));
        assertEquals("Beschrijving van het incident", label(field(json, "incident", "description"), "nl"));
        assertEquals("Onleesbaar gemaakt voor onbevoegden", label(field(json, "security", "unintelligible"), "nl"));
        assertEquals("Genomen en geplande maatregelen", label(field(json, "measures", "measures"), "nl"));

        Map<String, Object> occurrence = map(field(json, "incident", "occurrence").get("value"));
        assertEquals("B", occurrence.get("code"));
        assertEquals("2025-01-13T23:00:00+01:00", occurrence.get("from"));
        assertEquals("2025-01-14T07:00:00+01:00", occurrence.get("to"));
        Map<String, Object> persons = map(field(json, "data", "personsAffected").get("value"));
        assertEquals("C", persons.get("code"));
        assertEquals(120L, persons.get("min"));
        assertEquals(250L, persons.get("max"));
        Map<String, Object> unintelligible = map(field(json, "security", "unintelligible").get("value"));
        assertEquals("C", unintelligible.get("code"));
        assertEquals("bijlagen versleuteld, e-mailtekst niet", unintelligible.get("how"));
    }

    @Test
    void instants_are_shown_in_brussels_time_with_the_winter_and_summer_offsets() {
        Annex2 summer = new Annex2(null, null, null, Instant.parse("2025-07-01T09:30:00Z"),
                Instant.parse("2025-07-01T10:00:00Z"), "x", null, null, null, null, null, null, null, null, null);

        Map<String, Object> winter = form(HEADER, COMPLETE);
        assertEquals("Europe/Brussels", winter.get("timeZone"));
        assertEquals("2025-01-14T10:30:00+01:00", field(winter, "incident", "processorAwareAt").get("value"));
        assertEquals("2025-01-14T11:00:00+01:00", field(winter, "report", "receivedAt").get("value"));
        assertEquals("2025-07-01T11:30:00+02:00",
                field(form(HEADER, summer), "incident", "detectedAt").get("value"));
    }

    @Test
    void the_time_zone_defaults_to_brussels_and_must_be_a_zone() {
        assertEquals("Europe/Brussels", new Annex2Form.Header(null, null, null, null, null, null).timeZone());
        assertThrows(DateTimeException.class, () -> new Annex2Form.Header(null, null, null, null, null, "Mars/Olympus"));
    }

    // --- reading the outputs ---

    private static final Pattern LETTER = Pattern.compile(
            "<li class=\"(ticked|unticked)\"><span class=\"box\">(.)</span> <span class=\"code\">([A-Z])</span>");

    private static List<String> ticked(String html, String rowId) {
        List<String> ticked = new ArrayList<>();
        Matcher m = LETTER.matcher(row(html, rowId));
        while (m.find()) {
            assertEquals(m.group(1).equals("ticked") ? "☒" : "☐", m.group(2));
            if (m.group(1).equals("ticked")) {
                ticked.add(m.group(3));
            }
        }
        return ticked;
    }

    private static String row(String html, String rowId) {
        int start = html.indexOf("<tr id=\"field-" + rowId + "\">");
        assertTrue(start >= 0, rowId);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    /** The form's JSON document as a client reads it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(Annex2Form.Header header, Annex2 report) {
        return new ObjectMapper().findAndRegisterModules().convertValue(Annex2Form.json(header, report), Map.class);
    }

    private static List<Map<String, Object>> sections(Map<String, Object> json) {
        return list(json.get("sections"));
    }

    private static List<Map<String, Object>> fields(Map<String, Object> section) {
        return list(section.get("fields"));
    }

    private static Map<String, Object> field(Map<String, Object> json, String section, String key) {
        Map<String, Object> s = sections(json).stream().filter(x -> x.get("key").equals(section)).findFirst()
                .orElseThrow();
        return fields(s).stream().filter(f -> f.get("key").equals(key)).findFirst().orElseThrow();
    }

    private static String label(Map<String, Object> labelled, String language) {
        return (String) map(labelled.get("label")).get(language);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}

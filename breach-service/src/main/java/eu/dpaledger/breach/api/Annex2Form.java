package eu.dpaledger.breach.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.Circumstance;
import eu.dpaledger.breach.domain.DataClass;
import eu.dpaledger.breach.domain.ReportKind;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Annex 2 filled in, as a document: an ordered JSON structure and a printable, self-contained HTML page.
 * Every field carries the form's Dutch and English label; letter lists show every letter, ticked or not,
 * as the paper form does; a value not known yet is marked as such rather than left blank.
 */
public final class Annex2Form {

    public static final String TITLE_NL = "Bijlage 2 — Melding van een inbreuk in verband met persoonsgegevens";
    public static final String TITLE_EN = "Annex 2 — Personal data breach report";
    public static final String UNKNOWN_NL = "nog niet gekend";
    public static final String UNKNOWN_EN = "not yet known";
    /** The zone used when the header names none: the agreements are Flemish. */
    public static final String DEFAULT_TIME_ZONE = "Europe/Brussels";

    private static final Map<String, String> PREFIXES = Map.of(
            "pd:", "https://w3id.org/dpv/pd#",
            "dpv:", "https://w3id.org/dpv#",
            "eu-gdpr:", "https://w3id.org/dpv/legal/eu/gdpr#");

    private Annex2Form() {
    }

    /**
     * What the form states about the report besides annex 2 itself.
     *
     * @param receivedAt when the controller received the report
     * @param timeZone   the zone instants are shown in (an IANA id); null means {@value #DEFAULT_TIME_ZONE}
     * @param assessedAsBreachAt when the controller assessed a reported serious attempt as a breach (DPA art. 7.3);
     *                   null otherwise
     */
    public record Header(String breachId, String agreementId, String controllerName, String processorName,
                         Instant receivedAt, String timeZone, Instant assessedAsBreachAt) {

        public Header {
            timeZone = timeZone == null ? DEFAULT_TIME_ZONE : ZoneId.of(timeZone).getId();
        }

        /** The header of a report the controller has not (re)assessed as a breach. */
        public Header(String breachId, String agreementId, String controllerName, String processorName, Instant receivedAt,
                      String timeZone) {
            this(breachId, agreementId, controllerName, processorName, receivedAt, timeZone, null);
        }

        ZoneId zone() {
            return ZoneId.of(timeZone);
        }
    }

    /** The form as JSON: title, time zone and sections of fields, each with its Dutch and English label. */
    public static Document json(Header header, Annex2 report) {
        return new Document(new Label(TITLE_NL, TITLE_EN), header.timeZone(),
                sections(header, report).stream().map(Section::json).toList());
    }

    /** Annex 2 as a JSON document. */
    @Schema(name = "Annex2Form")
    public record Document(@Schema(required = true) Label title,
                           @Schema(required = true, example = "Europe/Brussels", description = "The zone the form's times are shown in")
                           String timeZone,
                           @Schema(required = true) List<SectionView> sections) {
    }

    /** One section of the form and its fields. */
    @Schema(name = "FormSection")
    public record SectionView(@Schema(required = true, example = "incident") String key, @Schema(required = true) Label label,
                              @Schema(required = true) List<FieldView> fields) {
    }

    /**
     * One field: its value is text (times in the form's zone), the ticked options of a letter list, or the chosen option
     * of a single choice with the details filled in next to it; null when not known yet. {@code options} lists every
     * letter of a letter list, with its W3C DPV term where there is one.
     */
    @Schema(name = "FormField")
    public record FieldView(@Schema(required = true, example = "description") String key, @Schema(required = true) Label label,
                            @Schema(nullable = true, description = "Text, a list of ticked options, or the chosen option "
                                    + "(code, label) with its details; null when not known yet") Object value,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<OptionView> options) {
    }

    /**
     * One letter of a letter list. {@code dpv} is left out on lists without DPV terms and null on a letter of a DPV-mapped
     * list that maps to none (data class A).
     */
    @Schema(name = "FormOption")
    public record OptionView(@Schema(required = true, example = "A") String code, @Schema(required = true) Label label,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             @Schema(implementation = String.class, nullable = true, description = "The W3C DPV term (data classes, circumstances)")
                             Optional<String> dpv) {
    }

    /** The form as a complete HTML5 page for printing: no scripts, no external resources. */
    public static String html(Header header, Annex2 report) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(TITLE_NL + " / " + TITLE_EN)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>").append(escape(TITLE_NL)).append("</h1>\n")
                .append("<p class=\"subtitle\" lang=\"en\">").append(escape(TITLE_EN)).append("</p>\n</header>\n")
                .append("<table>\n");
        for (Section section : sections(header, report)) {
            section.html(html);
        }
        html.append("</table>\n<footer><p>Tijdstippen in ").append(escape(header.timeZone()))
                .append(" <span lang=\"en\">/ Times in ").append(escape(header.timeZone()))
                .append("</span></p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    // --- the form, field by field ---

    private static List<Section> sections(Header h, Annex2 r) {
        Objects.requireNonNull(h, "header");
        Objects.requireNonNull(r, "report");
        ZoneId zone = h.zone();
        Annex2.Contact contact = r.internalContact();
        Annex2.Company company = r.company();
        Annex2.Finder finder = r.foundBy();
        return List.of(
                new Section("report", new Label("Melding", "Report"), List.of(
                        text("breachId", "Referentie van de inbreuk", "Breach reference", h.breachId()),
                        text("agreementId", "Verwerkersovereenkomst", "Data processing agreement", h.agreementId()),
                        text("controller", "Verwerkingsverantwoordelijke", "Controller", h.controllerName()),
                        text("processor", "Verwerker", "Processor", h.processorName()),
                        text("receivedAt", "Ontvangen op", "Received at", time(h.receivedAt(), zone)),
                        text("kind", "Soort melding (art. 7.3)", "Kind of report (art. 7.3)",
                                kind(r.reportKind(), h.assessedAsBreachAt(), zone)))),
                new Section("internalContact", new Label("Interne contactpersoon", "Internal contact person"), List.of(
                        text("name", "Naam", "Name", contact == null ? null : contact.name()),
                        text("email", "E-mailadres", "E-mail address", contact == null ? null : contact.email()),
                        text("phone", "Telefoonnummer", "Phone number", contact == null ? null : contact.phone()))),
                new Section("company", new Label("Bedrijf", "Company"), List.of(
                        text("name", "Naam", "Name", company == null ? null : company.name()),
                        text("address", "Adres", "Address", company == null ? null : company.address()),
                        text("vatNumber", "Btw-nummer", "VAT number", company == null ? null : company.vatNumber()))),
                new Section("foundBy", new Label("Wie heeft het incident ontdekt", "Who discovered the incident"),
                        List.of(text("name", "Naam", "Name", finder == null ? null : finder.name()),
                                text("jobTitle", "Functie", "Job title", finder == null ? null : finder.jobTitle()))),
                new Section("incident", new Label("Het incident", "The incident"), List.of(
                        text("detectedAt", "Wanneer werd het incident ontdekt", "When was the incident discovered",
                                time(r.detectedAt(), zone)),
                        text("processorAwareAt", "Wanneer kreeg de verwerker kennis van de inbreuk",
                                "When did the processor become aware of the breach", time(r.processorAwareAt(), zone)),
                        text("description", "Beschrijving van het incident", "Description of the incident",
                                r.description()),
                        new Field("occurrence", new Label("Wanneer vond het incident plaats",
                                "When did the incident take place"), occurrence(r.occurrence(), zone)))),
                new Section("data", new Label("Gegevens en betrokkenen", "Data and persons affected"), List.of(
                        new Field("dataClasses", new Label("Classificatie van de gegevens",
                                "Classification of the data"), dataClasses(r.dataClasses())),
                        text("otherData", "Andere gegevens (Q): omschrijving", "Other data (Q): description",
                                r.otherData()),
                        new Field("personsAffected", new Label("Betrokken personen", "Persons affected"),
                                personsAffected(r.personsAffected())),
                        text("groupDescription", "Beschrijving van de groep betrokkenen",
                                "Description of the group of persons affected", r.groupDescription()))),
                new Section("security", new Label("Omstandigheden en beveiliging", "Circumstances and security"),
                        List.of(new Field("circumstances", new Label("Omstandigheden", "Circumstances"),
                                        circumstances(r.circumstances())),
                                new Field("unintelligible", new Label("Onleesbaar gemaakt voor onbevoegden",
                                        "Made unintelligible to unauthorised persons"),
                                        unintelligible(r.unintelligible())),
                                text("encryption", "Hoe werden de gegevens onleesbaar gemaakt (versleuteling)",
                                        "How the data was made unintelligible (encryption)", r.encryption()))),
                new Section("measures", new Label("Maatregelen", "Measures"), List.of(
                        text("measures", "Genomen en geplande maatregelen", "Measures taken and planned",
                                r.measures()))));
    }

    /** A breach, or a serious attempt (and, once the controller assessed it so, that it is a breach after all). */
    private static String kind(ReportKind kind, Instant assessedAsBreachAt, ZoneId zone) {
        String reported = kind.dutch() + " / " + kind.english();
        return assessedAsBreachAt == null ? reported : reported + " — door de verwerkingsverantwoordelijke als datalek "
                + "beoordeeld op " + time(assessedAsBreachAt, zone) + " / assessed as a breach by the controller at "
                + time(assessedAsBreachAt, zone);
    }

    private static final List<Option> OCCURRENCE = List.of(
            new Option("A", new Label("op een bepaald tijdstip", "at a given time"), null),
            new Option("B", new Label("tussen twee tijdstippen", "between two times"), null),
            new Option("C", new Label("nog niet vastgesteld", "not yet established"), null),
            new Option("D", new Label("anonieme melding", "anonymous report"), null));

    private static Choice occurrence(Annex2.Occurrence o, ZoneId zone) {
        String code = o == null || o.kind() == null ? null : switch (o.kind()) {
            case AT -> "A";
            case BETWEEN -> "B";
            case NOT_YET_KNOWN -> "C";
            case ANONYMOUS_REPORT -> "D";
        };
        return Choice.single(OCCURRENCE, code, List.of(
                new Detail("A", "at", new Label("op", "at"), o == null ? null : time(o.at(), zone)),
                new Detail("B", "from", new Label("van", "from"), o == null ? null : time(o.from(), zone)),
                new Detail("B", "to", new Label("tot", "until"), o == null ? null : time(o.to(), zone))));
    }

    private static Choice dataClasses(Set<DataClass> classes) {
        List<Option> options = Arrays.stream(DataClass.values())
                .map(c -> new Option(c.name(), new Label(c.dutch(), c.english()), iri(c.dpv()))).toList();
        List<String> ticked = classes == null ? null
                : Arrays.stream(DataClass.values()).filter(classes::contains).map(Enum::name).toList();
        return new Choice(options, ticked, true, List.of());
    }

    private static final List<Option> PERSONS = List.of(
            new Option("A", new Label("geen, niet herleidbaar tot een persoon", "none, not traceable to a person"),
                    null),
            new Option("B", new Label("nog niet vastgesteld", "not yet established"), null),
            new Option("C", new Label("minstens en maximaal", "at least and at most"), null));

    private static Choice personsAffected(Annex2.PersonsAffected p) {
        String code = p == null || p.kind() == null ? null : switch (p.kind()) {
            case NONE -> "A";
            case UNKNOWN -> "B";
            case RANGE -> "C";
        };
        return Choice.single(PERSONS, code, List.of(
                new Detail("C", "min", new Label("minstens", "at least"), p == null ? null : p.min()),
                new Detail("C", "max", new Label("maximaal", "at most"), p == null ? null : p.max())));
    }

    private static Choice circumstances(Set<Circumstance> circumstances) {
        List<Option> options = Arrays.stream(Circumstance.values())
                .map(c -> new Option(c.name(), new Label(c.dutch(), c.english()), iri(c.dpv()))).toList();
        List<String> ticked = circumstances == null ? null
                : Arrays.stream(Circumstance.values()).filter(circumstances::contains).map(Enum::name).toList();
        return new Choice(options, ticked, true, List.of());
    }

    private static final List<Option> UNINTELLIGIBLE = List.of(
            new Option("A", new Label("ja", "yes"), null),
            new Option("B", new Label("nee", "no"), null),
            new Option("C", new Label("gedeeltelijk", "partly"), null));

    private static Choice unintelligible(Annex2.Unintelligible u) {
        String code = u == null || u.answer() == null ? null : switch (u.answer()) {
            case YES -> "A";
            case NO -> "B";
            case PARTLY -> "C";
        };
        return Choice.single(UNINTELLIGIBLE, code,
                List.of(new Detail("C", "how", new Label("hoe", "how"), u == null ? null : blankToNull(u.how()))));
    }

    // --- the model both renderings are made from ---

    /** A Dutch and an English text. */
    @Schema(name = "FormLabel")
    public record Label(@Schema(required = true) String nl, @Schema(required = true) String en) {
    }

    private record Section(String key, Label label, List<Field> fields) {

        SectionView json() {
            return new SectionView(key, label, fields.stream().map(Field::json).toList());
        }

        void html(StringBuilder html) {
            html.append("<tbody id=\"section-").append(escape(key)).append("\">\n<tr class=\"section\">")
                    .append("<th colspan=\"2\" scope=\"rowgroup\">").append(escape(label.nl()))
                    .append(" <span class=\"en\" lang=\"en\">").append(escape(label.en())).append("</span></th></tr>\n");
            for (Field field : fields) {
                html.append("<tr id=\"field-").append(escape(key)).append('-').append(escape(field.key())).append("\">")
                        .append("<th scope=\"row\">").append(escape(field.label().nl()))
                        .append("<span class=\"en\" lang=\"en\">").append(escape(field.label().en())).append("</span></th>")
                        .append("<td>");
                field.value().html(html);
                html.append("</td></tr>\n");
            }
            html.append("</tbody>\n");
        }
    }

    private record Field(String key, Label label, Value value) {

        FieldView json() {
            return new FieldView(key, label, value.json(), value instanceof Choice choice
                    ? choice.options().stream().map(o -> o.json(choice.withDpv())).toList() : null);
        }
    }

    private sealed interface Value permits Text, Choice {

        Object json();

        void html(StringBuilder html);
    }

    /** Free text; null when not known yet. */
    private record Text(String text) implements Value {

        @Override
        public Object json() {
            return text;
        }

        @Override
        public void html(StringBuilder html) {
            if (text == null) {
                unknown(html);
            } else {
                html.append("<span class=\"text\">").append(escape(text)).append("</span>");
            }
        }
    }

    /** One letter of a letter list. */
    private record Option(String code, Label label, String dpv) {

        OptionView json(boolean withDpv) {
            return new OptionView(code, label, withDpv ? Optional.ofNullable(dpv) : null);
        }
    }

    /** A value filled in next to a letter (a time, a number, how); null when not known yet. */
    private record Detail(String code, String key, Label label, Object value) {
    }

    /**
     * A letter list. {@code ticked} is null when the field is not known yet; details are shown when their
     * letter is ticked or when they hold a value, so nothing in the report is left off the form.
     */
    private record Choice(List<Option> options, List<String> ticked, boolean multiple, List<Detail> details)
            implements Value {

        static Choice single(List<Option> options, String code, List<Detail> details) {
            return new Choice(options, code == null ? null : List.of(code), false, details);
        }

        boolean withDpv() {
            return options.stream().anyMatch(o -> o.dpv() != null);
        }

        boolean isTicked(String code) {
            return ticked != null && ticked.contains(code);
        }

        Stream<Detail> shown(String code) {
            return details.stream().filter(d -> d.code().equals(code) && (isTicked(code) || d.value() != null));
        }

        @Override
        public Object json() {
            if (multiple) {
                return ticked == null ? null : options.stream().filter(o -> isTicked(o.code()))
                        .map(o -> o.json(withDpv())).toList();
            }
            Option chosen = options.stream().filter(o -> isTicked(o.code())).findFirst().orElse(null);
            List<Detail> shown = options.stream().flatMap(o -> shown(o.code())).toList();
            if (chosen == null && shown.isEmpty()) {
                return null;
            }
            Map<String, Object> json = ordered("code", chosen == null ? null : chosen.code(),
                    "label", chosen == null ? null : chosen.label());
            shown.forEach(d -> json.put(d.key(), d.value()));
            return json;
        }

        @Override
        public void html(StringBuilder html) {
            if (ticked == null || ticked.isEmpty()) {
                unknown(html);
            }
            html.append("<ul class=\"options\">");
            for (Option option : options) {
                boolean on = isTicked(option.code());
                html.append("<li class=\"").append(on ? "ticked" : "unticked").append("\">")
                        .append("<span class=\"box\">").append(on ? "☒" : "☐").append("</span> ")
                        .append("<span class=\"code\">").append(escape(option.code())).append("</span> ")
                        .append(escape(option.label().nl()))
                        .append(" <span class=\"alt\" lang=\"en\">").append(escape(option.label().en())).append("</span>");
                shown(option.code()).forEach(d -> detail(html, d));
                html.append("</li>");
            }
            html.append("</ul>");
        }

        private static void detail(StringBuilder html, Detail d) {
            html.append("<span class=\"detail\">").append(escape(d.label().nl()))
                    .append(" <span class=\"alt\" lang=\"en\">").append(escape(d.label().en())).append("</span>: ");
            if (d.value() == null) {
                unknown(html);
            } else {
                html.append(escape(d.value().toString()));
            }
            html.append("</span>");
        }
    }

    // --- helpers ---

    private static Field text(String key, String nl, String en, String value) {
        return new Field(key, new Label(nl, en), new Text(blankToNull(value)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** Expands a DPV compact term ({@code pd:MedicalHealth}) into its IRI. */
    private static String iri(String term) {
        if (term == null) {
            return null;
        }
        return PREFIXES.entrySet().stream().filter(p -> term.startsWith(p.getKey()))
                .map(p -> p.getValue() + term.substring(p.getKey().length())).findFirst().orElse(term);
    }

    private static void unknown(StringBuilder html) {
        html.append("<span class=\"unknown\">").append(UNKNOWN_NL).append(" <span lang=\"en\">/ ").append(UNKNOWN_EN)
                .append("</span></span>");
    }

    /** Escapes text for HTML content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A LinkedHashMap from alternating keys and values; unlike Map.of it keeps the order and allows nulls. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // Print first: A4 margins, rows kept whole across pages, the unknown marker dashed so it shows in black
    // and white (browsers drop backgrounds when printing by default).
    private static final String CSS = """
            @page { size: A4; margin: 15mm; }
            body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.35;
                   color: #000; max-width: 190mm; margin: 1em auto; }
            h1 { font-size: 14pt; margin: 0; }
            .subtitle { font-size: 11pt; color: #444; margin: 2pt 0 10pt; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 1px solid #777; padding: 4pt 6pt; text-align: left; vertical-align: top; }
            th[scope=row] { width: 36%; font-weight: 600; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            tr.section th { background: #e6e6e6; font-size: 11pt; break-after: avoid; page-break-after: avoid; }
            th .en { display: block; font-size: 8pt; font-weight: normal; color: #555; }
            tr.section th .en { display: inline; margin-left: 0.5em; }
            .alt { font-size: 8pt; color: #555; }
            .text { white-space: pre-wrap; }
            .unknown { display: inline-block; font-style: italic; color: #7a4100; border: 1px dashed #7a4100;
                       padding: 0 3pt; margin-bottom: 2pt; }
            ul.options { list-style: none; margin: 0; padding: 0; }
            li.ticked { font-weight: 600; }
            .box { display: inline-block; width: 1.2em; font-size: 11pt; }
            .code { display: inline-block; width: 1.1em; }
            .detail { display: block; margin-left: 2.3em; font-weight: normal; }
            footer { font-size: 8pt; color: #555; margin-top: 6pt; }
            @media print { body { max-width: none; margin: 0; } }
            """;
}

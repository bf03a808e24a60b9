package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementActivated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementSigned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementTerminated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DataReturned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DraftCreated;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementContentChanges;
import eu.dpaledger.agreement.domain.content.AgreementSettings;
import eu.dpaledger.agreement.domain.content.Application;
import eu.dpaledger.agreement.domain.content.Assignment;
import eu.dpaledger.agreement.domain.content.DataCategory;
import eu.dpaledger.agreement.domain.content.Dpo;
import eu.dpaledger.agreement.domain.content.Party;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.agreement.domain.content.ProcessingLocation;
import eu.dpaledger.agreement.domain.content.Representative;
import eu.dpaledger.agreement.domain.content.SecurityMeasure;
import eu.dpaledger.agreement.domain.content.Subprocessor;
import eu.dpaledger.agreement.domain.content.SupervisoryAuthority;
import eu.dpaledger.platform.domain.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.DIGEST;

/**
 * The seed agreement (shared/seed/000_3c7680fc476cc21c.txt): Lokaal bestuur Opwijk and European Service
 * Network, website hosting plus Matomo, sub-processor Level 27. The organisations keep their public names
 * and enterprise numbers; every natural person is fictitious.
 */
public final class SeedAgreement {

    static final String ID = "agr-opwijk-esn";
    static final String OPWIJK = "0207511803";
    static final String ESN = "0428304785";
    /** A valid enterprise number that is neither party. */
    static final String OUTSIDER_ORG = "0123456749";

    static final Instant DRAFTED = Instant.parse("2025-01-14T09:00:00Z");
    static final Instant CONTROLLER_SIGNS = Instant.parse("2025-08-04T12:36:06Z");
    static final Instant PROCESSOR_SIGNS = Instant.parse("2025-09-15T14:58:12Z");
    static final Instant TERMINATED = Instant.parse("2026-06-30T10:00:00Z");
    static final Instant DATA_DELIVERED = Instant.parse("2026-07-06T08:00:00Z");
    static final Instant DATA_RETURN_RECORDED = Instant.parse("2026-07-06T09:00:00Z");
    static final String ARCHIVE_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private SeedAgreement() {
    }

    // --- callers ---

    static Actor controllerStaff() {
        return new Actor("jan.voorbeeld", OPWIJK, Set.of(Actor.CONTROLLER));
    }

    static Actor processorStaff() {
        return new Actor("piet.proef", ESN, Set.of(Actor.PROCESSOR));
    }

    /** Someone of the controller's organisation who may look but not act for it. */
    static Actor controllerAuditor() {
        return new Actor("auditor.fictief", OPWIJK, Set.of(Actor.AUDITOR));
    }

    /** A controller of another organisation. */
    static Actor outsider() {
        return new Actor("eve.buiten", OUTSIDER_ORG, Set.of(Actor.CONTROLLER, Actor.PROCESSOR));
    }

    // --- content ---

    public static Party opwijk() {
        return new Party("Lokaal bestuur Opwijk", OPWIJK, "Ringlaan 20, 1745 Opwijk",
                new Representative("Jan Voorbeeld", "Algemeen directeur", "jan.voorbeeld@example.org"),
                new Dpo("An Voorbeeld", "dpo.opwijk@example.org", "+32 000 00 00 00"));
    }

    public static Party esn() {
        return new Party("European Service Network", ESN, "Kunstlaan 47, 1000 Brussel",
                new Representative("Piet Proef", "Algemeen directeur ESN", "piet.proef@example.com"),
                new Dpo("Els Fictief", "dpo.esn@example.com", "+32 000 00 00 00"));
    }

    static DataCategory identityData() {
        return new DataCategory("3 00", "Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)",
                DataCategory.AS_REQUIRED_BY_LAW, "Toegang tot de website", null);
    }

    public static Subprocessor level27() {
        return new Subprocessor("Level 27", "Via Media 4, 3500 Hasselt", "BE", null);
    }

    /** The seed's annex 1 in the stored (normalised) form. */
    public static AgreementContent content() {
        return new AgreementContent(
                opwijk(),
                esn(),
                new Assignment("Opbouw en hosting website + hosting Matomo",
                        List.of("Dienstverleningsovereenkomst website en hosting")),
                List.of("Opbouw en hosting van de website van het lokaal bestuur",
                        "Analyse van het websitebezoek met Matomo"),
                List.of(
                        identityData(),
                        new DataCategory(null, "Technische instellingen (rol en taal)", DataCategory.AS_REQUIRED_BY_LAW,
                                "Vlotte werking van de website en vlotte gebruikservaring", null),
                        new DataCategory(null, "Analytische gegevens", DataCategory.AS_REQUIRED_BY_LAW,
                                "Analyse van het websitebezoek ter optimalisatie van de website", null),
                        new DataCategory(null, "Technische gegevens (IP, sessiegegevens, cookies)",
                                DataCategory.AS_REQUIRED_BY_LAW, "Functionaliteit van de website voor bezoekers", null),
                        new DataCategory(null, "Andere persoonsgegevens doorgegeven via webformulieren",
                                DataCategory.AS_REQUIRED_BY_LAW, "Online dienstverlening", null)),
                List.of(
                        new Application("Hoplr", "Gegevens vanuit enquêtes", "Op site Hoplr", "Via link",
                                "Via wachtwoord"),
                        new Application("Notula", "Gegevens van de raadpleegomgeving", "Op site Green Valley",
                                "Via link", "Via wachtwoord"),
                        new Application("Matomo", "Analytics", "Op site Matomo", "Door Paddle gelegd",
                                "Via wachtwoord")),
                List.of(
                        new SecurityMeasure("Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging",
                                "Verantwoordelijke voor informatiebeveiliging", true,
                                "Informatieveiligheidsconsulent aangesteld"),
                        new SecurityMeasure("Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging",
                                "Risicoanalyse, beheer en controle", true, null),
                        new SecurityMeasure("Veilig personeelsbeleid", "Toegangsautorisatie", true, null),
                        new SecurityMeasure("Fysieke beveiliging", "Fysieke toegang tot productie- en bureauruimtes",
                                true, "Badgelezers, liftcodes, sloten"),
                        new SecurityMeasure("Bescherming tegen onregelmatigheden, pannes en incidenten", "Firewall",
                                true, null),
                        new SecurityMeasure("Data Center", "Noodherstel", true, null),
                        new SecurityMeasure("Data Center", "Redundantie", true,
                                "Versleutelde kopieën in een tweede datacenter")),
                List.of(new ProcessingLocation("BE", null)),
                List.of(level27()),
                new AgreementSettings(SupervisoryAuthority.VTC, "Europe/Brussels", 30, 30));
    }

    /** The same content as the seed spells it: enterprise numbers with prefix, dots and spaces. */
    public static AgreementContent contentAsTyped() {
        AgreementContent c = content();
        return new AgreementContent(
                c.controller().withEnterpriseNumber("BE0207.511.803"),
                c.processor().withEnterpriseNumber("BE 0428 304 785"),
                c.assignment(), c.purposes(), c.dataCategories(), c.applications(), c.securityMeasures(),
                c.processingLocations(), c.subprocessors(), c.settings());
    }

    public static AgreementContent withSubprocessors(AgreementContent c, List<Subprocessor> subprocessors) {
        return new AgreementContent(c.controller(), c.processor(), c.assignment(), c.purposes(), c.dataCategories(),
                c.applications(), c.securityMeasures(), c.processingLocations(), subprocessors, c.settings());
    }

    static AgreementContent withPurposes(AgreementContent c, List<String> purposes) {
        return new AgreementContent(c.controller(), c.processor(), c.assignment(), purposes, c.dataCategories(),
                c.applications(), c.securityMeasures(), c.processingLocations(), c.subprocessors(), c.settings());
    }

    public static AgreementContentChanges changingSubprocessors(List<Subprocessor> subprocessors) {
        return new AgreementContentChanges(null, null, null, null, null, null, null, null, subprocessors, null);
    }

    public static AgreementContentChanges changingPurposes(List<String> purposes) {
        return new AgreementContentChanges(null, null, null, purposes, null, null, null, null, null, null);
    }

    // --- histories ---

    static String contentSha256() {
        return DIGEST.sha256Hex(content());
    }

    static DraftCreated created() {
        return new DraftCreated(ID, content(), PartyRole.CONTROLLER, DRAFTED);
    }

    static AgreementSigned controllerSigned() {
        return new AgreementSigned(PartyRole.CONTROLLER, "Jan Voorbeeld", "Algemeen directeur", "Opwijk",
                contentSha256(), CONTROLLER_SIGNS);
    }

    static AgreementSigned processorSigned() {
        return new AgreementSigned(PartyRole.PROCESSOR, "Piet Proef", "Algemeen directeur ESN", "Brussel",
                contentSha256(), PROCESSOR_SIGNS);
    }

    static List<AgreementEvent> draft() {
        return List.of(created());
    }

    static List<AgreementEvent> active() {
        return List.of(created(), controllerSigned(), processorSigned(),
                new AgreementActivated(contentSha256(), PROCESSOR_SIGNS));
    }

    static AgreementTerminated assignmentEnded() {
        return new AgreementTerminated(TerminationGround.ASSIGNMENT_ENDED, TERMINATED, null, PartyRole.CONTROLLER,
                TERMINATED);
    }

    static List<AgreementEvent> terminated() {
        return append(active(), assignmentEnded());
    }

    static DataReturned dataReturned() {
        return new DataReturned("text/csv", ARCHIVE_SHA256, DATA_DELIVERED,
                DATA_DELIVERED.plus(Duration.ofDays(30)), DATA_RETURN_RECORDED);
    }

    static List<AgreementEvent> dataReturnedHistory() {
        return append(terminated(), dataReturned());
    }

    static List<AgreementEvent> append(List<AgreementEvent> history, AgreementEvent... more) {
        List<AgreementEvent> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }
}

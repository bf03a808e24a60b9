package eu.dpaledger.breach.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The severity the service proposes to the controller for an annex-2 report, following ENISA,
 * "Recommendations for a methodology of the assessment of severity of personal data breaches" (2013):
 * SE = DPC × EI + CB. It is a proposal with its reasoning; the controller decides the risk. Fields not
 * known yet are assumed as stated in the reasoning and make the assessment provisional; a provisional
 * assessment never proposes "unlikely to result in a risk" (EDPB Guidelines 9/2022: in doubt, notify).
 */
public final class EnisaSeverity {

    public static final String METHOD = "ENISA 2013: SE = DPC × EI + CB";

    private EnisaSeverity() {
    }

    /**
     * The proposed severity.
     *
     * @param dpc         data processing context, 0 to 4 (0 only when no data is traceable to a person)
     * @param ei          ease of identification, 0.25 to 1 (0 when no data is traceable to a person)
     * @param cb          circumstances of the breach, malicious intent included
     * @param score       SE, rounded to 2 decimals
     * @param reasoning   one line per factor
     * @param provisional true when data classes, unintelligibility or circumstances are not known yet
     * @param notYetKnown the annex-2 fields the assessment had to assume ({@code dataClasses},
     *                    {@code unintelligible}, {@code circumstances}); empty when it rests on the report alone
     */
    public record Assessment(int dpc, double ei, double cb, double score, Severity level, Risk proposedRisk,
                             List<String> reasoning, boolean provisional, String method, List<String> notYetKnown) {

        public Assessment {
            reasoning = List.copyOf(reasoning);
            notYetKnown = List.copyOf(notYetKnown);
        }
    }

    /** Proposes the severity of {@code report}. */
    public static Assessment assess(Annex2 report) {
        Objects.requireNonNull(report, "report");
        if (onlyNotTraceable(report.dataClasses())) {
            return notTraceable();
        }
        Factor dpc = dpc(report.dataClasses());
        Factor ei = ei(report.unintelligible(), report.dataClasses());
        Factor cb = cb(report.circumstances());
        double score = round(dpc.value() * ei.value() + cb.value());
        Severity level = Severity.of(score);
        List<String> notYetKnown = new ArrayList<>();
        if (dpc.provisional()) {
            notYetKnown.add("dataClasses");
        }
        if (ei.provisional()) {
            notYetKnown.add("unintelligible");
        }
        if (cb.provisional()) {
            notYetKnown.add("circumstances");
        }
        boolean provisional = !notYetKnown.isEmpty();
        Risk proposed = level.proposedRisk();
        List<String> reasoning = new ArrayList<>(List.of(dpc.line(), ei.line(), cb.line(),
                "SE = %s × %s + %s = %s: %s, proposed risk %s".formatted(number(dpc.value()), number(ei.value()),
                        number(cb.value()), number(score), level, proposed)));
        // EDPB Guidelines 9/2022: in case of doubt the controller notifies, so incomplete information is no "unlikely".
        if (provisional && proposed == Risk.UNLIKELY) {
            proposed = Risk.RISK;
            reasoning.add("Proposed risk raised to RISK: the information is incomplete (not yet known: "
                    + String.join(", ", notYetKnown) + "), and in doubt a breach is notified (EDPB Guidelines 9/2022); "
                    + "the proposal is revised once annex 2 is supplemented");
        }
        return new Assessment((int) dpc.value(), ei.value(), cb.value(), score, level, proposed, reasoning, provisional,
                METHOD, notYetKnown);
    }

    /** One factor of the formula, the line explaining it, and whether it rests on an assumption. */
    private record Factor(double value, String line, boolean provisional) {
    }

    // Class A ("none, not traceable to a person") alone means no personal data: the formula has nothing to weigh.
    private static boolean onlyNotTraceable(Set<DataClass> classes) {
        return classes != null && classes.equals(Set.of(DataClass.A));
    }

    private static Assessment notTraceable() {
        return new Assessment(0, 0, 0, 0, Severity.LOW, Severity.LOW.proposedRisk(),
                List.of("DPC 0: no personal data traceable to a person (A only), so no severity to weigh: LOW, "
                        + "proposed risk " + Severity.LOW.proposedRisk()),
                false, METHOD, List.of());
    }

    // --- DPC: data processing context ---

    /** ENISA's four data categories, plus simple data raised by one level. */
    private enum Context {
        NONE(0, "no personal data traceable to a person"),
        SIMPLE(1, "simple data"),
        // ENISA 2013 lets the context raise simple data by a level; credentials (account takeover), the
        // national register number and identity document copies are raised because they enable identity theft.
        SIMPLE_RAISED(2, "simple data raised by 1 because it enables identity theft or account takeover"),
        BEHAVIOURAL(2, "behavioural data"),
        FINANCIAL(3, "financial data"),
        SENSITIVE(4, "sensitive data");

        private final int score;
        private final String label;

        Context(int score, String label) {
            this.score = score;
            this.label = label;
        }

        static Context of(DataClass dataClass) {
            return switch (dataClass) {
                case A -> NONE;
                case B, C, D, Q -> SIMPLE;
                case E, G, H -> SIMPLE_RAISED;
                case I, O, P -> BEHAVIOURAL;
                case F, M, N -> FINANCIAL;
                case J, K, L -> SENSITIVE;
            };
        }
    }

    private static Factor dpc(Set<DataClass> classes) {
        if (classes == null || classes.isEmpty()) {
            return new Factor(1, "DPC 1 assumed: data classes not yet known, the assessment is provisional", true);
        }
        int max = classes.stream().mapToInt(c -> Context.of(c).score).max().orElseThrow();
        Map<Context, List<DataClass>> atMax = new EnumMap<>(Context.class);
        EnumSet.copyOf(classes).stream().filter(c -> Context.of(c).score == max)
                .forEach(c -> atMax.computeIfAbsent(Context.of(c), k -> new ArrayList<>()).add(c));
        String why = atMax.entrySet().stream()
                .map(e -> e.getKey().label + " (" + e.getValue().stream().map(c -> c.name() + " " + c.english())
                        .collect(Collectors.joining("; ")) + ")")
                .collect(Collectors.joining(" and "));
        return new Factor(max, "DPC " + max + ": " + why, false);
    }

    // --- EI: ease of identification ---

    // ENISA scores EI from how easily the persons can be identified and weighs unintelligible data as a
    // further criterion after the formula; here unintelligibility sets EI so that the proposal reflects it,
    // and name, national register number or ID copies present count as full identifiability.

    private static final Set<DataClass> DIRECTLY_IDENTIFYING = EnumSet.of(DataClass.B, DataClass.G, DataClass.H);

    private static Factor ei(Annex2.Unintelligible unintelligible, Set<DataClass> classes) {
        Annex2.Unintelligible.Answer answer = unintelligible == null ? null : unintelligible.answer();
        if (answer == Annex2.Unintelligible.Answer.YES) {
            return new Factor(0.25, "EI 0.25 (negligible): data made unintelligible to unauthorised persons, "
                    + "assuming the key was not compromised", false);
        }
        if (answer == Annex2.Unintelligible.Answer.PARTLY) {
            return new Factor(0.5, "EI 0.5 (limited): data partly made unintelligible", false);
        }
        String premise = answer == null
                ? "unintelligibility not yet known, assumed not made unintelligible (provisional)"
                : "data not made unintelligible";
        boolean direct = classes != null && classes.stream().anyMatch(DIRECTLY_IDENTIFYING::contains);
        return direct
                ? new Factor(1.0, "EI 1 (maximum): " + premise + ", and it identifies persons directly ("
                        + names(classes, DIRECTLY_IDENTIFYING) + ")", answer == null)
                : new Factor(0.75, "EI 0.75 (significant): " + premise
                        + ", without directly identifying data (B, G or H)", answer == null);
    }

    private static String names(Set<DataClass> classes, Set<DataClass> among) {
        return EnumSet.copyOf(classes).stream().filter(among::contains).map(c -> c.name() + " " + c.english())
                .collect(Collectors.joining("; "));
    }

    // --- CB: circumstances of the breach ---

    private enum Loss {
        CONFIDENTIALITY("confidentiality"), INTEGRITY("integrity"), AVAILABILITY("availability"),
        MALICIOUS_INTENT("malicious intent");

        private final String label;

        Loss(String label) {
            this.label = label;
        }
    }

    /** What one circumstance adds to one loss type. */
    private record Effect(Circumstance circumstance, Loss loss, double score, String why) {
    }

    // Copied data goes to an unknown number of recipients (ENISA +0.5); a stolen device or file may be read
    // by the thief and is gone for the owner; theft is the one circumstance taken as malicious intent.
    private static final List<Effect> EFFECTS = List.of(
            new Effect(Circumstance.A, Loss.CONFIDENTIALITY, 0.25, "A read only"),
            new Effect(Circumstance.B, Loss.CONFIDENTIALITY, 0.5, "B copied, to unknown recipients"),
            new Effect(Circumstance.E, Loss.CONFIDENTIALITY, 0.5, "E theft, the thief may read the data"),
            new Effect(Circumstance.C, Loss.INTEGRITY, 0.25, "C altered"),
            new Effect(Circumstance.D, Loss.AVAILABILITY, 0.5, "D deleted or destroyed"),
            new Effect(Circumstance.E, Loss.AVAILABILITY, 0.25, "E theft"),
            new Effect(Circumstance.E, Loss.MALICIOUS_INTENT, 0.5, "E theft"));

    private static Factor cb(Set<Circumstance> circumstances) {
        if (circumstances == null || circumstances.isEmpty() || circumstances.equals(Set.of(Circumstance.F))) {
            String which = circumstances != null && circumstances.contains(Circumstance.F) ? " (F)" : "";
            return new Factor(0, "CB 0 assumed: circumstances not yet known" + which
                    + ", the assessment is provisional", true);
        }
        double total = 0;
        List<String> parts = new ArrayList<>();
        for (Loss loss : Loss.values()) {
            Effect worst = worst(loss, circumstances);
            total += worst == null ? 0 : worst.score();
            parts.add(worst == null ? loss.label + " 0"
                    : loss.label + " " + number(worst.score()) + " (" + worst.why() + ")");
        }
        boolean partlyKnown = circumstances.contains(Circumstance.F);
        String line = "CB " + number(total) + ": " + String.join(", ", parts)
                + (partlyKnown ? "; further circumstances not yet known (F), provisional" : "");
        return new Factor(total, line, partlyKnown);
    }

    // ENISA takes one level per loss type: the worst that applies, not the sum of all that apply.
    private static Effect worst(Loss loss, Set<Circumstance> circumstances) {
        Effect worst = null;
        for (Effect effect : EFFECTS) {
            if (effect.loss() == loss && circumstances.contains(effect.circumstance())
                    && (worst == null || effect.score() > worst.score())) {
                worst = effect;
            }
        }
        return worst;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

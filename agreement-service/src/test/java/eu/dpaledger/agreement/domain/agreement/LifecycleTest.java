package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.agreement.AgreementCommand.ConfirmDestruction;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.CreateDraft;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.EditDraft;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.ProposeAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.RecordDataReturn;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.Sign;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.SignAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.Terminate;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.WithdrawAddendum;
import eu.dpaledger.agreement.domain.content.Subprocessor;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.testing.AggregateSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.given;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The seed agreement's whole life, command by command. Running every command and producing every
 * event type also guards the instanceof chains in decide and evolve, which Java 17 cannot check.
 */
class LifecycleTest {

    private final AggregateSpec<AgreementState, AgreementCommand, AgreementEvent, DomainRejection>.Scenario stream = given();
    private final Set<Class<?>> commandsRun = new HashSet<>();

    @Test
    void the_seed_agreement_from_draft_to_closed() {
        Instant t = DRAFTED;
        run(new CreateDraft(ID, contentAsTyped(), processorStaff(), t));
        run(new Sign("Piet Proef", "Algemeen directeur ESN", "Brussel", processorStaff(), t = t.plus(days(1))));
        run(new EditDraft(withPurposes(content(), List.of("Hosting website", "Matomo")), controllerStaff(),
                t = t.plus(days(1))));
        run(new Sign("Jan Voorbeeld", "Algemeen directeur", "Opwijk", controllerStaff(), t = t.plus(days(1))));
        assertStatus(AgreementStatus.DRAFT);
        run(new Sign("Piet Proef", "Algemeen directeur ESN", "Brussel", processorStaff(), t = t.plus(days(1))));
        assertStatus(AgreementStatus.ACTIVE);

        run(new ProposeAddendum("Addendum 1", "Back-up", changingSubprocessors(List.of(level27(),
                new Subprocessor("Backup BV", "Utrecht", "NL", null))), processorStaff(), t = t.plus(days(30))));
        run(new WithdrawAddendum(1, "Andere leverancier gekozen", processorStaff(), t = t.plus(days(1))));
        run(new ProposeAddendum("Addendum 2", "Back-up", changingSubprocessors(List.of(level27(),
                new Subprocessor("Back-up Oy", "Helsinki", "FI", null))), processorStaff(), t = t.plus(days(1))));
        run(new SignAddendum(2, "Piet Proef", null, "Brussel", processorStaff(), t = t.plus(days(1))));
        run(new SignAddendum(2, "Jan Voorbeeld", null, "Opwijk", controllerStaff(), t = t.plus(days(1))));
        assertEquals(2, current().currentContent().subprocessors().size());

        run(new Terminate(TerminationGround.PROCESSOR_DEFAULT, t = t.plus(days(200)), "INGEBREKESTELLING-1", false,
                controllerStaff(), t));
        assertStatus(AgreementStatus.TERMINATED);
        run(new RecordDataReturn("application/json", ARCHIVE_SHA256, t = t.plus(days(5)), processorStaff(), t));
        run(new ConfirmDestruction(t = t.plus(days(10)), "Alles vernietigd", List.of(), processorStaff(), t));
        assertStatus(AgreementStatus.CLOSED);
        assertInstanceOf(AgreementState.Closed.class, stream.state());

        assertEquals(permitted(AgreementCommand.class), commandsRun, "every command type ran");
        assertEquals(permitted(AgreementEvent.class),
                stream.history().stream().map(Object::getClass).collect(Collectors.toSet()), "every event type was decided");
    }

    private void run(AgreementCommand command) {
        stream.when(command).thenAccepted();
        commandsRun.add(command.getClass());
    }

    private AgreementRecord current() {
        return stream.state().agreement().orElseThrow();
    }

    private void assertStatus(AgreementStatus expected) {
        assertEquals(expected, current().status());
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static Set<Class<?>> permitted(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toSet());
    }
}

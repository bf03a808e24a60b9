package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.platform.domain.DomainRejection;

import static eu.dpaledger.agreement.domain.AgreementRejections.CONTROLLER_ONLY_GROUND;
import static eu.dpaledger.agreement.domain.AgreementRejections.NOTICE_OF_DEFAULT_REQUIRED;
import static eu.dpaledger.agreement.domain.AgreementRejections.NO_SUBPROCESSOR_TERMINATION_RIGHT;

/** Who may end an active agreement, on which ground, with what proof. */
final class TerminationPolicy {

    private TerminationPolicy() {
    }

    static void requireAllowed(TerminationGround ground, PartyRole by, String noticeOfDefaultReference,
                               boolean subprocessorTerminationRightGranted) {
        switch (ground) {
            case ASSIGNMENT_ENDED -> {
                // Art. 3.1: the agreement runs with the assignment, so either party may record that it ended.
            }
            case PROCESSOR_DEFAULT -> {
                requireController(ground, by);
                requireNoticeOfDefault(noticeOfDefaultReference);
            }
            case SUBPROCESSOR_OBJECTION -> {
                requireController(ground, by);
                requireSubprocessorTerminationRight(subprocessorTerminationRightGranted);
            }
        }
    }

    // Art. 11.1 and 6.2 give these termination rights to the controller only.
    private static void requireController(TerminationGround ground, PartyRole by) {
        if (by != PartyRole.CONTROLLER) {
            throw DomainRejection.forbidden(CONTROLLER_ONLY_GROUND, "Only the controller may terminate on this ground",
                    "Termination on ground " + ground + " is the controller's right");
        }
    }

    // Art. 11.1: termination for default only after a written, reasoned notice of default that was not remedied.
    private static void requireNoticeOfDefault(String reference) {
        if (reference == null || reference.isBlank()) {
            throw DomainRejection.invalidField(NOTICE_OF_DEFAULT_REQUIRED, "Notice of default required",
                    "noticeOfDefaultReference", "give the reference of the written, reasoned notice of default");
        }
    }

    // DPA art. 6.2: only when no reasonable change avoided the objected sub-processor within 3 months of the
    // objection, and only while that ground stands (a right lapses when the objection or the change is withdrawn,
    // or an alternative that avoids the sub-processor is accepted).
    private static void requireSubprocessorTerminationRight(boolean granted) {
        if (!granted) {
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, NO_SUBPROCESSOR_TERMINATION_RIGHT,
                    "No termination right from a sub-processor objection",
                    "The controller has no standing termination right under DPA art. 6.2: no sub-processor objection "
                            + "has stayed unresolved for 3 months, or its right lapsed when the objection or the change "
                            + "was withdrawn or an alternative avoiding the sub-processor was accepted");
        }
    }
}

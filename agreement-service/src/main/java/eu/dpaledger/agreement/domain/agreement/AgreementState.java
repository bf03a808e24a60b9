package eu.dpaledger.agreement.domain.agreement;

import java.util.Optional;

/** The lifecycle states of an agreement stream; every state but {@link NoAgreement} holds the full record. */
public sealed interface AgreementState {

    /** The agreement, absent for an empty stream. */
    Optional<AgreementRecord> agreement();

    /** The state that matches the record's status. */
    static AgreementState of(AgreementRecord agreement) {
        return switch (agreement.status()) {
            case DRAFT -> new Draft(agreement);
            case ACTIVE -> new Active(agreement);
            case TERMINATED -> new Terminated(agreement);
            case CLOSED -> new Closed(agreement);
        };
    }

    /** An empty stream. */
    record NoAgreement() implements AgreementState {
        @Override
        public Optional<AgreementRecord> agreement() {
            return Optional.empty();
        }
    }

    record Draft(AgreementRecord record) implements AgreementState {
        @Override
        public Optional<AgreementRecord> agreement() {
            return Optional.of(record);
        }
    }

    record Active(AgreementRecord record) implements AgreementState {
        @Override
        public Optional<AgreementRecord> agreement() {
            return Optional.of(record);
        }
    }

    record Terminated(AgreementRecord record) implements AgreementState {
        @Override
        public Optional<AgreementRecord> agreement() {
            return Optional.of(record);
        }
    }

    record Closed(AgreementRecord record) implements AgreementState {
        @Override
        public Optional<AgreementRecord> agreement() {
            return Optional.of(record);
        }
    }
}

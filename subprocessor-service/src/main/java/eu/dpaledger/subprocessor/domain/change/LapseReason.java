package eu.dpaledger.subprocessor.domain.change;

/** Why the ground of an art. 6.2 termination right went away. */
public enum LapseReason {
    /** The controller withdrew its objection: the change is accepted. */
    OBJECTION_WITHDRAWN,
    /** The processor withdrew the change (or the alternative that replaced it): the sub-processor is not taken on. */
    CHANGE_WITHDRAWN,
    /** An alternative that avoids the objected sub-processor was accepted. */
    ALTERNATIVE_ACCEPTED
}

package eu.dpaledger.subprocessor.domain.change;

/** Where a change notice stands. */
public enum ChangeStatus {
    /** Announced; the controller's objection window is open. */
    ANNOUNCED,
    /** The controller objected; the parties negotiate (art. 6.2). */
    OBJECTED,
    /** Accepted (tacitly, by resolving the objection, or a removal), not yet in effect. */
    ACCEPTED,
    /** In effect since its intended date: the registry reflects it. */
    IN_EFFECT,
    /** The processor withdrew it. */
    WITHDRAWN,
    /** The processor replaced it by an alternative change. */
    SUPERSEDED;

    public boolean open() {
        return this == ANNOUNCED || this == OBJECTED || this == ACCEPTED;
    }
}

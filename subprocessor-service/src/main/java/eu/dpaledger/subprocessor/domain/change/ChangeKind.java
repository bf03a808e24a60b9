package eu.dpaledger.subprocessor.domain.change;

/** What a change notice does to the list of sub-processors (art. 6.1). */
public enum ChangeKind {
    /** Engages an additional sub-processor: the controller may object. */
    ADD,
    /** Replaces an engaged sub-processor by another: the controller may object. */
    REPLACE,
    /** Stops using a sub-processor: nothing to object to, it takes effect on the intended date. */
    REMOVE;

    public boolean objectable() {
        return this != REMOVE;
    }
}

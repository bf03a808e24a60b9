package eu.dpaledger.platform.projection;

/** A message no projection can take (not a CloudEvent, bad JSON, unknown type): it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason, null, false, false);
    }
}

package eu.dpaledger.platform.eventstore;

/** Naming of published event types: {@code eu.dpaledger.<aggregate>.<EventName>.v<N>}. */
public final class CloudEventTypes {

    public static final String PREFIX = "eu.dpaledger.";

    private CloudEventTypes() {
    }

    public static String of(String aggregate, String eventName, int schemaVersion) {
        return PREFIX + aggregate + "." + eventName + ".v" + schemaVersion;
    }
}

package eu.dpaledger.platform.contracts;

import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.util.List;

/**
 * The kernel's published record of an erasure of personal data (docs/ARCHITECTURE.md "Personal data"), one type for
 * both sides: a service writes it on its own topic when an administrator or the retention run destroys keys, and a
 * consumer that kept opened copies reads it with {@link #of} to drop the values sealed with the listed keys. It never
 * carries an erased value. The JSON Schema {@code contracts/eu.dpaledger.personaldata.PersonalDataErased.v1.schema.json}
 * describes the same shape.
 *
 * @param service the service whose key store the keys were in
 * @param event   the erasure
 */
public record PersonalDataErasedPublished(String erasureId, String service, long streamVersion, Erasure event) {

    public static final String TYPE = "eu.dpaledger.personaldata.PersonalDataErased.v1";

    /**
     * @param trigger     REQUEST (an administrator's erasure) or RETENTION (the retention run)
     * @param legalGround e.g. {@code GDPR art. 17(1)(a)}, or {@code GDPR art. 5(1)(e)} for retention
     * @param erasedBy    the administrator's token subject, or {@code system:retention}
     */
    public record Erasure(String erasureId, String trigger, String reason, String legalGround, Instant erasedAt,
                          String erasedBy, List<ErasedKey> keys) {

        public Erasure {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    /** One destroyed key: the person's key within one agreement, their kinds of data and the streams that held them. */
    public record ErasedKey(String keyId, String agreementId, List<String> kinds, List<String> streams) {

        public ErasedKey {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            streams = streams == null ? List.of() : List.copyOf(streams);
        }
    }

    /** Reads an erasure record; one without its id or erasure is refused (dead-letter topic). */
    public static PersonalDataErasedPublished of(IncomingEvent event) {
        PersonalDataErasedPublished published = PublishedContracts.read(event, PersonalDataErasedPublished.class);
        if (published.erasureId() == null || published.event() == null) {
            throw new IllegalArgumentException("erasure record without erasureId or event");
        }
        return published;
    }
}

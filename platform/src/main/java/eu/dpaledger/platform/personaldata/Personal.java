package eu.dpaledger.platform.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} component of an event record (or of a record nested in one) as personal data of
 * a person: the kernel stores and publishes it sealed with that person's key (crypto-shredding,
 * docs/ARCHITECTURE.md "Personal data"), and it reads as {@code erased on <date>} once the key is destroyed.
 * The person is identified by the value of {@link #subject()}, a sibling component (by default this one),
 * within the agreement the event belongs to.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Personal {

    /** The kind of personal data (signer, representative, dpo, contact, finder, ...): its retention rule. */
    String kind();

    /** The sibling component whose value identifies the person (usually the name); empty for this component. */
    String subject() default "";

    /** True for a value the person can also be found by in an access request (an e-mail address). */
    boolean identifying() default false;
}

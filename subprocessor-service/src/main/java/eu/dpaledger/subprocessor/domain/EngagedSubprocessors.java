package eu.dpaledger.subprocessor.domain;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sub-processors an agreement engages now (annex 1 and the changes in effect, DPA art. 6.1), by
 * {@linkplain SubprocessorDetails#key name key}: what a change or a flow-down proof checks besides the
 * agreement's facts. From the registry, which this service keeps.
 */
public record EngagedSubprocessors(Set<String> keys) {

    public EngagedSubprocessors {
        keys = keys == null ? Set.of() : Set.copyOf(keys);
    }

    /** The engaged sub-processors of these names (any spelling of a name counts once). */
    public static EngagedSubprocessors named(Collection<String> names) {
        return new EngagedSubprocessors(names.stream().map(SubprocessorDetails::key).collect(Collectors.toSet()));
    }

    /** Whether a sub-processor of this name, whatever its case or spacing, is engaged. */
    public boolean includes(String name) {
        return keys.contains(SubprocessorDetails.key(name));
    }
}

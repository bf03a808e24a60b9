package eu.dpaledger.reporting.infrastructure.query;

import java.util.HashMap;
import java.util.Map;

/** An HQL condition built clause by clause with its named parameters (the filters of a query bean). */
final class Where {

    private final StringBuilder hql = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code clause} with AND, binding the given name/value pairs. */
    Where and(String clause, Object... nameValuePairs) {
        hql.append(hql.isEmpty() ? "(" : " and (").append(clause).append(')');
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            parameters.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return this;
    }

    /** Binds a parameter used by a clause added otherwise (the ORDER BY, a select expression). */
    Where bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    String hql() {
        return hql.isEmpty() ? "1 = 1" : hql.toString();
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}

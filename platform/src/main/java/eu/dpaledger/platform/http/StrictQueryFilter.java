package eu.dpaledger.platform.http;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, on endpoints marked {@link StrictQuery}, a query parameter the endpoint does not declare (400
 * {@code unknown-parameter}) and a second value of a parameter that takes one (400 {@code repeated-parameter}), each
 * naming the parameter. Runs after {@link RequestTextFilter} (names are then known to decode cleanly).
 */
public class StrictQueryFilter {

    /** Per resource method: declared parameter name → whether it takes several values. */
    private final Map<Method, Map<String, Boolean>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 10)
    public Response check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null || !(method.isAnnotationPresent(StrictQuery.class)
                || resource.getResourceClass().isAnnotationPresent(StrictQuery.class))) {
            return null;
        }
        Map<String, Boolean> known = declared.computeIfAbsent(method, StrictQueryFilter::declaredBy);
        for (Map.Entry<String, List<String>> parameter : new TreeMap<>(uri.getQueryParameters()).entrySet()) {
            String name = parameter.getKey();
            Boolean many = known.get(name);
            HttpProblem problem = null;
            if (many == null) {
                problem = InputRules.violation(400, "unknown-parameter", "Unknown query parameter", name,
                        "is not a query parameter of this operation; it takes " + (known.isEmpty() ? "none" : String.join(", ", new TreeMap<>(known).keySet())));
            } else if (!many && parameter.getValue().size() > 1) {
                problem = InputRules.violation(400, "repeated-parameter", "Query parameter repeated", name,
                        "is given " + parameter.getValue().size() + " times; it takes one value");
            }
            if (problem != null) {
                return Problems.response(problem.status(), problem.rule(), problem.title(), problem.getMessage(), problem.details());
            }
        }
        return null;
    }

    private static Map<String, Boolean> declaredBy(Method method) {
        Map<String, Boolean> out = new ConcurrentHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                out.put(query.value(), takesSeveral(parameter.getType()));
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                beanParameters(parameter.getType(), out, new HashSet<>());
            }
        }
        return out;
    }

    private static void beanParameters(Class<?> type, Map<String, Boolean> out, Set<Class<?>> seen) {
        for (Class<?> c = type; c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    out.put(query.value(), takesSeveral(field.getType()));
                } else if (field.isAnnotationPresent(BeanParam.class)) {
                    beanParameters(field.getType(), out, seen);
                }
            }
        }
    }

    private static boolean takesSeveral(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }
}

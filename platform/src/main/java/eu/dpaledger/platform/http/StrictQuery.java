package eu.dpaledger.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class or method: the query may hold only the parameters the endpoint declares ({@code @QueryParam},
 * also inside a {@code @BeanParam} such as {@link PageParams}), each once unless it is declared as a collection.
 * Anything else is a 400 problem naming the parameter ({@link StrictQueryFilter}), so a misspelt filter never
 * silently returns the unfiltered list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StrictQuery {
}

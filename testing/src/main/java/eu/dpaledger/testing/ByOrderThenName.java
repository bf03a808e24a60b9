package eu.dpaledger.testing;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

import java.lang.annotation.Annotation;
import java.util.Comparator;

/**
 * The order of test classes in a module ({@code quarkus.test.class-orderer}, set in the root pom): by
 * {@code @Order} value, then by name. Nothing but the API fuzz carries {@code @Order}: it runs last, so that
 * what it does to a service (an outbox blocked by an event the broker refuses, say) does not decide tests
 * after it.
 */
public class ByOrderThenName implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(ByOrderThenName::order)
                .thenComparing(d -> d.getTestClass().getName()));
    }

    // By name: Quarkus loads test classes in a class loader of its own, where findAnnotation(Order.class) finds nothing.
    private static int order(ClassDescriptor descriptor) {
        for (Annotation a : descriptor.getTestClass().getAnnotations()) {
            if (a.annotationType().getName().equals(Order.class.getName())) {
                try {
                    return (int) a.annotationType().getMethod("value").invoke(a);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + a, e);
                }
            }
        }
        return Order.DEFAULT;
    }
}

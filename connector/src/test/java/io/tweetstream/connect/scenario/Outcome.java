package io.tweetstream.connect.scenario;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the connector does about {@link #fault()}: the README table's cell. On a method or class of
 * an API's subclass of a suite it is that API's cell, best placed on the hook that states the API's
 * expectation; on a method or the class of the suite itself it is every API's cell, unless an API's
 * subclass gives its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Outcome.List.class)
public @interface Outcome {

    Fault fault();

    /** The cell's text, in Markdown. */
    String value();

    /**
     * False when the API has no such fault (the cell then says why): no scenario needs to run for
     * it on this API.
     */
    boolean applies() default true;

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        Outcome[] value();
    }
}

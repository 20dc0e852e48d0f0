package io.tweetstream.connect.scenario;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (a parameter of type {@link Simulation} of a test, {@code @BeforeEach} or
 * {@code @AfterEach} method) its own simulator and task harness, and stops both after the test,
 * whatever happened: the connectors and tasks first, then the simulator. Asked for in a
 * {@code @BeforeAll} method, the simulation is the class's and is stopped after all its tests.
 */
public final class SimulatorExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);
    private static final String KEY = "simulation";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Simulation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(KEY, key -> new Simulation(), Simulation.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeOwnedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeOwnedBy(context);
    }

    /** Closes the simulation this very context made, not one of an enclosing context. */
    private static void closeOwnedBy(ExtensionContext context) {
        Simulation simulation = store(context).remove(KEY, Simulation.class);
        if (simulation != null) {
            simulation.close();
        }
    }

    /** A store of this context's own: a test's simulation is never shared with another test. */
    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE.append(context.getUniqueId()));
    }
}

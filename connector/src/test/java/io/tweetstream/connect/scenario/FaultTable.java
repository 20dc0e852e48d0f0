package io.tweetstream.connect.scenario;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The README's fault table, read off {@link StreamFaultScenarios} and its subclass for each API: a
 * row per {@link Fault}, a cell per API from its {@link Outcome}, and the scenarios that test the row
 * on each API ({@link Covers}). {@link #problems()} says where the suite and the table disagree.
 */
final class FaultTable {

    /** The table's API columns, in order: one subclass of the suite per API. */
    static final List<Class<? extends StreamFaultScenarios>> COLUMNS = List.of(V1StreamFaultsIT.class, V2StreamFaultsIT.class);

    private static final Class<StreamFaultScenarios> SUITE = StreamFaultScenarios.class;

    private FaultTable() {}

    static String markdown() {
        StringBuilder table = new StringBuilder("| Fault |");
        COLUMNS.forEach(column -> table.append(' ').append(api(column).column()).append(" |"));
        table.append(" Scenarios |\n|---|");
        COLUMNS.forEach(column -> table.append("---|"));
        table.append("---|\n");
        for (Fault fault : Fault.values()) {
            table.append("| ").append(escape(fault.description())).append(" |");
            for (Class<? extends StreamFaultScenarios> column : COLUMNS) {
                List<Outcome> outcomes = outcomes(column, fault);
                table.append(' ').append(outcomes.size() == 1 ? escape(outcomes.get(0).value()) : "?").append(" |");
            }
            table.append(' ').append(String.join(", ", scenarioNames(fault))).append(" |\n");
        }
        return table.toString();
    }

    /** Where the suite breaks the rules that make the table true; empty when it is. */
    static List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Class<? extends StreamFaultScenarios> column : COLUMNS) {
            for (Fault fault : Fault.values()) {
                List<Outcome> outcomes = outcomes(column, fault);
                if (outcomes.size() != 1) {
                    problems.add(column.getSimpleName() + " has " + outcomes.size() + " @Outcome for " + fault
                            + " (the suite's, or else its own): it needs exactly one");
                    continue;
                }
                List<Method> scenarios = scenarios(column, fault);
                if (outcomes.get(0).applies() && scenarios.isEmpty()) {
                    problems.add("No scenario @Covers " + fault + " on " + column.getSimpleName()
                            + ", whose outcome says it applies");
                } else if (!outcomes.get(0).applies() && !scenarios.isEmpty()) {
                    problems.add(column.getSimpleName() + " runs " + names(scenarios) + " for " + fault
                            + ", whose outcome says it does not apply");
                }
            }
            testMethods(column).filter(method -> !method.isAnnotationPresent(Covers.class)).forEach(method ->
                    problems.add(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                            + " is a fault scenario without @Covers: every one is a row of the table"));
        }
        return problems;
    }

    private static StreamApi api(Class<? extends StreamFaultScenarios> column) {
        try {
            return column.getDeclaredConstructor().newInstance().api();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(column + " needs a no-argument constructor", e);
        }
    }

    /** The API's own outcomes for {@code fault}, or else the suite's. */
    private static List<Outcome> outcomes(Class<?> column, Fault fault) {
        List<Outcome> own = declaredOutcomes(column, fault);
        return own.isEmpty() ? declaredOutcomes(SUITE, fault) : own;
    }

    private static List<Outcome> declaredOutcomes(Class<?> type, Fault fault) {
        return Stream.concat(Stream.of((AnnotatedElement) type), Arrays.stream(type.getDeclaredMethods()))
                .flatMap(element -> Arrays.stream(element.getAnnotationsByType(Outcome.class)))
                .filter(outcome -> outcome.fault() == fault)
                .toList();
    }

    /** The tests a run of {@code column} runs: the suite's and its own. */
    private static Stream<Method> testMethods(Class<?> column) {
        return Stream.of(SUITE, column).flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> AnnotationSupport.isAnnotated(method, Testable.class))
                .filter(method -> !Modifier.isPrivate(method.getModifiers()) && !method.isAnnotationPresent(Disabled.class));
    }

    private static List<Method> scenarios(Class<?> column, Fault fault) {
        return testMethods(column)
                .filter(method -> method.isAnnotationPresent(Covers.class) && method.getAnnotation(Covers.class).value() == fault)
                .toList();
    }

    /** The row's scenarios: the suite's by name, an API's own by class and name. */
    private static List<String> scenarioNames(Fault fault) {
        return COLUMNS.stream().flatMap(column -> scenarios(column, fault).stream())
                .distinct()
                .sorted(Comparator.comparing((Method method) -> method.getDeclaringClass() != SUITE)
                        .thenComparing(method -> COLUMNS.indexOf(method.getDeclaringClass()))
                        .thenComparing(Method::getName))
                .map(FaultTable::name)
                .toList();
    }

    private static String name(Method method) {
        return "`" + (method.getDeclaringClass() == SUITE ? "" : method.getDeclaringClass().getSimpleName() + ".")
                + method.getName() + "`";
    }

    private static String names(List<Method> methods) {
        return String.join(", ", methods.stream().map(FaultTable::name).toList());
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}

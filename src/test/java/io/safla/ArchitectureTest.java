package io.safla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two storeys (README, "Layout"). The ground storey is the engine: features on a ladder, each using only the
 * rungs below it. A feature's root and sub-packages are its domain (no Spring, no Vaadin); its {@code service}
 * package holds its Spring beans and is what the rungs above call. The upper storey holds the adapters ({@code ui},
 * {@code web}); they call services and read values, and nothing below reaches up to them.
 */
class ArchitectureTest {

    /** The ladder, bottom first; features on one rung (benchmark, settings) do not use each other. */
    static final List<List<String>> LADDER = List.of(
            List.of("config"),
            List.of("embedding"),
            List.of("monitor"),
            List.of("memory"),
            List.of("checkpoint"),
            List.of("safety"),
            List.of("cognition"),
            List.of("benchmark", "settings"),
            List.of("demo"),
            List.of("system"));

    static final List<String> ADAPTERS = List.of("ui", "web");

    static final List<String> FEATURES = LADDER.stream().flatMap(List::stream).toList();

    private static JavaClasses classes;

    static final DescribedPredicate<JavaClass> GROUND_STOREY = DescribedPredicate.describe(
            "the ground storey", c -> FEATURES.stream().anyMatch(f -> inFeature(c, f)));

    /** Every feature's own code outside its service package; config is the Spring binding of the settings. */
    static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe(
            "domain code",
            c -> GROUND_STOREY.test(c)
                    && !inFeature(c, "config")
                    && !c.getPackageName().matches(".*\\.service(\\..*)?"));

    /** What an adapter may touch below it: a service, or a value that carries no behaviour of the engine. */
    static final DescribedPredicate<JavaClass> ENGINE_INTERNALS = DescribedPredicate.describe(
            "engine classes outside a service package (not a record, enum, interface, annotation or exception)",
            c -> DOMAIN.test(c)
                    && !c.isRecord()
                    && !c.isEnum()
                    && !c.isInterface()
                    && !c.isAnnotation()
                    && !c.isAssignableTo(Throwable.class)
                    && !isNestedValue(c));

    private static boolean isNestedValue(JavaClass c) {
        // a record's or enum's own nested types (e.g. a builder or a constant's body) belong to the value
        return c.getEnclosingClass().map(e -> e.isRecord() || e.isEnum()).orElse(false);
    }

    static boolean inFeature(JavaClass c, String feature) {
        String p = c.getPackageName();
        return p.equals("io.safla." + feature) || p.startsWith("io.safla." + feature + ".");
    }

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.safla");
    }

    @Test
    void topLevelPackages_areFreeOfCycles() {
        slices().matching("io.safla.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyPackage_isFreeOfCycles() {
        slices().matching("io.safla.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void features_useOnlyTheRungsBelowThem_andAdaptersAreUsedByNoFeature() {
        layers(classes);
    }

    static void layers(JavaClasses imported) {
        LayeredArchitecture layered = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String feature : FEATURES) {
            layered = layered.layer(feature).definedBy("io.safla." + feature + "..");
        }
        for (String adapter : ADAPTERS) {
            layered = layered.layer(adapter).definedBy("io.safla." + adapter + "..");
        }
        for (int rung = 0; rung < LADDER.size(); rung++) {
            List<String> above = LADDER.subList(rung + 1, LADDER.size()).stream()
                    .flatMap(List::stream)
                    .toList();
            String[] users = concat(above, ADAPTERS);
            for (String feature : LADDER.get(rung)) {
                layered = layered.whereLayer(feature).mayOnlyBeAccessedByLayers(users);
            }
        }
        for (String adapter : ADAPTERS) {
            layered = layered.whereLayer(adapter).mayNotBeAccessedByAnyLayer();
        }
        layered.check(imported);
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    @Test
    void views_useOneAnotherOnlyThroughTheShellAndTheKit() {
        slices().matching("io.safla.ui.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        DescribedPredicate.alwaysTrue(),
                        DescribedPredicate.describe(
                                "the shell or the kit",
                                c -> c.getPackageName().startsWith("io.safla.ui.shell")
                                        || c.getPackageName().startsWith("io.safla.ui.kit")))
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.safla.ui.kit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.safla.ui.shell..")
                .check(classes);
    }

    @Test
    void onlyTheUpperStorey_usesVaadinOrSpringMvc() {
        noClasses()
                .that(GROUND_STOREY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void domain_dependsOnNeitherSpringNorVaadin() {
        noClasses()
                .that(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void domain_doesNotCallServices() {
        noClasses()
                .that(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.safla..service..")
                .check(classes);
    }

    @Test
    void adapters_callServicesAndReadValues_neverEngineInternals() {
        noClasses()
                .that()
                .resideInAnyPackage(Arrays.stream(ADAPTERS.toArray(String[]::new))
                        .map(a -> "io.safla." + a + "..")
                        .toArray(String[]::new))
                .should()
                .dependOnClassesThat(ENGINE_INTERNALS)
                .check(classes);
    }
}

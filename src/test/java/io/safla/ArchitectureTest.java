package io.safla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layer rules. Domain code is every class in a feature package ({@code memory}, {@code embedding}, {@code safety},
 * {@code cognition}, {@code benchmark}, {@code monitor}, {@code settings}) outside its {@code service} and
 * {@code ui} subpackages.
 */
class ArchitectureTest {

    static final String FEATURES = "memory|embedding|safety|cognition|benchmark|monitor|settings";

    private static JavaClasses classes;

    static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("domain code",
            c -> c.getPackageName().matches("io\\.safla\\.(" + FEATURES + ")(\\..*)?")
                    && !c.getPackageName().matches(".*\\.(service|ui)(\\..*)?"));

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.safla");
    }

    @Test
    void domain_dependsOnNeitherSpringNorVaadin() {
        ArchRule rule = noClasses().that(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void views_areOnlyUsedFromUiPackages() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.safla..ui..")
                .should().dependOnClassesThat().areAnnotatedWith(Route.class)
                .orShould().dependOnClassesThat().resideInAPackage("io.safla..ui..");
        rule.check(classes);
    }

    @Test
    void memoryServices_doNotDependOnSafetyServices() {
        // safety's checkpoints capture memory, so the other direction goes through memory's StateCheckpoints port
        ArchRule rule = noClasses().that().resideInAPackage("io.safla.memory.service..")
                .should().dependOnClassesThat().resideInAPackage("io.safla.safety.service..");
        rule.check(classes);
    }

    @Test
    void domain_doesNotCallServicesOrWeb() {
        ArchRule rule = noClasses().that(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage("io.safla..service..", "io.safla.web..", "io.safla.config..", "io.safla..ui..")
                .allowEmptyShould(true);
        rule.check(classes);
    }
}

package io.safla.safety;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The safety core must stay framework-free so it can be tested in milliseconds and reused. */
class SafetyArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.safla.safety");

    @Test
    void safetyCore_doesNotDependOnSpringOrVaadin() {
        noClasses().that().resideInAPackage("io.safla.safety..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..")
                .check(CORE);
    }

    @Test
    void safetyCore_usesNoRandomnessOrSleeps() {
        noClasses().that().resideInAPackage("io.safla.safety..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Math.class, "random")
                .check(CORE);
    }
}

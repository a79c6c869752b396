package io.safla.memory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The memory and embedding core must stay usable without Spring or Vaadin (conventions item 2, fallback). */
class CoreBoundaryTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.safla.memory", "io.safla.embedding");

    @Test
    void core_dependsOnNoFramework() {
        noClasses().that().resideInAnyPackage("io.safla.memory..", "io.safla.embedding..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..")
                .check(CORE);
    }
}

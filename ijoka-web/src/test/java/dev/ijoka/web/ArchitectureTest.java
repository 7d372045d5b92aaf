package dev.ijoka.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web module's boundaries: the engine's and the MCP module's public APIs only; its internals sealed off. */
class ArchitectureTest {

    private static JavaClasses web;

    @BeforeAll
    static void importModule() {
        web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.ijoka.web");
        assertThat(web).as("the module's classes were imported").hasSizeGreaterThan(30);
    }

    @Test
    void theModuleUsesOnlyTheEnginesPublicApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.ijoka.internal..", "dev.ijoka.spi..")
                .because("front ends use the engine's API (dev.ijoka, api, domain, event); its internals and SPI are not theirs")
                .check(web);
    }

    @Test
    void noStoreModuleIsTouched() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.ijoka.store..", "org.jooq..", "org.sqlite..",
                        "java.sql..")
                .because("stores are found by URL through ServiceLoader; the dashboard never names one")
                .check(web);
    }

    @Test
    void theMcpModuleIsUsedThroughItsPublicApiOnly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.ijoka.mcp.internal..").check(web);
    }

    @Test
    void theInternalsAreUsedOnlyByTheFrontDoor() {
        classes().that().resideInAPackage("dev.ijoka.web.internal..")
                .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("dev.ijoka.web.internal..", "dev.ijoka.web")
                .check(web);
        noClasses().that().resideInAPackage("dev.ijoka.web.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.ijoka.web")
                .check(web);
    }

    @Test
    void nothingPrintsToStandardStreams() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the server logs through SLF4J").check(web);
    }
}

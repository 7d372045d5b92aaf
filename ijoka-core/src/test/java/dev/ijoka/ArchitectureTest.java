package dev.ijoka;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core's shape, enforced: what it may depend on, and how its packages depend on each other. */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ijoka");
        assertThat(core).as("the core's classes were imported").hasSizeGreaterThan(50);
    }

    /** The core is the JDK plus nullness annotations, so any host can embed it without a dependency clash. */
    @Test
    void theCoreDependsOnlyOnTheJdkAndJSpecify() {
        classes().that().resideInAPackage("dev.ijoka..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.ijoka..", "org.jspecify..")
                .check(core);
    }

    /** A package cycle means two packages can only change together; keep the layers one-way. */
    @Test
    void thereAreNoCyclesBetweenPackages() {
        slices().matching("dev.ijoka.(*)..").should().beFreeOfCycles().check(core);
    }

    /**
     * The internals carry no compatibility promise, so nothing public may lean on them. The one
     * exemption is the front door {@code dev.ijoka.Ijoka} (with its {@code Builder}): it is where
     * the engine gets wired to its internals.
     */
    @Test
    void onlyTheFrontDoorReachesIntoTheInternals() {
        noClasses().that().resideOutsideOfPackage("dev.ijoka.internal..")
                .and(not(belongToAnyOf(Ijoka.class)))
                .should().dependOnClassesThat().resideInAPackage("dev.ijoka.internal..")
                .check(core);
    }

    /** The public packages are what embedders and store authors compile against; they must stand alone. */
    @Test
    void thePublicPackagesDoNotDependOnTheInternals() {
        noClasses().that().resideInAnyPackage("dev.ijoka.api..", "dev.ijoka.domain..", "dev.ijoka.event..",
                        "dev.ijoka.graph..", "dev.ijoka.spi..")
                .should().dependOnClassesThat().resideInAPackage("dev.ijoka.internal..")
                .check(core);
    }

    /** The domain is the innermost layer: the log, the ports and the API are built on it, not the other way. */
    @Test
    void theDomainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("dev.ijoka.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ijoka.event..", "dev.ijoka.spi..", "dev.ijoka.api..")
                .check(core);
    }

    /**
     * The MCP server speaks JSON-RPC on stdout, so a stray print corrupts its protocol; the core logs
     * through {@code System.Logger}. Entry points (main classes) would be exempt, but the core has none.
     */
    @Test
    void nothingWritesToStandardOutOrErr() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("stdout carries JSON-RPC in the MCP server; log through System.Logger instead")
                .check(core);
    }

    /** Databases, UIs and HTTP clients belong in their own modules, never in the engine. */
    @Test
    void theCoreUsesNoSqlUiOrHttpClientApis() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "java.awt..", "javax.swing..", "java.net.http..")
                .check(core);
    }

    /** Every package says what it is for (and declares its nullness default) in a package-info. */
    @Test
    void everyPackageHasAPackageInfo() {
        List<String> missing = new ArrayList<>();
        collectMissingPackageInfo(core.getPackage("dev.ijoka"), missing);
        assertThat(missing).as("packages without a package-info.java").isEmpty();
    }

    private static void collectMissingPackageInfo(JavaPackage pkg, List<String> missing) {
        if (!pkg.getClasses().isEmpty() && pkg.tryGetPackageInfo().isEmpty()) {
            missing.add(pkg.getName());
        }
        pkg.getSubpackages().forEach(sub -> collectMissingPackageInfo(sub, missing));
    }
}

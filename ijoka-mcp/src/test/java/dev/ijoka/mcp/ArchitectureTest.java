package dev.ijoka.mcp;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MCP module's boundaries: the engine's public API only, and stdout for JSON-RPC alone. */
class ArchitectureTest {

    private static JavaClasses mcp;

    @BeforeAll
    static void importModule() {
        mcp = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.ijoka.mcp");
        assertThat(mcp).as("the module's classes were imported").hasSizeGreaterThan(15);
    }

    /** Front ends use the engine's API; its internals and its SPI (for store authors) are not theirs. */
    @Test
    void theModuleUsesOnlyTheEnginesPublicApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.ijoka.internal..", "dev.ijoka.spi..",
                        "dev.ijoka.store..")
                .check(mcp);
    }

    /** stdout carries JSON-RPC; the entry point alone decides what goes there. */
    @Test
    void onlyTheEntryPointTouchesStandardOut() {
        noClasses().that(not(belongToAnyOf(McpMain.class)))
                .should().accessField(System.class, "out")
                .orShould().callMethod(System.class, "setOut", java.io.PrintStream.class)
                .because("stdout is the MCP wire: log through SLF4J instead")
                .check(mcp);
    }

    /** Logs go through SLF4J (to stderr or a file, as the app configures), never by printing. */
    @Test
    void nothingPrintsToStandardErrorButTheEntryPoint() {
        noClasses().that(not(belongToAnyOf(McpMain.class)))
                .should().accessField(System.class, "err")
                .check(mcp);
    }

    /** The public package does not leak the internals except through the documented diagnostics. */
    @Test
    void theInternalsDoNotDependOnThePublicPackageButForOptions() {
        noClasses().that().resideInAPackage("dev.ijoka.mcp.internal..")
                .should().dependOnClassesThat(belongToAnyOf(IjokaMcpServer.class, IjokaMcpTools.class, McpMain.class))
                .check(mcp);
    }
}

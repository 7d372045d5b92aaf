package dev.ijoka.boundaries;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What every module's {@code ArchitectureTest} checks, whatever its side: no other module's internals,
 * stdout for the entry points alone, no package cycles. {@link StoreBoundariesContract} and
 * {@link FaceBoundariesContract} add their side's rules; a module extends one of them in a few lines:
 *
 * <pre>{@code
 * class ArchitectureTest extends FaceBoundariesContract {
 *     ArchitectureTest() { super("dev.ijoka.claude", 5, HookMain.class); }
 * }
 * }</pre>
 *
 * Test methods are public so that subclasses in any package run them.
 */
public abstract class BoundariesContract {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String modulePackage;
    private final int atLeast;
    private final Class<?>[] entryPoints;

    /**
     * @param modulePackage the module's root package, e.g. {@code "dev.ijoka.claude"}
     * @param atLeast how many classes the module has at the least, so a wrong package cannot pass on nothing
     * @param entryPoints the classes that may reach stdout; none for a module without an entry point
     */
    protected BoundariesContract(String modulePackage, int atLeast, Class<?>... entryPoints) {
        this.modulePackage = modulePackage;
        this.atLeast = atLeast;
        this.entryPoints = entryPoints.clone();
    }

    /** The module's main classes, imported once per test run. */
    protected final JavaClasses module() {
        return IMPORTED.computeIfAbsent(modulePackage, p -> ModuleBoundaries.importModule(p, atLeast));
    }

    protected final String modulePackage() {
        return modulePackage;
    }

    /** Packages taken whole by the cycle rule: generated code whose packages refer to each other. None unless overridden. */
    protected String[] generatedTrees() {
        return new String[0];
    }

    @Test
    public void noOtherModulesInternalsAreUsed() {
        ModuleBoundaries.noOtherModulesInternals(modulePackage).check(module());
    }

    @Test
    public void onlyTheEntryPointsTouchStandardOut() {
        ModuleBoundaries.onlyEntryPointsTouchStandardOut(entryPoints).check(module());
    }

    @Test
    public void thereAreNoCyclesBetweenPackages() {
        ModuleBoundaries.noPackageCycles(modulePackage, generatedTrees()).check(module());
    }
}

package dev.ijoka.boundaries;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The boundary rules that every module's {@code ArchitectureTest} applies to its own classes, written
 * once so that five modules do not each carry a copy. Each method gives one rule; a module's test
 * picks the ones that fit its side (a store, a face, the app) and names its own exemptions.
 *
 * <pre>{@code
 * class ArchitectureTest {
 *     private static final JavaClasses MODULE = ModuleBoundaries.importModule("dev.ijoka.claude", 5);
 *
 *     @Test
 *     void touchesNoStore() {
 *         ModuleBoundaries.noStoreSide().check(MODULE);
 *     }
 * }
 * }</pre>
 */
public final class ModuleBoundaries {

    /** The faces: modules that put the engine in front of someone. A store never sees them. */
    public static final String[] FACES = {
        "dev.ijoka.app..", "dev.ijoka.claude..", "dev.ijoka.interchange..", "dev.ijoka.mcp..", "dev.ijoka.web..",
        "dev.ijoka.swing.."
    };

    /** What belongs to stores: the store modules and the database libraries they are built on. */
    public static final String[] STORE_SIDE = {
        "dev.ijoka.store..", "org.jooq..", "org.flywaydb..", "org.sqlite..", "org.postgresql..", "java.sql..", "javax.sql.."
    };

    /** Every module's internal packages: no compatibility promise, for their own module only. */
    public static final String INTERNALS = "dev.ijoka..internal..";

    private ModuleBoundaries() {}

    /**
     * The module's own main classes: its test classes and every jar left out, so that a rule judges
     * this module only. Asserts that at least {@code atLeast} classes came in, so that a wrong package
     * name cannot make every rule pass on nothing.
     */
    public static JavaClasses importModule(String basePackage, int atLeast) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        if (imported.size() < atLeast) {
            throw new AssertionError("only " + imported.size() + " classes of " + basePackage + " were imported, expected at"
                    + " least " + atLeast + ": is the package name right?");
        }
        return imported;
    }

    /** Every Ijoka main class on the class path, from whichever module (jar or classes directory) it comes. */
    public static JavaClasses importEveryModule(int atLeast) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ijoka");
        if (imported.size() < atLeast) {
            throw new AssertionError("only " + imported.size() + " Ijoka classes on the class path, expected at least " + atLeast);
        }
        return imported;
    }

    /**
     * A package cycle means two packages can only change together. Each package below the module's
     * root is its own slice, except that each of {@code wholeTrees} (a package and its subpackages)
     * counts as one: for generated code whose packages refer to each other by design. The root
     * package itself is left out, as the core's own rule leaves out {@code dev.ijoka}: it holds the
     * module's front door, which builds on its {@code internal} package while the internals use the
     * value types the front door publishes beside it.
     */
    public static ArchRule noPackageCycles(String moduleRoot, String... wholeTrees) {
        List<String> trees = List.of(wholeTrees);
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String pkg = c.getPackageName();
                if (!pkg.startsWith(moduleRoot + ".")) {
                    return SliceIdentifier.ignore();
                }
                return trees.stream().filter(t -> pkg.equals(t) || pkg.startsWith(t + ".")).findFirst()
                        .map(SliceIdentifier::of).orElse(SliceIdentifier.of(pkg));
            }

            @Override
            public String getDescription() {
                return "the packages below " + moduleRoot + (trees.isEmpty() ? "" : ", each of " + trees + " taken whole");
            }
        }).should().beFreeOfCycles()
                // A module of one package has no cycle yet; the rule stands guard for its second package.
                .allowEmptyShould(true);
    }

    /**
     * stdout is a protocol's wire in {@code ijoka mcp} and {@code ijoka hook}, and the command's output
     * elsewhere: only the named entry points, which decide what it carries, may reach it (by
     * {@code System.out}, {@code System.setOut} or the raw descriptor). Everything else writes to a
     * stream it is given, or logs.
     */
    public static ArchRule onlyEntryPointsTouchStandardOut(Class<?>... entryPoints) {
        return noClasses().that(not(belongToAnyOf(entryPoints)))
                .should().accessField(System.class, "out")
                .orShould().callMethod(System.class, "setOut", PrintStream.class)
                .orShould().accessField(FileDescriptor.class, "out")
                .because("stdout carries a protocol or a command's output, decided by the entry point alone;"
                        + " take a PrintStream or log through SLF4J / System.Logger instead");
    }

    /** A store serves every face and knows none of them. */
    public static ArchRule noFace() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(FACES)
                .because("a store is found by URL and used through the engine's ports; the faces sit on the engine");
    }

    /**
     * A store stands on its own, or on the shared SQL base: it depends on no other store.
     *
     * @param allowed the store packages it may use besides its own, e.g. {@code "dev.ijoka.store.jooq"} for a SQL store
     */
    public static ArchRule noOtherStore(String ownPackage, String... allowed) {
        DescribedPredicate<JavaClass> mine = resideInAPackage(ownPackage + "..");
        for (String a : allowed) {
            mine = mine.or(resideInAPackage(a));
        }
        return noClasses().should().dependOnClassesThat(resideInAPackage("dev.ijoka.store..").and(not(mine)))
                .because("stores are siblings: what two of them share belongs in ijoka-store-jooq");
    }

    /** A face never names a store, its SQL or its database driver: stores are found by URL through ServiceLoader. */
    public static ArchRule noStoreSide() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(STORE_SIDE)
                .because("only ijoka-app wires a store, and by URL; faces use the engine's public API");
    }

    /** A face uses the engine's public API (dev.ijoka, api, domain, event, graph); its internals and SPI are not the face's. */
    public static ArchRule onlyTheEnginesPublicApi() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.ijoka.internal..", "dev.ijoka.spi..")
                .because("front ends use the engine's public API; the SPI is for store authors and the internals for the engine");
    }

    /** The module uses no other module's internal packages (its own are its business). */
    public static ArchRule noOtherModulesInternals(String ownPackage) {
        return noClasses().should().dependOnClassesThat(resideInAPackage(INTERNALS)
                        .and(not(resideInAPackage(ownPackage + ".internal.."))))
                .because("internal packages carry no compatibility promise outside their module");
    }

    /**
     * Across every module on the class path: a class in an internal package ({@code internals}, e.g.
     * {@link #INTERNALS}) is used only by classes of the same module, judged by where each class was
     * loaded from (the same jar or classes directory), so no list of modules has to be kept here.
     */
    public static ArchRule internalsStayInTheirModule(String internals) {
        DescribedPredicate<JavaClass> internal = resideInAPackage(internals);
        return classes().should(new ArchCondition<>("use internal packages (" + internals + ") of their own module only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType(); // an array has no location of its own
                    if (internal.test(target) && !sameModule(origin, target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + " reaches into "
                                + module(target).orElse("a module of unknown location") + " from "
                                + module(origin).orElse("a module of unknown location")));
                    }
                }
            }
        });
    }

    /** Only when both locations are known and equal: an unknown location is not taken on trust. */
    private static boolean sameModule(JavaClass a, JavaClass b) {
        Optional<String> where = module(a);
        return where.isPresent() && where.equals(module(b));
    }

    /** The class-path entry (jar or classes directory) a class was loaded from, as a path; empty when unknown. */
    static Optional<String> module(JavaClass c) {
        return c.getSource().map(source -> {
            URI uri = source.getUri();
            if ("jar".equals(uri.getScheme())) {
                String inner = uri.getRawSchemeSpecificPart();
                int bang = inner.indexOf("!/");
                return URI.create(bang >= 0 ? inner.substring(0, bang) : inner).getPath();
            }
            // The same directory is spelt file:/x and file:///x depending on who found the class.
            String path = "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
            String own = c.getName().replace('.', '/') + ".class";
            return path.endsWith(own) ? path.substring(0, path.length() - own.length()) : path;
        });
    }
}

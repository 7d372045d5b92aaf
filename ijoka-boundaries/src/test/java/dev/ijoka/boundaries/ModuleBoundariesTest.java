package dev.ijoka.boundaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.ijoka.boundaries.fixture.UsesAssertJInternals;
import dev.ijoka.cycle.a.A;
import dev.ijoka.cycle.b.B;
import dev.ijoka.store.fake.CleanStore;
import dev.ijoka.store.fake.StoreOnASibling;
import dev.ijoka.store.fake.StoreOnTheBase;
import dev.ijoka.store.fake.StoreSeeingAFace;
import dev.ijoka.web.fake.EntryPoint;
import dev.ijoka.web.fake.Face;
import dev.ijoka.web.fake.FaceInAnotherInternal;
import dev.ijoka.web.fake.FaceNamingAStore;
import dev.ijoka.web.fake.FaceOnTheSpi;
import dev.ijoka.web.fake.Printer;
import dev.ijoka.web.fake.RawOut;
import dev.ijoka.web.fake.Redirector;
import org.junit.jupiter.api.Test;

/**
 * Each shared rule fails on a violation and passes without one, on small classes made to break it
 * (in this module's test sources, under the packages the rules name).
 */
class ModuleBoundariesTest {

    private static JavaClasses classes(Class<?>... these) {
        return new ClassFileImporter().importClasses(these);
    }

    private static void holds(ArchRule rule, Class<?>... these) {
        assertThatCode(() -> rule.check(classes(these))).doesNotThrowAnyException();
    }

    private static void breaks(ArchRule rule, Class<?> culprit, Class<?>... others) {
        Class<?>[] all = new Class<?>[others.length + 1];
        all[0] = culprit;
        System.arraycopy(others, 0, all, 1, others.length);
        assertThatThrownBy(() -> rule.check(classes(all))).isInstanceOf(AssertionError.class)
                .hasMessageContaining(culprit.getName());
    }

    @Test
    void aStoreThatSeesAFaceBreaksNoFace() {
        holds(ModuleBoundaries.noFace(), CleanStore.class, StoreOnTheBase.class);
        breaks(ModuleBoundaries.noFace(), StoreSeeingAFace.class, CleanStore.class);
    }

    @Test
    void aStoreOnASiblingBreaksNoOtherStoreAndTheNamedBaseDoesNot() {
        ArchRule rule = ModuleBoundaries.noOtherStore("dev.ijoka.store.fake", "dev.ijoka.store.jooq..");
        holds(rule, CleanStore.class, StoreOnTheBase.class);
        breaks(rule, StoreOnASibling.class);
        breaks(ModuleBoundaries.noOtherStore("dev.ijoka.store.fake"), StoreOnTheBase.class);
    }

    @Test
    void aFaceThatNamesSqlBreaksNoStoreSide() {
        holds(ModuleBoundaries.noStoreSide(), Face.class);
        breaks(ModuleBoundaries.noStoreSide(), FaceNamingAStore.class, Face.class);
        breaks(ModuleBoundaries.noStoreSide(), StoreOnTheBase.class);
    }

    @Test
    void aFaceOnTheSpiBreaksOnlyTheEnginesPublicApi() {
        holds(ModuleBoundaries.onlyTheEnginesPublicApi(), Face.class);
        breaks(ModuleBoundaries.onlyTheEnginesPublicApi(), FaceOnTheSpi.class);
    }

    @Test
    void anotherModulesInternalsBreakNoOtherModulesInternalsButTheModulesOwnDoNot() {
        ArchRule rule = ModuleBoundaries.noOtherModulesInternals("dev.ijoka.web");
        holds(rule, Face.class);
        breaks(rule, FaceInAnotherInternal.class);
    }

    @Test
    void standardOutIsTheEntryPointsAlone() {
        ArchRule rule = ModuleBoundaries.onlyEntryPointsTouchStandardOut(EntryPoint.class);
        holds(rule, EntryPoint.class, Face.class);
        breaks(rule, Printer.class);
        breaks(rule, Redirector.class);
        breaks(rule, RawOut.class);
        breaks(ModuleBoundaries.onlyEntryPointsTouchStandardOut(), EntryPoint.class);
    }

    @Test
    void aCycleBetweenTwoPackagesBreaksNoPackageCycles() {
        holds(ModuleBoundaries.noPackageCycles("dev.ijoka"), Face.class, CleanStore.class);
        assertThatThrownBy(() -> ModuleBoundaries.noPackageCycles("dev.ijoka").check(classes(A.class, B.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> ModuleBoundaries.noPackageCycles("dev.ijoka.cycle").check(classes(A.class, B.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cycle");
        holds(ModuleBoundaries.noPackageCycles("dev.ijoka", "dev.ijoka.cycle"), A.class, B.class);
    }

    @Test
    void internalsUsedFromAnotherClassPathEntryBreakInternalsStayInTheirModule() {
        holds(ModuleBoundaries.internalsStayInTheirModule(ModuleBoundaries.INTERNALS), Face.class);
        breaks(ModuleBoundaries.internalsStayInTheirModule("org.assertj..internal.."), UsesAssertJInternals.class);
        assertThat(ModuleBoundaries.module(classes(Face.class).get(Face.class))).hasValueSatisfying(
                where -> assertThat(where).endsWith("/test-classes/"));
    }
}

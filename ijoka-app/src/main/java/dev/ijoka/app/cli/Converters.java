package dev.ijoka.app.cli;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import dev.ijoka.interchange.Format;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the domain's names from the command line. A bad name is a usage error (exit 2) whose
 * message lists the names allowed, e.g. {@code unknown category 'gui': use one of functional, ui, ...}.
 */
final class Converters {

    private Converters() {}

    /** Runs the domain's own argument checks, turning their complaints into the engine's invalid-input error. */
    static <T> T input(Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static <T> T convert(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static final class CategoryConverter implements ITypeConverter<Category> {
        @Override
        public Category convert(String value) {
            return Converters.convert(value, Category::fromWire);
        }
    }

    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Converters.convert(value, Kind::fromWire);
        }
    }

    static final class StatusConverter implements ITypeConverter<Status> {
        @Override
        public Status convert(String value) {
            return Converters.convert(value, Status::fromWire);
        }
    }

    static final class DependencyKindConverter implements ITypeConverter<DependencyKind> {
        @Override
        public DependencyKind convert(String value) {
            return Converters.convert(value, DependencyKind::fromWire);
        }
    }

    static final class InsightKindConverter implements ITypeConverter<InsightKind> {
        @Override
        public InsightKind convert(String value) {
            return Converters.convert(value, InsightKind::fromWire);
        }
    }

    static final class EnforcementConverter implements ITypeConverter<Enforcement> {
        @Override
        public Enforcement convert(String value) {
            return Converters.convert(value, Enforcement::fromWire);
        }
    }

    static final class WipScopeConverter implements ITypeConverter<WipScope> {
        @Override
        public WipScope convert(String value) {
            return Converters.convert(value, WipScope::fromWire);
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Converters.convert(value, Format::fromName);
        }
    }
}

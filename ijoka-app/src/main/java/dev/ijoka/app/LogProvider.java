package dev.ijoka.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's provider for the {@code ijoka} process: Logback, configured by {@link LogSetup} directly. {@link Main} names
 * it in the system property {@value #SLF4J_PROPERTY} before anything logs, so that neither SLF4J (looking for its
 * provider) nor Logback (looking for a {@code Configurator}) asks {@code ServiceLoader}: each such lookup reads the
 * service files of every jar on the class path, and the JVM opens each of the ~70 jars {@code ijoka.jar} names to do
 * so, on the way to an MCP server's {@code initialize} answer and a direct hook's record (docs/benchmarks.md, "Cold
 * start: MCP, direct hooks, commands"). Anything that runs without the property (the tests, a library user) finds
 * Logback's own provider and {@link LogSetup} through their service files: the same configuration.
 */
public final class LogProvider implements SLF4JServiceProvider {

    /** SLF4J's system property that names its provider (SLF4J 2.0.9+). */
    static final String SLF4J_PROPERTY = "slf4j.provider";

    private final LoggerContext context = new LoggerContext();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();
    private final IMarkerFactory markers = new BasicMarkerFactory();

    @Override
    public void initialize() {
        context.setName("default");
        context.setMDCAdapter(mdc);
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        setup.configure(context);
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99"; // as Logback's own provider: the SLF4J 2.0 API
    }
}

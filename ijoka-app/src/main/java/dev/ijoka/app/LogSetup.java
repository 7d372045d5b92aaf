package dev.ijoka.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration, in code (found through {@code ServiceLoader}; no XML to parse at start):
 * every log line goes to stderr, since stdout carries only a command's output. Quiet by default
 * (warnings and errors); the level comes from the system property {@value #LEVEL_PROPERTY}, which
 * {@link Main} sets from {@code -v} (info) and {@code -vv} (debug) before anything logs.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    public static final String LEVEL_PROPERTY = "ijoka.log.level";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        Line layout = new Line();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY, "WARN"), Level.WARN));
        root.addAppender(stderr);
        // Chatty libraries stay at WARN even with -v: their INFO lines are noise to a user.
        for (String name : new String[] {"io.modelcontextprotocol", "org.jooq", "org.flywaydb", "io.undertow", "org.xnio", "org.jboss"}) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * {@code 12:03:04.567 DEBUG Cli - message}, then the stack trace if any. Written by hand rather
     * than with a {@code PatternLayout}: parsing a pattern costs a command line tens of milliseconds
     * on every start.
     */
    static final class Line extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            long millis = event.getTimeStamp() % 86_400_000L;
            StringBuilder out = new StringBuilder(128);
            two(out, millis / 3_600_000).append(':');
            two(out, millis / 60_000 % 60).append(':');
            two(out, millis / 1_000 % 60).append('.');
            long ms = millis % 1_000;
            out.append(ms < 100 ? ms < 10 ? "00" : "0" : "").append(ms).append(' ');
            out.append(event.getLevel()).append(' ');
            String name = event.getLoggerName();
            out.append(name.substring(name.lastIndexOf('.') + 1)).append(" - ").append(event.getFormattedMessage()).append('\n');
            IThrowableProxy t = event.getThrowableProxy();
            if (t != null) {
                out.append(ThrowableProxyUtil.asString(t)).append('\n');
            }
            return out.toString();
        }

        private static StringBuilder two(StringBuilder out, long value) {
            return out.append(value < 10 ? "0" : "").append(value);
        }
    }
}

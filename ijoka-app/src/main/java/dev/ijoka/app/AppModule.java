package dev.ijoka.app;

import com.google.inject.AbstractModule;
import dev.ijoka.app.cli.GlobalOptions;

/**
 * The app's wiring: the outside world of this run and how to open the engine. Everything else
 * (the commands, their shared context and options) Guice builds just in time from {@code @Inject}
 * constructors. Only this module knows the concrete pieces; the core and the adapters know no Guice.
 */
final class AppModule extends AbstractModule {

    private final Environment environment;
    private final EngineFactory engines;
    private final GlobalOptions options;

    AppModule(Environment environment, EngineFactory engines, GlobalOptions options) {
        this.environment = environment;
        this.engines = engines;
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(Environment.class).toInstance(environment);
        bind(EngineFactory.class).toInstance(engines);
        bind(GlobalOptions.class).toInstance(options); // read once, by Invocation

    }
}

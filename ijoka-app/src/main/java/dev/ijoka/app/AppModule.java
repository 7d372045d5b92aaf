package dev.ijoka.app;

import com.google.inject.AbstractModule;

/**
 * The app's wiring: the outside world of this run and how to open the engine. Everything else
 * (the commands, their shared context and options) Guice builds just in time from {@code @Inject}
 * constructors. Only this module knows the concrete pieces; the core and the adapters know no Guice.
 */
final class AppModule extends AbstractModule {

    private final Environment environment;
    private final EngineFactory engines;

    AppModule(Environment environment, EngineFactory engines) {
        this.environment = environment;
        this.engines = engines;
    }

    @Override
    protected void configure() {
        bind(Environment.class).toInstance(environment);
        bind(EngineFactory.class).toInstance(engines);
    }
}

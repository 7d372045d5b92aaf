package dev.ijoka.app;

import java.security.SecureRandom;
import java.util.List;

/**
 * A direct hook's store libraries initialised on a thread of their own while the main thread reads the event: jOOQ
 * builds the data types of every dialect it knows the first time its DSL meets a data type (~40 ms of a quiet direct
 * hook, interpreted, twice that at load), and the engine's id source sets up the JDK's security providers; the main
 * thread meanwhile builds Jackson's mapper and parses the event (the locale data behind its date format, JDK 25's
 * {@code BigDecimal} initialiser). On two cores the two halves overlap (docs/benchmarks.md, "The direct hook: what
 * runs after main").
 *
 * <p>Class initialisation only: nothing is opened or written, so an unreadable event still changes nothing. The main
 * thread waits for it ({@link #await}) before it touches jOOQ, so no class of jOOQ is initialised from two threads at
 * once; the classes are named, not linked, so this module needs no jOOQ to compile and a store without jOOQ loses
 * nothing but the lookup.
 */
final class StoreWarmUp implements Runnable {

    /** The classes the store's opening enters jOOQ's start through, in the order it does. */
    static final List<String> CLASSES = List.of("org.jooq.impl.Tools", "org.jooq.impl.DefaultDataType");
    /** A bound on the wait, far above the work's ~0.1 s: a hook must end even if this thread never does. */
    private static final long WAIT_MS = 5_000;

    private StoreWarmUp() {}

    /** Started on a daemon thread. */
    static Thread start() {
        Thread thread = new Thread(new StoreWarmUp(), "ijoka-hook-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Returns once the thread has done its work (or after {@link #WAIT_MS}). */
    static void await(Thread thread) {
        try {
            thread.join(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        ClassLoader loader = StoreWarmUp.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return; // not on this class path: the store's opening does without
            }
        }
        new SecureRandom().nextInt(); // the providers, as Uuid7's first id would set them up
    }
}

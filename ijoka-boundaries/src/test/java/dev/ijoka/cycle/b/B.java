package dev.ijoka.cycle.b;

/** The other half of a package cycle. */
public class B {
    dev.ijoka.cycle.a.A a;
}

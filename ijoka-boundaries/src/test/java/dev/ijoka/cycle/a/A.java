package dev.ijoka.cycle.a;

/** One half of a package cycle. */
public class A {
    dev.ijoka.cycle.b.B b;
}

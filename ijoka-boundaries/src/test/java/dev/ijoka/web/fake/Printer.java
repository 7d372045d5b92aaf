package dev.ijoka.web.fake;

/** Prints to stdout without being an entry point: forbidden. */
public class Printer {
    void print() {
        System.out.println("stray");
    }
}

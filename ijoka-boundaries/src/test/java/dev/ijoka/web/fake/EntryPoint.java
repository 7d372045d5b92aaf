package dev.ijoka.web.fake;

/** An entry point: it alone decides what stdout carries. */
public class EntryPoint {
    public static void main(String[] args) {
        System.out.println("protocol");
    }
}

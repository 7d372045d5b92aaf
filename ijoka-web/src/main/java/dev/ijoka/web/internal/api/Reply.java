package dev.ijoka.web.internal.api;

/** An endpoint's answer with a status other than 200, e.g. 201 for something created. */
public record Reply(int status, Object body) {

    public static Reply created(Object body) {
        return new Reply(201, body);
    }
}

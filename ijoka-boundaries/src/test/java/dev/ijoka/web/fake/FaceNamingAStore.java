package dev.ijoka.web.fake;

/** A face that talks SQL: forbidden. */
public class FaceNamingAStore {
    java.sql.Connection connection;
}

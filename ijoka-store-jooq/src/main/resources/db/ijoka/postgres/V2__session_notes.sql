-- Ijoka schema, version 2 (PostgreSQL): notes kept under a session id; see db/ijoka/sqlite's V2.

CREATE TABLE session_notes (
    session_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (session_id, name)
);

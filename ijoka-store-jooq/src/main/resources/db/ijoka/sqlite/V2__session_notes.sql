-- Ijoka schema, version 2 (SQLite): notes kept under a session id.
--
-- What the engine remembers about a session beside its row (Sessions.link, Sessions.moveHead):
--   * "continues" -> the session another id continues (a Claude Code session after /clear or a resume
--     under a new id, or the Claude Code process an `ijoka mcp` serves), so that its events land in one
--     session;
--   * "head:<repository>" -> the HEAD commit the session last saw in that repository, so that each
--     Bash tool use records the commits HEAD gained since, across hook processes.
-- session_id is not a foreign key: an alias is an id that never becomes a session of its own.

CREATE TABLE session_notes (
    session_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (session_id, name)
);

-- The schema version, also kept where opening the store reads it without starting Flyway.
PRAGMA user_version = 2;

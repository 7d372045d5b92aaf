-- Ijoka schema, version 1 (SQLite).
--
-- A released migration is never edited: change the schema with a new V<n>__<what>.sql that ends
-- with PRAGMA user_version = <n>, add a fixture for version n-1 under ijoka-store-sqlite's
-- src/test/resources/upgrade/, and bump JooqSchema.LATEST_VERSION.
--
-- Conventions, shared with the PostgreSQL migrations in db/ijoka/postgres:
--   * ids are the domain's strings (UUIDv7 or the caller's), stored as TEXT;
--   * instants are BIGINT nanoseconds since the epoch, UTC: exact to the nanosecond (the domain's
--     Instant precision), compact, and ordered by plain integer comparison (lease queries);
--   * enums are their lower-case wire names; lists and rule specs are JSON text;
--   * pos columns keep insertion order, which the store's queries return where the port asks for
--     "oldest first" or "newest first".

CREATE TABLE projects (
    pos        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    root       TEXT    NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL
);

CREATE TABLE features (
    id                TEXT    NOT NULL PRIMARY KEY,
    project_id        TEXT    NOT NULL REFERENCES projects (id),
    number            INTEGER NOT NULL,
    description       TEXT    NOT NULL,
    details           TEXT,
    category          TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    priority          INTEGER NOT NULL,
    -- JSON array of {"text": …, "done": …}, in checklist order
    steps             TEXT    NOT NULL,
    block_reason      TEXT,
    parent_id         TEXT,
    -- the claim: all three set while a session holds the feature, all null otherwise
    claim_session     TEXT,
    claim_taken_at    BIGINT,
    claim_lease_until BIGINT,
    version           BIGINT  NOT NULL,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL,
    completed_at      BIGINT
);
CREATE UNIQUE INDEX features_project_number ON features (project_id, number);
CREATE INDEX features_project_status ON features (project_id, status);
CREATE INDEX features_claim_session ON features (claim_session);
CREATE INDEX features_claim_lease ON features (claim_lease_until);

-- dependent_id depends on dependency_id
CREATE TABLE dependencies (
    dependent_id  TEXT NOT NULL,
    dependency_id TEXT NOT NULL,
    project_id    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    CONSTRAINT dependencies_pk PRIMARY KEY (dependent_id, dependency_id),
    CONSTRAINT dependencies_dependent_fk FOREIGN KEY (dependent_id) REFERENCES features (id),
    CONSTRAINT dependencies_dependency_fk FOREIGN KEY (dependency_id) REFERENCES features (id),
    CONSTRAINT dependencies_project_fk FOREIGN KEY (project_id) REFERENCES projects (id)
);
CREATE INDEX dependencies_dependency ON dependencies (dependency_id);
CREATE INDEX dependencies_project ON dependencies (project_id);

CREATE TABLE sessions (
    pos             INTEGER PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    project_id      TEXT    NOT NULL REFERENCES projects (id),
    agent           TEXT    NOT NULL,
    started_at      BIGINT  NOT NULL,
    last_seen_at    BIGINT  NOT NULL,
    ended_at        BIGINT,
    current_feature TEXT,
    event_count     BIGINT  NOT NULL
);
CREATE INDEX sessions_project_seen ON sessions (project_id, last_seen_at);

CREATE TABLE insights (
    pos        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    project_id TEXT    NOT NULL REFERENCES projects (id),
    text       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    -- JSON array of lower-case tags
    tags       TEXT    NOT NULL,
    feature_id TEXT,
    session_id TEXT,
    created_at BIGINT  NOT NULL
);
CREATE INDEX insights_project ON insights (project_id, pos);

CREATE TABLE rules (
    pos         INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    -- null for a global rule
    project_id  TEXT    REFERENCES projects (id),
    -- the spec's kind, e.g. wip_limit; the spec itself is JSON with the same "kind" inside
    kind        TEXT    NOT NULL,
    spec        TEXT    NOT NULL,
    enforcement TEXT    NOT NULL,
    enabled     BOOLEAN NOT NULL,
    triggered   BIGINT  NOT NULL,
    violated    BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX rules_project ON rules (project_id);

-- The append-only log. seq is assigned by the store, in commit order, under the write lock.
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT    NOT NULL UNIQUE,
    project_id TEXT,
    feature_id TEXT,
    session_id TEXT,
    type       TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    at         BIGINT  NOT NULL
);
CREATE INDEX events_project_seq ON events (project_id, seq);
CREATE INDEX events_feature_seq ON events (feature_id, seq);
CREATE INDEX events_session_seq ON events (session_id, seq);

-- Marks the file as Ijoka's ('IJKA'), so that opening some other SQLite file is refused.
PRAGMA application_id = 1229605697;

-- The schema version, also kept where opening the store reads it without starting Flyway.
PRAGMA user_version = 1;

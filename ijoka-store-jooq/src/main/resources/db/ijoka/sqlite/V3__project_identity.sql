-- Ijoka schema, version 3 (SQLite): one project across machines.
--
--   * projects.identity names the project on every machine: the normalized URL of its checkout's
--     origin remote (github.com/acme/shop), else the absolute path of its root. NULL is unknown: a
--     project registered before version 3 gets its identity when one of its checkouts is next opened
--     (SQL cannot read a checkout, so nothing is guessed here). Unique: one identity, one project.
--   * project_paths holds every path a project has been opened or linked at, oldest first by pos; a
--     path belongs to one project at a time. Each existing project starts with its root.

ALTER TABLE projects ADD COLUMN identity TEXT;
CREATE UNIQUE INDEX projects_identity ON projects (identity);

CREATE TABLE project_paths (
    pos        INTEGER PRIMARY KEY,
    path       TEXT    NOT NULL UNIQUE,
    project_id TEXT    NOT NULL REFERENCES projects (id)
);
CREATE INDEX project_paths_project ON project_paths (project_id, pos);

INSERT INTO project_paths (path, project_id) SELECT root, id FROM projects ORDER BY pos;

-- The schema version, also kept where opening the store reads it without starting Flyway.
PRAGMA user_version = 3;

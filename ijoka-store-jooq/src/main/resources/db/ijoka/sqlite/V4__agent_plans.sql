-- Ijoka schema, version 4 (SQLite): each agent session's own todo list.
--
-- Claude Code's TodoWrite list (or its Task tools' tasks), kept per session and per feature the session
-- held when it wrote it (AgentPlan). Not the features' steps: those stay in features.steps.
--   * feature_id is '' for the list a session kept while it held no feature, so that the pair
--     (session_id, feature_id) is a key on both databases (NULLs would never collide);
--   * items is JSON, [{"id":"…","content":"…","activeForm":"…","status":"in_progress"}], in the
--     agent's order; a list with no items has no row;
--   * it is derived state: the todo_added, todo_changed and todo_removed events rebuild it (Replay).
-- session_id is not a foreign key, as in session_notes: the row says which list, not that the session exists.

CREATE TABLE agent_plans (
    pos        INTEGER PRIMARY KEY,
    session_id TEXT    NOT NULL,
    feature_id TEXT    NOT NULL,
    project_id TEXT    NOT NULL REFERENCES projects (id),
    items      TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL,
    CONSTRAINT agent_plans_list UNIQUE (session_id, feature_id)
);
CREATE INDEX agent_plans_feature ON agent_plans (feature_id);
CREATE INDEX agent_plans_project ON agent_plans (project_id);

-- The schema version, also kept where opening the store reads it without starting Flyway.
PRAGMA user_version = 4;

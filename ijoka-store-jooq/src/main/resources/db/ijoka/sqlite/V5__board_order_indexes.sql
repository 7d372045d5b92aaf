-- Ijoka schema, version 5 (SQLite): the Kanban's columns read as a page of an index in the Board's order.
--
-- A column is one status of one project in BoardOrder: done work most recently completed first (a feature
-- without a completion time last), every other status highest priority first; then lowest number. With only
-- (project_id, status) indexed, a page of 50 visited every entry of its status and sorted them (40,000 rows
-- for the done column of a 100,000-feature plan); these two indexes hold each column in its order, so a page
-- is the entries it shows (JooqReader.featuresInBoardOrder; BoardOrderQueryPlanTest checks the plan).
--   * features_board: (project_id, status, priority DESC, number), the open columns, and the ready list's
--     order; it starts with (project_id, status), so it replaces features_project_status for every query
--     that used that one;
--   * features_board_done: (project_id, status, completed_at DESC, number); SQLite puts NULLs last in a
--     descending order, as the Board wants.

CREATE INDEX features_board ON features (project_id, status, priority DESC, number);
CREATE INDEX features_board_done ON features (project_id, status, completed_at DESC, number);
DROP INDEX features_project_status;

-- The schema version, also kept where opening the store reads it without starting Flyway.
PRAGMA user_version = 5;

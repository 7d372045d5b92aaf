-- Ijoka schema, version 5 (PostgreSQL): the Kanban's columns read as a page of an index in the Board's order;
-- see db/ijoka/sqlite's V5. PostgreSQL puts NULLs first in a descending order unless told, so the done
-- column's index says NULLS LAST, as the Board's query does.

CREATE INDEX features_board ON features (project_id, status, priority DESC, number);
CREATE INDEX features_board_done ON features (project_id, status, completed_at DESC NULLS LAST, number);
DROP INDEX features_project_status;

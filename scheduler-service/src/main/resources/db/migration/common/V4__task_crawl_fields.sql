-- The optional crawl fields of a task (max_depth, include_patterns, exclude_patterns,
-- delay_ms, user_agent, extract) and its node_labels, as JSON; null when it has none
-- (and for the tasks saved before they were taken).
ALTER TABLE task ADD COLUMN crawl_fields VARCHAR;

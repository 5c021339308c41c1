-- The optional crawl fields of a task (max_depth, include_patterns, exclude_patterns,
-- delay_ms, user_agent, extract, node_labels), as a JSON object of those that are set;
-- null for the tasks saved before they were taken.
ALTER TABLE task ADD COLUMN crawl_fields VARCHAR;

-- The optional crawl fields of a job (max_depth, include/exclude patterns, delay_ms,
-- user_agent, extract) as one JSON object in the wire's snake_case; NULL when none is set.
-- Their limits (50 patterns of 500 characters each, 50 extraction rules) keep it well
-- under this size.
ALTER TABLE job ADD COLUMN crawl_options VARCHAR(1000000);

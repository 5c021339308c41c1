-- When the oldest job still pending or running was created, read with the queue in each round
-- (NULL: none was). The controller lists jobs newest created first, so a report reads back to
-- this to find the jobs that waited or ran long and finished in its window.
ALTER TABLE queue_sample ADD COLUMN oldest_unfinished_ms BIGINT;

-- A scrape given up (its workflow step timed out, its run's jobs were followed too long)
-- leaves jobs the controller would still run: each is marked here until the controller
-- has been asked to cancel it. The scheduler looks for them on every tick: indexed.
ALTER TABLE scrape_job ADD COLUMN cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX scrape_job_cancel ON scrape_job (cancel_requested);

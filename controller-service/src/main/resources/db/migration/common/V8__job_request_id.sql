-- The X-Request-Id of the request that submitted the job (the one the controller logged
-- for it, made up when the request had none), sent with every assignment of the job so
-- that its dispatch, its crawl and its reports can be followed through the logs under
-- one id. NULL for jobs accepted before this column existed. Received ids are at most 128
-- characters (longer ones are replaced by a new id).
ALTER TABLE job ADD COLUMN request_id VARCHAR(128);

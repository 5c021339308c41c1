-- Indexes that let H2 (and PostgreSQL) read in order instead of sorting the whole table:
-- the newest jobs (GET /jobs), the newest jobs of one state (GET /jobs?status=...).
DROP INDEX job_created_ix;
CREATE INDEX job_created_seq_ix ON job (created_at, seq);
CREATE INDEX job_state_created_ix ON job (state, created_at, seq);

-- PostgreSQL's TEXT is unbounded (H2 uses CLOB for the same table).
CREATE TABLE job_result (
    job_id      VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    result_json TEXT        NOT NULL
);

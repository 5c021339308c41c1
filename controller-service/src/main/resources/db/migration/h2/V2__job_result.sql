-- H2 caps VARCHAR at 1 MiB; a crawl result can be larger, hence CLOB (TEXT on PostgreSQL).
CREATE TABLE job_result (
    job_id      VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    result_json CLOB        NOT NULL
);

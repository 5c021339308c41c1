-- Workflows, as users define them. Their schedules live in Quartz (group 'workflow').
CREATE TABLE workflow (
    id               VARCHAR(64)              PRIMARY KEY,
    name             VARCHAR(255)             NOT NULL,
    description      VARCHAR(2000),
    steps            VARCHAR                  NOT NULL, -- JSON array of steps, defaults applied
    error_policy     VARCHAR(32)              NOT NULL, -- STOP_ON_ERROR or CONTINUE_ON_ERROR
    schedule_type    VARCHAR(16)              NOT NULL,
    schedule_config  VARCHAR                  NOT NULL, -- JSON object, defaults applied
    enabled          BOOLEAN                  NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run         TIMESTAMP WITH TIME ZONE,
    run_count        INT                      NOT NULL,
    success_count    INT                      NOT NULL,
    failure_count    INT                      NOT NULL
);

-- The runs of workflows, each with a copy of the steps it runs. Kept when the workflow is deleted.
CREATE TABLE workflow_run (
    id              BIGINT                   PRIMARY KEY, -- from id_seq, shown as run_<id>
    workflow_id     VARCHAR(64)              NOT NULL,
    workflow_name   VARCHAR(255)             NOT NULL,
    run_number      INT,
    trigger_kind    VARCHAR(16)              NOT NULL,    -- schedule, catch_up, manual
    scheduled_for   TIMESTAMP WITH TIME ZONE,
    status          VARCHAR(16)              NOT NULL,    -- running, completed, failed, skipped
    error_policy    VARCHAR(32)              NOT NULL,
    steps           VARCHAR                  NOT NULL,    -- JSON copy of the workflow's steps
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    error           VARCHAR(2000)
);

CREATE INDEX workflow_run_workflow ON workflow_run (workflow_id, status);
CREATE INDEX workflow_run_started ON workflow_run (started_at);

-- The state of each step of a run.
CREATE TABLE workflow_step_run (
    run_id       BIGINT                   NOT NULL REFERENCES workflow_run (id) ON DELETE CASCADE,
    step_id      VARCHAR(64)              NOT NULL,
    position     INT                      NOT NULL,
    state        VARCHAR(16)              NOT NULL, -- pending, running, succeeded, failed, skipped
    attempts     INT                      NOT NULL,
    not_before   TIMESTAMP WITH TIME ZONE,          -- a retry waits until then
    deadline     TIMESTAMP WITH TIME ZONE,          -- the end of a wait, or the step's timeout
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    scrape_id    BIGINT                   REFERENCES scrape (id) ON DELETE SET NULL,
    output       VARCHAR,                           -- JSON
    error        VARCHAR(2000),
    PRIMARY KEY (run_id, step_id)
);

CREATE INDEX workflow_step_run_state ON workflow_step_run (state);

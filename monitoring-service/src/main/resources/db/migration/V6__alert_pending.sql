-- Conditions that hold but whose rule's duration has not passed yet: when each started to
-- hold, so that a restart resumes the wait instead of starting it again. node is '' for a
-- cluster-wide rule (failure rate, queue, controller), so that it can be part of the key.
CREATE TABLE alert_pending (
    rule              VARCHAR(32)              NOT NULL,
    node              VARCHAR(255)             NOT NULL,
    since_ms          BIGINT                   NOT NULL,
    PRIMARY KEY (rule, node)
);

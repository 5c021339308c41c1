-- When a task's or workflow's schedule was last set: at creation, and by an update that
-- changes it. A once date that has passed is spent only if a run started since it was
-- set: a date moved after a run (while disabled) still fires when enabled again.
ALTER TABLE task ADD COLUMN schedule_set_at TIMESTAMP WITH TIME ZONE;
UPDATE task SET schedule_set_at = created_at;
ALTER TABLE task ALTER COLUMN schedule_set_at SET NOT NULL;
ALTER TABLE workflow ADD COLUMN schedule_set_at TIMESTAMP WITH TIME ZONE;
UPDATE workflow SET schedule_set_at = created_at;
ALTER TABLE workflow ALTER COLUMN schedule_set_at SET NOT NULL;

-- The id a worker process sends with its registrations (a UUID picked at its start), so
-- that a restarted worker is told apart from one renewing its registration. NULL until a
-- worker that sends one registers.
ALTER TABLE worker ADD COLUMN instance_id VARCHAR(64);

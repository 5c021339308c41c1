-- The CPU temperature a worker reports in its health (system.temperature_c), so that
-- dispatch can prefer cooler nodes.
ALTER TABLE worker ADD COLUMN temperature_c DOUBLE PRECISION;

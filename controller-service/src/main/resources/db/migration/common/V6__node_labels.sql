-- Node labels (short key=value facts such as model=pi4, zone=attic) as a JSON object;
-- NULL when none. On a worker: its labels, the inventory's merged over the worker's own.
-- On a job: the labels a worker must have to be given it (node_labels). At most 20 labels
-- of a 63-character key and a 63-character value keep them well under this size.
ALTER TABLE worker ADD COLUMN labels VARCHAR(4000);
ALTER TABLE job ADD COLUMN node_labels VARCHAR(4000);

-- The controller's last listing of its workers (what sampling needs of each), so that after a
-- restart while the controller does not answer they are still sampled.
CREATE TABLE known_worker (
    listing_index     INTEGER                  PRIMARY KEY,
    node              VARCHAR(255)             NOT NULL,
    url               VARCHAR(2000),
    capacity          INTEGER,
    labels            VARCHAR(10000)
);

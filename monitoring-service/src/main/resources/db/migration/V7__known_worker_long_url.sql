-- A worker's URL may be as long as the controller stores it (2083 characters): a longer one
-- than this column took failed the saving of the whole listing, and so every collection round.
ALTER TABLE known_worker ALTER COLUMN url SET DATA TYPE VARCHAR(2083);

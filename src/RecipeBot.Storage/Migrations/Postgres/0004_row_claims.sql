-- Several instances share the inbox and the outbox: a row is claimed by one instance for a lease. A row with no
-- claim, or whose lease ran out (its instance died), may be taken by any instance.
ALTER TABLE inbox ADD COLUMN claimed_by text NULL;
ALTER TABLE inbox ADD COLUMN lease_until timestamptz NULL;
CREATE INDEX inbox_by_partition ON inbox (channel, partition, sequence);

ALTER TABLE outbox ADD COLUMN claimed_by text NULL;
ALTER TABLE outbox ADD COLUMN lease_until timestamptz NULL;

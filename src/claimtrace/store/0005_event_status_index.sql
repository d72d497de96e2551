-- claimtrace store, schema version 5: events by status alone.
-- "Claims with a negated event" and the events list filtered by status had only (type, status, …) to use,
-- which cannot start from status, so each such query scanned every event. Claim pages now come from the
-- facet index (store/facets.py); this serves the SQL paths (events, timelines, single-cluster pages).
CREATE INDEX events_status ON events(status, attribution_id);

-- claimtrace store, schema version 6: coded event actors and places (issue 12), so events are counted by
-- who did what to whom and where, not by raw strings ("who", "They"). Rows stored before this version keep
-- NULLs here until their articles are analysed again.
ALTER TABLE events ADD COLUMN actor_code TEXT;     -- ISO 3166 alpha-3, IGO or NGO
ALTER TABLE events ADD COLUMN actor_sector TEXT;   -- GOV, MIL, REB, OPP, COP, …
ALTER TABLE events ADD COLUMN actor_name TEXT;     -- canonical name ("Vladimir Putin", "Russia military")
ALTER TABLE events ADD COLUMN target_code TEXT;
ALTER TABLE events ADD COLUMN target_sector TEXT;
ALTER TABLE events ADD COLUMN target_name TEXT;
ALTER TABLE events ADD COLUMN place_name TEXT;     -- the event's location, else the dateline's place
ALTER TABLE events ADD COLUMN place_country TEXT;
CREATE INDEX events_actor_code ON events(actor_code, actor_sector);
CREATE INDEX events_actor_name ON events(actor_name);

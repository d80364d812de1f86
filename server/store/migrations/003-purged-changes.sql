-- A cursor names the change it stands on (docs/sync-protocol.md, "Cursor check"). A purge
-- deletes an incident's events, so the server keeps which change held each purged seq:
-- a device whose cursor stands on a purged event is still vouched for. Ids only, no content.
CREATE TABLE purged_changes (
  seq bigint PRIMARY KEY,
  team_id bigint NOT NULL,
  change_id text NOT NULL
);

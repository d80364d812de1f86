-- The team's local layer (issue 14): the municipality's own contacts, steps and notes,
-- shared with every device of the team. One row per team holds the current layer as a
-- `handelingskader-lokaal` file; `revision` counts the coordinator's uploads, so an upload
-- names the revision it was built on and a stale one is refused instead of overwriting.
CREATE TABLE team_local_layers (
  team_id bigint PRIMARY KEY REFERENCES teams (id),
  revision bigint NOT NULL CHECK (revision >= 1),
  file jsonb NOT NULL,
  updated_by bigint NOT NULL REFERENCES devices (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who fetched or uploaded which revision of the team's layer, when (AVG accountability:
-- the layer holds the municipality's internal contacts).
CREATE TABLE local_layer_log (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL,
  device_id bigint NOT NULL,
  revision bigint NOT NULL,
  access text NOT NULL CHECK (access IN ('read', 'write')),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_layer_log_team ON local_layer_log (team_id, at);

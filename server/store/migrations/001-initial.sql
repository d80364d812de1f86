-- Team sync, first schema. Migrations only add: never drop, rename or change what a
-- shipped migration created (tests/server/migrations.test.ts checks the files).

CREATE TABLE teams (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per paired device. installation_id is the id the device writes into its
-- events' `device` field; the token is stored only as its SHA-256.
CREATE TABLE devices (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams (id),
  installation_id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator', 'adviseur', 'meelezer')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  revoked_by bigint REFERENCES devices (id)
);
CREATE UNIQUE INDEX devices_active_installation ON devices (team_id, installation_id) WHERE revoked_at IS NULL;

CREATE TABLE invites (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams (id),
  code_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('coordinator', 'adviseur', 'meelezer')),
  created_by bigint REFERENCES devices (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  redeemed_at timestamptz,
  redeemed_by bigint REFERENCES devices (id)
);

-- An incident belongs to the team of the device that shared it. The row stays after a
-- purge (without any content) so that a device that missed the purge cannot upload it again.
CREATE TABLE incidents (
  id text PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams (id),
  shared_at timestamptz NOT NULL DEFAULT now(),
  shared_by bigint NOT NULL REFERENCES devices (id),
  purged_at timestamptz,
  purged_by bigint REFERENCES devices (id)
);
CREATE INDEX incidents_team ON incidents (team_id);

-- Events and purge notices share one sequence: a device's cursor orders both.
CREATE SEQUENCE change_seq;

-- No foreign keys here: the server fills team_id and device_id from the authenticated
-- device and creates the incident row in the same transaction, and the three per-row
-- checks would cost more than the insert itself (measured: push of 1,000 events).
CREATE TABLE events (
  id text PRIMARY KEY,
  incident_id text NOT NULL,
  team_id bigint NOT NULL,
  seq bigint NOT NULL UNIQUE DEFAULT nextval('change_seq'),
  received_at timestamptz NOT NULL DEFAULT now(),
  device_id bigint NOT NULL,
  event jsonb NOT NULL
);
CREATE INDEX events_team_seq ON events (team_id, seq);
CREATE INDEX events_incident ON events (incident_id);
CREATE UNIQUE INDEX events_one_created ON events (incident_id) WHERE (event ->> 'type') = 'incident.created';

-- Append-only: no UPDATE, no DELETE, no TRUNCATE, except the deletion of one whole
-- incident in a transaction that named it first (SELECT set_config('app.purge', id, true)).
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.incident_id = current_setting('app.purge', true) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

CREATE TABLE purges (
  seq bigint PRIMARY KEY DEFAULT nextval('change_seq'),
  incident_id text NOT NULL UNIQUE REFERENCES incidents (id),
  team_id bigint NOT NULL REFERENCES teams (id),
  purged_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purges_team_seq ON purges (team_id, seq);

-- Who read or changed which incident, when (AVG accountability).
CREATE TABLE access_log (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL,
  device_id bigint NOT NULL,
  incident_id text NOT NULL,
  access text NOT NULL CHECK (access IN ('read', 'write', 'purge')),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_log_incident ON access_log (incident_id, at);

-- Short-lived single-use tickets that open the live stream without a token in the URL.
CREATE TABLE stream_tickets (
  ticket_hash text PRIMARY KEY,
  device_id bigint NOT NULL REFERENCES devices (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

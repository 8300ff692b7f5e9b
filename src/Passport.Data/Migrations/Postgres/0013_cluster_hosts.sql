-- The hosts that are active members of an Orleans cluster now, each writing its row every few seconds and deleting it
-- when it stops. A host that starts against an empty membership table while another host's row is fresh knows the
-- table was lost under a running cluster, and refuses to start a second one (docs/operations.md). No personal data.

CREATE TABLE cluster_hosts (
    cluster_id    text        NOT NULL,
    silo_address  text        NOT NULL,
    host_name     text        NOT NULL,
    started_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, silo_address)
);

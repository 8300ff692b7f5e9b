-- The hosts that are active members of an Orleans cluster now, each writing its row every few seconds and deleting it
-- when it stops. A host that starts against an empty membership table while another host's row is fresh knows the
-- table was lost under a running cluster, and refuses to start a second one (docs/operations.md). No personal data.

CREATE TABLE cluster_hosts (
    cluster_id    TEXT NOT NULL,
    silo_address  TEXT NOT NULL,
    host_name     TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    PRIMARY KEY (cluster_id, silo_address)
);

"""The `deduplicator` Faust app: mentions.v1 → incidents.v1 and claims.v1."""

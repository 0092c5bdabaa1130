"""HTTP ingest: POST articles (one or a batch) onto articles.v1."""

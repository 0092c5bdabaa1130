"""The `extractor` Faust app: articles.v1 → mentions.v1."""

"""Tests of the deploy files (Kubernetes, Prometheus, Grafana, compose), offline."""

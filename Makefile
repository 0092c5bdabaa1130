# newsevents — every target a newcomer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
NE        := $(BIN)/newsevents
LOCAL     := .local
RUN       := $(LOCAL)/run
KAFKA     := deploy/kafka/kafka.sh
GAZETTEER := services/core/data/gazetteer/gazetteer.tsv.gz
GIVEN_NAMES := services/core/data/gazetteer/given_names.txt
GIVEN_NAME_PLACES := services/core/data/gazetteer/given_name_places.txt
STAMP     := $(VENV)/.installed
SAMPLES   := samples
export NEWSEVENTS_KAFKA_BOOTSTRAP ?= 127.0.0.1:9092
export PYTHON := $(abspath $(BIN)/python)

.PHONY: help setup demo stop test test-unit test-agents test-integration kafka-up kafka-down \
        topics workers schemas lint clean bench

help: ## list every target
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-17s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@echo "setup: creating $(VENV) and installing newsevents (first run takes a minute)..."
	@test -d $(VENV) || $(PY) -m venv $(VENV)
	@$(BIN)/pip install -q --upgrade pip
	@$(BIN)/pip install -q -e '.[gazetteer,dev]'
	@touch $@

$(GAZETTEER) $(GIVEN_NAMES) $(GIVEN_NAME_PLACES) &: $(STAMP) scripts/build_gazetteer.py
	@$(BIN)/python scripts/build_gazetteer.py

setup: $(STAMP) $(GAZETTEER) $(GIVEN_NAMES) $(GIVEN_NAME_PLACES) ## create .venv, install, build the gazetteer and first-names list (idempotent)
	@echo "setup: ready ($(NE))"

kafka-up: setup ## fetch (first run), format and start the local Kafka broker
	@$(KAFKA) up

kafka-down: ## stop the local Kafka broker
	@$(KAFKA) down

topics: kafka-up ## create the contract topics (idempotent)
	@$(NE) topics create

workers: topics ## start both workers in the background (logs in .local/run/)
	@mkdir -p $(RUN)
	@port=9101; for app in extractor deduplicator; do \
	  if [ -f $(RUN)/$$app.pid ] && kill -0 $$(cat $(RUN)/$$app.pid) 2>/dev/null; then \
	    echo "workers: $$app already running (pid $$(cat $(RUN)/$$app.pid))"; \
	  else \
	    nohup $(NE) worker $$app --metrics-port $$port > $(RUN)/$$app.log 2>&1 & echo $$! > $(RUN)/$$app.pid; \
	    echo "workers: started $$app (pid $$(cat $(RUN)/$$app.pid), log $(RUN)/$$app.log, metrics http://127.0.0.1:$$port/metrics)"; \
	  fi; port=$$((port + 1)); \
	done

demo: workers ## one command: broker, topics, workers, sample articles in, incidents and claims printed
	@$(NE) ingest $(SAMPLES)
	@echo "demo: waiting for the workers to settle (first start takes ~20 s)..."
	@$(NE) show --idle 10 --timeout 180
	@echo ""
	@echo "demo: everything is still running. Try: $(NE) ingest <file.jsonl>, $(NE) show"
	@echo "demo: stop it all with: make stop"

stop: ## stop the workers and the broker that demo/kafka-up started
	@for app in extractor deduplicator; do \
	  if [ -f $(RUN)/$$app.pid ] && kill -0 $$(cat $(RUN)/$$app.pid) 2>/dev/null; then \
	    kill $$(cat $(RUN)/$$app.pid) && echo "stop: stopped $$app"; \
	  fi; rm -f $(RUN)/$$app.pid; \
	done
	@$(KAFKA) down

bench: kafka-up ## benchmarks (extraction, dedup, streaming pipeline) into bench/results.json and .md (~15 min)
	@$(NE) bench all

schemas: $(STAMP) ## regenerate schemas/json from the pydantic models
	@$(BIN)/python -m schemas.generate

lint: setup ## ruff on everything, mypy --strict on schemas/ and services/core/
	@$(BIN)/ruff check schemas services tests scripts
	@$(BIN)/mypy

test-unit: setup ## unit tests of every package, manifests included (no broker)
	@$(BIN)/python -m pytest tests/unit -q

test-agents: setup ## Faust agent tests (test_context, no broker)
	@$(BIN)/python -m pytest tests/agents -q

test-integration: kafka-up ## integration tests against the real local broker
	@$(BIN)/python -m pytest tests/integration -q

test: setup lint ## one command from a fresh clone: setup, lint, start Kafka, run every test tier
	@$(KAFKA) up
	@$(BIN)/python -m pytest tests -q --timeout=600

clean: stop ## remove the venv, Kafka jars/data and generated files
	rm -rf $(VENV) $(LOCAL) $(GAZETTEER) $(GIVEN_NAMES) $(GIVEN_NAME_PLACES) .pytest_cache

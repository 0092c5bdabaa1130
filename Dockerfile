# One image for both workers (and the CLI). Built and run by docker-compose.yml.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY services ./services
COPY scripts ./scripts
COPY deploy/topics.toml ./deploy/topics.toml
RUN pip install --no-cache-dir '.[gazetteer,rocksdb]' && python scripts/build_gazetteer.py
ENV NEWSEVENTS_TOPICS_FILE=/app/deploy/topics.toml
ENTRYPOINT ["newsevents"]

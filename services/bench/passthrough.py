"""A no-op Faust worker for `newsevents bench pipeline`: every article record is re-sent unchanged to a bench topic."""

from __future__ import annotations

import faust

from services.common import topics
from services.common.faust_base import make_app, raw_topic
from services.common.logging import configure_logging
from services.common.settings import Settings, get_settings

#: the passthrough's output; a benchmark-only topic that the bench creates and deletes itself
OUTPUT_TOPIC = "bench.passthrough.v1"
APP_NAME = "bench-passthrough"


def create_app(settings: Settings) -> faust.App:
    """Built exactly like the real apps (make_app, raw topics, awaited sends), minus the work."""
    app = make_app(APP_NAME, settings)
    articles = raw_topic(app, settings, topics.ARTICLES)
    output = raw_topic(app, settings, OUTPUT_TOPIC)

    @app.agent(articles, name="passthrough")
    async def passthrough(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await output.send(key=event.message.key, value=event.message.value)

    return app


def main() -> None:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    faust.Worker(create_app(settings), loglevel="warn", redirect_stdouts=False).execute_from_commandline()


if __name__ == "__main__":
    main()

"""Short reports written for the tests, and the incidents the extractor reads in them."""

from datetime import UTC, datetime

from schemas import Article, Incident
from services.core.extract import extract_article

PUBLISHED = datetime(2024, 6, 11, 9, tzinfo=UTC)  # a Tuesday morning


def incidents_of(body: str, language: str = "en", title: str = "") -> list[Incident]:
    """The incidents of a report published on `PUBLISHED`."""
    article = Article(article_id="written", source="example.org", title=title, body=body,
                      published_at=PUBLISHED, language=language)
    return [m.incident for m in extract_article(article).mentions if m.incident is not None]

"""In-process extraction + dedup over a batch of articles: the same code the two Faust agents run, with a dict for state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas import Article, Claim, Incident
from services.core.dedup import Deduplicator, DedupParams
from services.core.extract import UnsupportedArticle, extract_article


@dataclass
class BatchPipeline:
    """Feed articles in order; read the latest revision of every live incident and claim."""

    params: DedupParams = field(default_factory=DedupParams)
    incidents: dict[str, Incident] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    unsupported: list[tuple[str, str]] = field(default_factory=list)
    articles_without_events: int = 0

    def __post_init__(self) -> None:
        self.state: dict[str, object] = {}
        self.dedup = Deduplicator(self.state, self.params)

    def add(self, article: Article) -> None:
        try:
            extraction = extract_article(article)
        except UnsupportedArticle as e:
            self.unsupported.append((article.article_id, str(e)))
            return
        if not extraction.mentions:
            self.articles_without_events += 1
        for mention in extraction.mentions:
            for record in self.dedup.add(mention):
                if isinstance(record, Incident):
                    self.incidents[record.incident_id] = record
                else:
                    self.claims[record.claim_id] = record

    def add_all(self, articles: Iterable[Article]) -> BatchPipeline:
        for a in articles:
            self.add(a)
        return self

    def live_incidents(self) -> list[Incident]:
        return [i for i in self.incidents.values() if i.merged_into is None]

    def live_claims(self) -> list[Claim]:
        return [c for c in self.claims.values() if c.merged_into is None]

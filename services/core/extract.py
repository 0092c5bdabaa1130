"""Article → mentions: run the readers (language, sentences, places, events, dates, casualties, claims) and assemble incidents and claims with their evidence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from schemas import Article, Claim, Incident, Mention
from services.core.assembly import assemble_incidents
from services.core.boilerplate import strip_boilerplate, strip_masthead
from services.core.claims import extract_claims
from services.core.gazetteer import name_key
from services.core.language import detect_language
from services.core.records import claim_record, incident_record, stable_id
from services.core.sentences import Sentence, document_text, split_sentences

#: bump when rules or lexicons change what is extracted: a replay republishes changed records
EXTRACTOR_VERSION = "0.1.0"

#: languages with incident and claim lexicons; other text is dead-lettered with a reason
LANGUAGES = frozenset({"it", "en", "fr", "es", "de", "uk", "ru"})


class UnsupportedArticle(ValueError):
    """The article is valid but this extractor cannot read it (e.g. its language)."""

    error_type = "unsupported_language"


@dataclass(frozen=True)
class Extraction:
    article_id: str
    language: str
    mentions: list[Mention]

    @property
    def incident_count(self) -> int:
        return sum(1 for m in self.mentions if m.kind == "incident")

    @property
    def claim_count(self) -> int:
        return sum(1 for m in self.mentions if m.kind == "claim")


def article_language(article: Article, text: str) -> str:
    if article.language:
        language = article.language
    else:
        detected, _ = detect_language(text)
        if detected is None:
            raise UnsupportedArticle("could not tell the article's language (too little text)")
        language = detected
    if language not in LANGUAGES:
        raise UnsupportedArticle(
            f"language '{language}' is not supported (supported: {', '.join(sorted(LANGUAGES))})"
        )
    return language


def extract_article(article: Article) -> Extraction:
    """Every incident and claim the article reports, as mentions ready for the deduplicator."""
    text = document_text(article.title, article.body)
    language = article_language(article, text)
    # Same lengths: offsets into text stay valid.
    title = strip_masthead(article.title, language)
    body = strip_boilerplate(article.body, language)
    text = document_text(title, body)
    sentences = split_sentences(text, language)
    drafts = assemble_incidents(text, sentences, language, article.published_at,
                                source=article.source, url=article.url)

    mentions: list[Mention] = []
    incidents: list[tuple[Incident, set[int]]] = []
    for draft in drafts:
        incident = incident_record(article, language, draft, EXTRACTOR_VERSION)
        incidents.append((incident, {s.paragraph for s in draft.sentences}))
        mentions.append(_mention(article, "incident", incident.incident_id, draft.blocking_key, incident))

    spans = [(s.start, s.end) for s in sentences]
    for claim_draft in extract_claims(article.title, article.body, language, spans):
        paragraph = _paragraph_of(sentences, claim_draft.content_start)
        about = [inc.incident_id for inc, paras in incidents if paragraph in paras]
        claim = claim_record(article, language, claim_draft, about, EXTRACTOR_VERSION)
        mentions.append(_mention(article, "claim", claim.claim_id, claim_block(claim), claim))
    return Extraction(article.article_id, language, mentions)


def claim_block(claim: Claim) -> str:
    """Claims block by speaker: a person by surname (transliterated), an organisation by its
    canonical name when the organisations lexicon knows it ("Генштаб ЗСУ" and "Stato maggiore
    ucraino" are both the General Staff of the Armed Forces of Ukraine), else as written."""
    if claim.speaker.kind == "person":
        who = claim.speaker.name.split()[-1]
    else:
        who = claim.speaker.organization or claim.speaker.name
    return "speaker/" + _speaker_key(who)


@lru_cache(maxsize=8192)  # the same speakers recur across articles
def _speaker_key(name: str) -> str:
    """A name's transliteration key, with Ukrainian є (ie/ye in Latin) and Russian е read alike:
    Syniehubov, Synegubov, Синєгубов and Синегубов block together."""
    return name_key(name).replace("ie", "e")


def _paragraph_of(sentences: list[Sentence], offset: int) -> int:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.paragraph
    return -1


def _mention(
    article: Article, kind: Literal["incident", "claim"], record_id: str, block: str,
    record: Incident | Claim,
) -> Mention:
    return Mention(
        mention_id=stable_id("men", article.article_id, record_id, EXTRACTOR_VERSION),
        kind=kind,
        blocking_key=block,
        article_id=article.article_id,
        source=article.source,
        published_at=article.published_at,
        extractor_version=EXTRACTOR_VERSION,
        incident=record if isinstance(record, Incident) else None,
        claim=record if isinstance(record, Claim) else None,
    )

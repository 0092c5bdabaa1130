"""Pure scoring functions: produced incidents/claims vs gold, returned as additive counts per case.

Choices FORMAT.md leaves open, made here:
- Matching is one-to-one and of maximum cardinality (augmenting paths), cheapest pairs first.
- A gold location or date that is null is unknown: it does not constrain the match.
- Produced fatalities/injured `best` null vs a gold 0 is wrong.
- Geocode scores each gold location against the produced incident closest to it (the
  best the pipeline offered) and, stricter, against the first produced incident.
- Event type takes the most confident produced incident; an accepted alternative sub-type
  counts as the gold label; macro-F1 runs over classes seen in gold or predictions.
- Claims: a gold speaker that is null or a bare pronoun is unknown (content-only match).
- Dedup uses the extended (multiplicity) B-cubed of Amigo et al. 2009, so an article cited
  by more produced incidents than gold clusters costs precision.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import combinations
from typing import TypeVar

from anyascii import anyascii

from schemas import Claim, EventDate, Incident
from schemas.taxonomy import PARENT
from services.evaluation.gold import GoldClaim, GoldIncident, GoldLocation

try:
    from services.core.gazetteer import name_key
except ImportError:  # the gazetteer is optional for scoring: fall back to a plain fold
    def name_key(surface: str) -> str:
        return " ".join(re.findall(r"[a-z0-9]+", anyascii(surface).lower()))


MATCH_KM = 25.0
NEAR_KM = 10.0
DATE_SLACK_DAYS = 1
CONTENT_F1_MIN = 0.5
NO_INCIDENT = "<no incident>"
#: confidence bands of the calibration table: the share of produced records in each band that
#: match the gold says what a confidence of 0.7 is worth on real text
CONFIDENCE_BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0))
#: their names in metric keys ("0.70-0.80"), in the same order
BAND_NAMES = tuple(f"{low:.2f}-{high:.2f}" for low, high in CONFIDENCE_BANDS)

Counts = dict[str, float]
P = TypeVar("P")
G = TypeVar("G")

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ScoringLexicon:
    """Word lists the scorer normalises names with (services/evaluation/data/scoring.json)."""

    version: str
    unknown_speakers: frozenset[str]
    titles: frozenset[str]
    admin1_words: frozenset[str]


@lru_cache(maxsize=1)
def scoring_lexicon() -> ScoringLexicon:
    raw = json.loads(files("services.evaluation").joinpath("data/scoring.json").read_text("utf-8"))
    return ScoringLexicon(
        version=str(raw["version"]),
        unknown_speakers=frozenset(raw["unknown_speakers"]),
        titles=frozenset(name_key(t) for t in raw["titles"]),
        admin1_words=frozenset(name_key(w) for w in raw["admin1_words"]),
    )


# ---------------------------------------------------------------- small comparisons

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a 6,371 km sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def distance_km(produced: Incident, gold: GoldLocation) -> float | None:
    """Distance between a produced incident and a gold location; None when either lacks coordinates."""
    loc = produced.location
    if loc.lat is None or loc.lon is None or gold.lat is None or gold.lon is None:
        return None
    return haversine_km(loc.lat, loc.lon, gold.lat, gold.lon)


def date_gap_days(produced: EventDate, gold: dt.date) -> int:
    """Days between the gold date and the produced range start..end (0 inside the range)."""
    if gold < produced.start:
        return (produced.start - gold).days
    if gold > produced.end:
        return (gold - produced.end).days
    return 0


# Name words written short or in full ("St. Louis" is "Saint Louis").
_NAME_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def place_key(name: str) -> str:
    """A place name transliteration-folded, with its abbreviated words written out."""
    return " ".join(_NAME_ABBREVIATIONS.get(w, w) for w in name_key(name).split())


def names_agree(produced: Incident, gold_name: str) -> bool:
    """The gold place name equals the produced name, its written form or its admin2 after
    transliteration; a produced region also agrees without words like 'oblast'
    ("Dnipropetrovsk" at region precision is "Dnipropetrovsk Oblast")."""
    key = place_key(gold_name)
    loc = produced.location
    if loc.precision == "region" and admin1_key(loc.name) and admin1_key(loc.name) == admin1_key(gold_name):
        return True
    return bool(key) and any(
        s is not None and place_key(s) == key for s in (loc.name, loc.text, loc.admin2)
    )


def admin1_key(name: str) -> str:
    """Region name without words like 'oblast'/'region', transliteration-folded."""
    words = scoring_lexicon().admin1_words
    return " ".join(t for t in name_key(name).split() if t not in words)


def admin1_agrees(produced: str | None, gold: str) -> bool:
    """Same region after normalisation; Ukrainian adjectival forms (Kharkivska) equal the noun."""
    if produced is None:
        return False
    a, b = admin1_key(produced), admin1_key(gold)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    # the skeleton of Kyiv is 'kiv', so three letters must be enough for the noun form
    return a == b or (long_.startswith(short) and len(long_) - len(short) <= 3 and len(short) >= 3)


def sub_type_correct(produced: Incident, gold: GoldIncident) -> bool:
    return produced.sub_event_type == gold.sub_event_type or (
        produced.sub_event_type in gold.alt_sub_event_types
    )


def event_type_correct(produced: Incident, gold: GoldIncident) -> bool:
    """The parent type is right, also when it is the parent of an accepted alternative sub-type."""
    accepted = {gold.event_type} | {PARENT.get(s) for s in gold.alt_sub_event_types}
    return produced.event_type in accepted


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _WORD.findall(text)]


def token_f1(a: str, b: str) -> float:
    """Bag-of-words F1 between two texts (SQuAD-style), 0.0 when either is empty."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


# ---------------------------------------------------------------- one-to-one matching

def match_one_to_one(
    produced: Sequence[P], gold: Sequence[G], cost: Callable[[P, G], float | None]
) -> list[tuple[int, int]]:
    """Maximum-cardinality one-to-one matching; cheaper candidate pairs are tried first.

    Augmenting paths (Kuhn) guarantee the largest number of matches, which greedy-by-cost
    does not; trying each gold item's cheapest candidates first keeps pairs close.
    Returns (produced index, gold index) pairs; cost None means the pair cannot match.
    """
    cands: list[list[tuple[float, int]]] = []
    for g in gold:
        row = [(c, i) for i, p in enumerate(produced) if (c := cost(p, g)) is not None]
        cands.append(sorted(row))
    owner: dict[int, int] = {}  # produced index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for _, pi in cands[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    order = sorted(range(len(gold)), key=lambda gi: cands[gi][0][0] if cands[gi] else math.inf)
    for gi in order:
        augment(gi, set())
    return sorted(owner.items(), key=lambda pg: pg[1])


# ---------------------------------------------------------------- incidents

def incident_pair_cost(produced: Incident, gold: GoldIncident) -> float | None:
    """km apart plus small tie-breaks (date gap, name disagreement) when the pair may match, else None."""
    km = 0.0
    loc = gold.location
    if loc is not None:
        if loc.has_coordinates:
            d = distance_km(produced, loc)
            if d is None or d > MATCH_KM:
                return None
            km = d
        elif loc.name is not None and not names_agree(produced, loc.name):
            return None
    gap = 0
    if gold.date is not None:
        gap = date_gap_days(produced.date, gold.date)
        if gap > DATE_SLACK_DAYS:
            return None
    # Places borrowing a parent's coordinates tie at 0 km; the one named like the gold wins.
    named = loc is not None and loc.name is not None and names_agree(produced, loc.name)
    return km + gap / 10 + (0.0 if named else 0.05)


def confidence_band(confidence: float) -> str:
    """The name of the CONFIDENCE_BANDS band holding `confidence` (the last one takes 1.0)."""
    for name, (_, high) in zip(BAND_NAMES, CONFIDENCE_BANDS, strict=True):
        if confidence < high:
            return name
    return BAND_NAMES[-1]


def _count_by_confidence(c: Counts, key: str, confidences: Iterable[tuple[float, bool]]) -> None:
    """Produced and matched records per confidence band (`<key>.conf.<band>.produced|matched`)."""
    for confidence, matched in confidences:
        band = confidence_band(confidence)
        c[f"{key}.conf.{band}.produced"] += 1
        c[f"{key}.conf.{band}.matched"] += matched


def score_incidents(produced: Sequence[Incident], gold: Sequence[GoldIncident]) -> Counts:
    """Counts for P/R/F1, the attribute accuracies on matched pairs, and precision by confidence."""
    pairs = match_one_to_one(produced, gold, incident_pair_cost)
    c: Counts = defaultdict(float)
    c["inc.gold"] = len(gold)
    c["inc.produced"] = len(produced)
    c["inc.matched"] = len(pairs)
    matched = {pi for pi, _ in pairs}
    _count_by_confidence(c, "inc", ((p.confidence, i in matched) for i, p in enumerate(produced)))
    for g in gold:
        c["inc.gold_event_type"] += g.event_type is not None
        c["inc.gold_sub_event_type"] += g.sub_event_type is not None
        c["inc.gold_fatalities"] += g.fatalities is not None
        c["inc.gold_injured"] += g.injured is not None
    for pi, gi in pairs:
        p, g = produced[pi], gold[gi]
        if g.event_type is not None:
            c["inc.et_n"] += 1
            c["inc.et_ok"] += event_type_correct(p, g)
        if g.sub_event_type is not None:
            c["inc.set_n"] += 1
            c["inc.set_ok"] += sub_type_correct(p, g)
        # produced null vs gold 0 is wrong: a count the pipeline did not state is not a zero.
        if g.fatalities is not None:
            c["inc.fat_n"] += 1
            c["inc.fat_ok"] += p.fatalities.best == g.fatalities
        if g.injured is not None:
            c["inc.inj_n"] += 1
            c["inc.inj_ok"] += p.injured.best == g.injured
    if not gold:
        c["inc.no_incident_cases"] = 1
        c["inc.no_incident_fp"] = 1 if produced else 0
    return c


# ---------------------------------------------------------------- geocode

def _closest(produced: Sequence[Incident], gold: GoldLocation) -> Incident:
    def key(i: Incident) -> float:
        d = distance_km(i, gold)
        return math.inf if d is None else d
    return min(produced, key=key)


def _geocode_one(c: Counts, prefix: str, chosen: Incident | None, gold: GoldLocation) -> None:
    if gold.has_coordinates:
        c[f"{prefix}.n"] += 1
        d = None if chosen is None else distance_km(chosen, gold)
        c[f"{prefix}.within10"] += d is not None and d <= NEAR_KM
        c[f"{prefix}.within25"] += d is not None and d <= MATCH_KM
    if gold.admin1 is not None:
        c[f"{prefix}.admin1_n"] += 1
        c[f"{prefix}.admin1_ok"] += chosen is not None and admin1_agrees(
            chosen.location.admin1, gold.admin1
        )


def score_geocode(produced: Sequence[Incident], gold: Sequence[GoldIncident]) -> Counts:
    """Per gold location: the closest produced incident ('geo.') and the first one ('geo1.')."""
    c: Counts = defaultdict(float)
    for g in gold:
        if g.location is None:
            continue
        closest = _closest(produced, g.location) if produced else None
        first = produced[0] if produced else None
        _geocode_one(c, "geo", closest, g.location)
        _geocode_one(c, "geo1", first, g.location)
    return c


# ---------------------------------------------------------------- event type

def predicted_sub_type(produced: Sequence[Incident]) -> str:
    """The sub-event type of the most confident produced incident (first on ties)."""
    if not produced:
        return NO_INCIDENT
    best = max(produced, key=lambda i: i.confidence)  # max keeps the first of equals
    return best.sub_event_type


def event_type_labels(
    produced: Sequence[Incident], gold: Sequence[GoldIncident]
) -> list[tuple[str, str]]:
    """(gold, predicted) sub-type per gold incident; an accepted alternative counts as the gold label."""
    pred = predicted_sub_type(produced)
    out: list[tuple[str, str]] = []
    for g in gold:
        if g.sub_event_type is None:
            continue
        hit = pred == g.sub_event_type or pred in g.alt_sub_event_types
        out.append((g.sub_event_type, g.sub_event_type if hit else pred))
    return out


def macro_f1(labels: Iterable[tuple[str, str]]) -> float | None:
    """Unweighted mean F1 over every class seen in gold or predictions (the no-incident marker excluded)."""
    pairs = list(labels)
    if not pairs:
        return None
    classes = {g for g, _ in pairs} | {p for _, p in pairs if p != NO_INCIDENT}
    scores: list[float] = []
    for k in sorted(classes):
        tp = sum(1 for g, p in pairs if g == k and p == k)
        n_pred = sum(1 for _, p in pairs if p == k)
        n_gold = sum(1 for g, _ in pairs if g == k)
        scores.append(2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0)
    return sum(scores) / len(scores)


# ---------------------------------------------------------------- claims

_ELISION = re.compile(r"['’]")


def _name_tokens(name: str) -> frozenset[str]:
    """A name's words for comparison: no titles, no elided article ("L'intelligence" is
    intelligence), no appositive after a comma or age ("Kelly, a retired astronaut,", "Abraham, 92,")."""
    titles = scoring_lexicon().titles
    name = _ELISION.sub(" ", name.split(",")[0])
    return frozenset(t for t in name_key(name).split() if t not in titles and not t.isdigit())


def speaker_known(gold: GoldClaim) -> bool:
    """False for a null speaker or a bare pronoun/relative (scored as unknown: content only)."""
    if gold.speaker is None:
        return False
    return gold.speaker.strip().casefold() not in scoring_lexicon().unknown_speakers


def speaker_name_agrees(produced: Claim, gold: GoldClaim) -> bool:
    """Names agree: equal after normalisation, or one's tokens lie within the other's (Kirby ~ John Kirby)."""
    if gold.speaker is None:
        return False
    mine = _name_tokens(produced.speaker.name)
    if not mine:
        return False
    for alias in (gold.speaker, *gold.speaker_aliases):
        theirs = _name_tokens(alias)
        if theirs and (theirs <= mine or mine <= theirs):
            return True
    return False


def organisation_agrees(produced: Claim, gold: GoldClaim) -> bool:
    """The gold organisation matches the produced organisation (or speaker name, for bodies that speak)."""
    if gold.organization is None:
        return False
    theirs = frozenset(name_key(gold.organization).split())
    for surface in (produced.speaker.organization, produced.speaker.name):
        if not surface:
            continue
        mine = frozenset(name_key(surface).split())
        short, long_ = sorted((mine, theirs), key=len)
        # one shared word ("Ukraine") is not the same body: containment needs two words
        if mine == theirs or (len(short) >= 2 and short <= long_):
            return True
    return False


def speaker_agrees(produced: Claim, gold: GoldClaim) -> bool:
    if not speaker_known(gold):
        return True
    return speaker_name_agrees(produced, gold) or organisation_agrees(produced, gold)


def claim_pair_cost(produced: Claim, gold: GoldClaim) -> float | None:
    if not speaker_agrees(produced, gold):
        return None
    f1 = token_f1(produced.content, gold.content)
    return None if f1 < CONTENT_F1_MIN else 1.0 - f1


def content_pair_cost(produced: Claim, gold: GoldClaim) -> float | None:
    f1 = token_f1(produced.content, gold.content)
    return None if f1 < CONTENT_F1_MIN else 1.0 - f1


def as_worded_in(claim: Claim, article_id: str) -> Claim:
    """A claim merged across articles as one article words it: its content is that article's
    evidence (a claim's evidence is its content span), so an Italian article's claim is judged in
    Italian even when the merged record shows the English wording first."""
    if not claim.evidence or claim.evidence[0].article_id == article_id:
        return claim  # its content was read in this article (a joined quote's evidence also spans the attribution)
    own = next((e.text for e in claim.evidence if e.article_id == article_id), None)
    return claim if own is None or own == claim.content else claim.model_copy(update={"content": own})


def score_claims(
    produced: Sequence[Claim], gold: Sequence[GoldClaim], article_ids: Sequence[str]
) -> Counts:
    """Matched per article: a produced claim citing two articles of the case competes in both."""
    c: Counts = defaultdict(float)
    c["cl.gold"] = len(gold)
    for g in gold:
        c["cl.gold_claim_type"] += g.claim_type is not None
        c["cl.gold_quote"] += g.quote is not None
        c["cl.gold_speaker"] += speaker_known(g)
    for aid in article_ids:
        mine = [as_worded_in(p, aid) for p in produced if aid in p.article_ids]
        theirs = [g for g in gold if g.article_id == aid]
        c["cl.produced"] += len(mine)
        pairs = match_one_to_one(mine, theirs, claim_pair_cost)
        c["cl.matched"] += len(pairs)
        matched = {pi for pi, _ in pairs}
        _count_by_confidence(c, "cl", ((p.confidence, i in matched) for i, p in enumerate(mine)))
        for pi, gi in pairs:
            p, g = mine[pi], theirs[gi]
            if speaker_known(g):
                c["cl.speaker_n"] += 1
                c["cl.speaker_ok"] += speaker_name_agrees(p, g)
            if g.claim_type is not None:
                c["cl.type_n"] += 1
                c["cl.type_ok"] += p.claim_type == g.claim_type
            if g.quote is not None:
                c["cl.quote_n"] += 1
                c["cl.quote_ok"] += p.quote == g.quote
        # Matching already demands speaker agreement, so speaker accuracy on matched pairs is
        # near 1 by construction; attribution is judged on pairs matched by content alone.
        for pi, gi in match_one_to_one(mine, theirs, content_pair_cost):
            if speaker_known(theirs[gi]):
                c["cl.attr_n"] += 1
                c["cl.attr_ok"] += speaker_agrees(mine[pi], theirs[gi])
    return c


# ---------------------------------------------------------------- dedup

Cluster = frozenset[str]


def complete_clusters(clusters: Iterable[Iterable[str]], items: Sequence[str]) -> list[Cluster]:
    """Clusters restricted to the items, empty ones dropped, every uncovered item a singleton."""
    wanted = set(items)
    out = [frozenset(c) & wanted for c in clusters]
    out = [c for c in out if c]
    covered = set().union(*out) if out else set()
    out.extend(frozenset([i]) for i in items if i not in covered)
    return out


def bcubed(
    pred: Sequence[Cluster], gold: Sequence[Cluster], items: Sequence[str]
) -> tuple[float, float]:
    """Sums over items of extended B-cubed precision and recall (Amigó et al. 2009).

    Multiplicity-aware, so an article in several clusters is handled: for items e, e'
    sharing a cluster, precision is min(|C(e)&C(e')|, |L(e)&L(e')|) / |C(e)&C(e')|, recall the
    same over |L(e)&L(e')|. Both cluster lists must cover every item (complete_clusters).
    """
    cl = {e: {k for k, c in enumerate(pred) if e in c} for e in items}
    gl = {e: {k for k, c in enumerate(gold) if e in c} for e in items}
    p_sum = r_sum = 0.0
    for e in items:
        ps: list[float] = []
        rs: list[float] = []
        for e2 in items:
            nc, ng = len(cl[e] & cl[e2]), len(gl[e] & gl[e2])
            if nc:
                ps.append(min(nc, ng) / nc)
            if ng:
                rs.append(min(nc, ng) / ng)
        p_sum += sum(ps) / len(ps)
        r_sum += sum(rs) / len(rs)
    return p_sum, r_sum


def cluster_pairs(clusters: Iterable[Cluster]) -> set[tuple[str, str]]:
    """Unordered pairs of distinct items that share a cluster."""
    out: set[tuple[str, str]] = set()
    for c in clusters:
        out.update(combinations(sorted(c), 2))
    return out


def score_dedup(
    produced: Sequence[Incident],
    gold_clusters: Sequence[Sequence[str]],
    languages: dict[str, str],
) -> Counts:
    """B-cubed and pairwise counts over the case's articles (keys of `languages`, in order)."""
    items = list(languages)
    pred = complete_clusters((i.article_ids for i in produced), items)
    gold = complete_clusters(gold_clusters, items)
    p_sum, r_sum = bcubed(pred, gold, items)
    pp, gp = cluster_pairs(pred), cluster_pairs(gold)
    cross = {(a, b) for a, b in gp if languages[a] != languages[b]}
    c: Counts = defaultdict(float)
    c["dd.items"] = len(items)
    c["dd.bcubed_p_sum"] = p_sum
    c["dd.bcubed_r_sum"] = r_sum
    c["dd.pairs_pred"] = len(pp)
    c["dd.pairs_gold"] = len(gp)
    c["dd.pairs_ok"] = len(pp & gp)
    c["dd.cross_gold"] = len(cross)
    c["dd.cross_ok"] = len(cross & pp)
    return c

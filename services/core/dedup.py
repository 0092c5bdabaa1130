"""Fold mentions into incidents and claims: block, match, merge, and publish a new revision when content changes.

State lives in a plain mapping (a dict in tests and batch mode, a Faust table in the worker) under
these keys, all written while handling mentions of one blocking key, hence one partition:
  ``m/<mention_id>``            → id of the incident an incident mention was folded into
  ``a/<article incident id>``   → the same, by the article-level id (a re-read updates in place)
  ``mx/<block>/<yyyy-mm-dd>``   → the ``m/`` and ``a/`` keys of that day (evicted with the day)
  ``i/<incident_id>``           → the incident's latest revision (JSON dict)
  ``c/<claim_id>``              → the claim's latest revision (JSON dict)
  ``ix/<block>/<yyyy-mm-dd>``   → ids of incidents of that block whose date covers that day
  ``cx/<block>``                → ids of claims of that block (one block = one speaker), capped
  ``w/<block>``                 → the last day evicted from the block's window
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from schemas import Claim, Incident, Mention
from services.core.matching import claim_similarity, incident_similarity
from services.core.merging import merge_claim, merge_incident


class StateStore(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...
    def __setitem__(self, key: str, value: Any) -> None: ...
    def __delitem__(self, key: str) -> None: ...


@dataclass(frozen=True)
class DedupParams:
    """Matching thresholds (chosen on the dev data: see docs/dedup.md) and the state window."""

    incident_threshold: float = 0.6
    claim_threshold: float = 0.6
    window_days: int = 30
    #: mentions whose date range is wider are indexed on their end day only (month-precision reports)
    max_indexed_days: int = 3
    max_candidates: int = 200


Record = Incident | Claim


class Deduplicator:
    """Stateless apart from `state`: replaying the same mentions in the same order gives the same ids and revisions."""

    def __init__(self, state: StateStore, params: DedupParams | None = None) -> None:
        self.state = state
        self.params = params or DedupParams()

    def add(self, mention: Mention) -> list[Record]:
        """Fold one mention in; returns the records whose content changed (to publish)."""
        # Claims need no mention ledger: merging a claim's own mention again changes nothing.
        if self.state.get(f"m/{mention.mention_id}") is not None:
            return []
        if mention.incident is not None:
            return self._add_incident(mention, mention.incident)
        if mention.claim is not None:
            return self._add_claim(mention, mention.claim)
        return []

    # incidents ---------------------------------------------------------------------------------

    def _index_days(self, inc: Incident) -> list[date]:
        start, end = inc.date.start, inc.date.end
        if (end - start).days + 1 > self.params.max_indexed_days:
            return [end]
        return [start + timedelta(days=d) for d in range((end - start).days + 1)]

    def _candidates(self, block: str, inc: Incident) -> list[Incident]:
        days = self._index_days(inc)
        probe = {self._bucket(block, d + timedelta(days=k)) for d in days for k in (-1, 0, 1)}
        ids: list[str] = []
        for d in sorted(probe):
            for incident_id in self.state.get(f"ix/{block}/{d.isoformat()}", []):
                if incident_id not in ids:
                    ids.append(incident_id)
        found = []
        for incident_id in ids[: self.params.max_candidates]:
            data = self.state.get(f"i/{incident_id}")
            if data is not None and data.get("merged_into") is None:
                found.append(Incident.model_validate(data))
        return found

    def _add_incident(self, mention: Mention, inc: Incident) -> list[Record]:
        block = mention.blocking_key
        best = self._reread_target(inc)
        if best is None:
            best, score = self._best_match(block, inc)
            if score < self.params.incident_threshold:
                best = None
        if best is not None:
            target = best.incident_id
            out = self._store_incident(block, merge_incident(best, inc), previous=best)
        else:
            target = inc.incident_id
            out = self._store_incident(block, inc.model_copy(update={"revision": 1}), previous=None)
        self.state[f"m/{mention.mention_id}"] = target
        self.state[f"a/{inc.incident_id}"] = target
        day = f"mx/{block}/{self._bucket(block, inc.date.end).isoformat()}"
        self._append(day, f"m/{mention.mention_id}")
        self._append(day, f"a/{inc.incident_id}")
        self._evict(block, inc.date.end)
        return list(out)

    def _reread_target(self, inc: Incident) -> Incident | None:
        """The incident an earlier reading of this same article-level incident went into: a
        replay under new rules (new extractor_version, so a new mention id) updates it in place."""
        target = self.state.get(f"a/{inc.incident_id}")
        data = self.state.get(f"i/{target}") if target is not None else None
        return Incident.model_validate(data) if data is not None else None

    def _best_match(self, block: str, inc: Incident) -> tuple[Incident | None, float]:
        best, best_score = None, 0.0
        for cand in self._candidates(block, inc):
            score = incident_similarity(cand, inc)
            if score > best_score:
                best, best_score = cand, score
        return best, best_score

    def _append(self, key: str, item: str) -> None:
        items = list(self.state.get(key, []))
        if item not in items:
            items.append(item)
            self.state[key] = items

    def _store_incident(self, block: str, inc: Incident, previous: Incident | None) -> list[Incident]:
        if previous is not None:
            if _content(inc) == _content(previous):
                return []
            inc = inc.model_copy(update={"revision": previous.revision + 1})
        self.state[f"i/{inc.incident_id}"] = inc.model_dump(mode="json")
        for d in self._index_days(inc):
            self._append(f"ix/{block}/{self._bucket(block, d).isoformat()}", inc.incident_id)
        return [inc]

    def _bucket(self, block: str, day: date) -> date:
        """The day a key is filed under: its own, or for a day the window already left (a late
        report of an old event), the first day not yet evicted, so it leaves with that day
        instead of staying forever."""
        done = self.state.get(f"w/{block}")
        if done is None:
            return day
        return max(day, date.fromisoformat(done) + timedelta(days=1))

    def _evict(self, block: str, latest: date) -> None:
        """Drop the days that left the window (index, incidents, mention ids) so a block's state
        stays bounded on an endless stream; ``w/<block>`` remembers how far eviction got. A late
        mention of an evicted incident starts a new incident."""
        cutoff = latest - timedelta(days=self.params.window_days)
        done = self.state.get(f"w/{block}")
        day = date.fromisoformat(done) + timedelta(days=1) if done else cutoff
        if day > cutoff:
            return
        while day <= cutoff:
            d = day.isoformat()
            for incident_id in self.state.get(f"ix/{block}/{d}", []):
                data = self.state.get(f"i/{incident_id}")
                if data is not None and data["date"]["end"] <= d:
                    del self.state[f"i/{incident_id}"]
            for key in self.state.get(f"mx/{block}/{d}", []):
                if self.state.get(key) is not None:
                    del self.state[key]
            for key in (f"ix/{block}/{d}", f"mx/{block}/{d}"):
                if self.state.get(key) is not None:
                    del self.state[key]
            day += timedelta(days=1)
        self.state[f"w/{block}"] = cutoff.isoformat()

    # claims ------------------------------------------------------------------------------------

    def _add_claim(self, mention: Mention, claim: Claim) -> list[Record]:
        block = mention.blocking_key
        ids: list[str] = list(self.state.get(f"cx/{block}", []))
        best, best_score = None, 0.0
        for claim_id in ids[-self.params.max_candidates :]:
            data = self.state.get(f"c/{claim_id}")
            if data is None:
                continue
            cand = Claim.model_validate(data)
            score = claim_similarity(cand, claim)
            if score > best_score:
                best, best_score = cand, score
        if best is not None and best_score >= self.params.claim_threshold:
            merged = merge_claim(best, claim)
            if _content(merged) == _content(best):
                return []
            merged = merged.model_copy(update={"revision": best.revision + 1})
            self.state[f"c/{merged.claim_id}"] = merged.model_dump(mode="json")
            return [merged]
        fresh = claim.model_copy(update={"revision": 1})
        self.state[f"c/{fresh.claim_id}"] = fresh.model_dump(mode="json")
        ids.append(fresh.claim_id)
        for dropped in ids[: -self.params.max_candidates]:
            if self.state.get(f"c/{dropped}") is not None:
                del self.state[f"c/{dropped}"]
        self.state[f"cx/{block}"] = ids[-self.params.max_candidates :]
        return [fresh]


def _content(record: Record) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude={"revision"})

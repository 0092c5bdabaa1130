"""Fold mentions into incidents and claims: block, match, merge, and publish a new revision when content changes.

State lives in a plain mapping (a dict in tests and batch mode, a Faust table in the worker) under
these keys, all written while handling mentions of one blocking key, hence one partition:
  ``m/<mention_id>``            → id of the incident an incident mention was folded into
  ``a/<article incident id>``   → the same, by the article-level id (a re-read updates in place)
  ``mx/<block>/<yyyy-mm-dd>``   → the ``m/`` and ``a/`` keys of that day (evicted with the day)
  ``i/<incident_id>``           → the incident's latest revision (JSON dict); a consolidated one
                                  stays, with ``merged_into``, until its days leave the window
  ``p/<incident_id>``           → its member reports as first read (matching.Profile rows)
  ``c/<claim_id>``              → the claim's latest revision (JSON dict)
  ``ix/<block>/<yyyy-mm-dd>``   → ids of incidents of that block with a member report on that day
  ``gx/<block>/<settlement>``   → [incident id, day] of every member report naming that settlement
                                  (matching.settlement_key): where a late report finds older ones
  ``gd/<block>/<yyyy-mm-dd>``   → the ``gx/`` keys given an entry filed on that day (pruned with it)
  ``cx/<block>``                → ids of claims of that block (one block = one speaker), capped
  ``w/<block>``                 → the last day evicted from the block's window
  ``dd/<block>``                → the days of the block's ``ix/``, ``mx/`` and ``gd/`` keys
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from schemas import Claim, Incident, Mention
from services.core import meaning
from services.core.matching import (
    ClaimProfile,
    Profile,
    another_claim_of_the_article,
    claim_similarity,
    conflicting,
    day_gap,
    firm_follow_up_similarity,
    late_similarity,
    open_ended,
    profile_similarity,
    read_twice,
    same_story,
    settlement_key,
    stale_similarity,
    victim_similarity,
)
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
    #: mentions whose date range is wider are indexed on their end day only (month-precision
    #: reports); as wide as max_probe_days, so a "last week" member meets a report of one of
    #: its days (indexed on its end day only, it was found only by its town and never matched)
    max_indexed_days: int = 8
    #: a new report looks for candidates on every day of a range up to this wide ("last week")
    max_probe_days: int = 8
    #: only a report dated within this many days can bridge (consolidate) two incidents: a
    #: "last week" report is no evidence that two days' strikes on one town were one
    max_bridge_days: int = 2
    max_candidates: int = 200
    #: member reports kept per incident for matching (single link); later ones still merge
    max_members: int = 40
    #: a report with no firm date (a range ending on its publication day) may be a late report
    #: (arrest, charges, funeral) of an event up to this many days older at the same settlement;
    #: at most window_days, since older incidents are evicted
    late_report_days: int = 30


Record = Incident | Claim

#: redirects followed from an id to its live incident (consolidations chain rarely beyond 2)
MAX_REDIRECTS = 16
_PROFILE_END = 9  # index of the end day in a stored Profile row


@dataclass(frozen=True)
class _Match:
    score: float
    incident: Incident
    members: list[Profile]
    #: matched only by a follow-up rule (late, firm, stale, victim): joins, never bridges
    late: bool = False
    #: an incident of the new report's own article that it restates (matching.read_twice):
    #: joins, never bridges
    own: bool = False
    #: matched by matching.stale_similarity: of the new report and the member it met, the one
    #: dated days before its own publication read the date less well, and gives way
    stale: bool = False
    #: an incident of the new report's own article at its town days apart (matching.
    #: same_story), known only by loose dates (matching.open_ended): the new firm date is the
    #: event's. Otherwise the incident's date stays: the other day is the aftermath, or an
    #: earlier event the story recalls
    firmer: bool = False


def _age(inc: Incident) -> tuple[datetime, str]:
    """Older first: earliest report, then id (deterministic on replay)."""
    return (inc.first_reported_at, inc.incident_id)


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

    def _index_days(self, start: date, end: date) -> list[date]:
        if (end - start).days + 1 > self.params.max_indexed_days:
            return [end]
        return [start + timedelta(days=d) for d in range((end - start).days + 1)]

    def _members(self, incident_id: str) -> list[Profile]:
        return [Profile.from_json(row) for row in self.state.get(f"p/{incident_id}", [])]

    def _candidates(self, block: str, profile: Profile) -> list[str]:
        span = (profile.end - profile.start).days + 1
        days = [profile.end] if span > self.params.max_probe_days else [
            profile.start + timedelta(days=d) for d in range(span)]
        probe = {self._bucket(block, d + timedelta(days=k)) for d in days for k in (-1, 0, 1)}
        ids: list[str] = []
        for d in sorted(probe):
            for incident_id in self.state.get(f"ix/{block}/{d.isoformat()}", []):
                if incident_id not in ids:
                    ids.append(incident_id)
        return ids[: self.params.max_candidates]

    def _same_settlement(self, block: str, profile: Profile) -> list[str]:
        """Incidents of the block with a member report naming the new report's settlement (any
        day still in the window): the only ones a late report can join."""
        key = settlement_key(profile)
        if key is None or self.params.late_report_days <= 0:
            return []
        ids = dict.fromkeys(str(entry[0]) for entry in self.state.get(f"gx/{block}/{key}", []))
        return list(ids)[-self.params.max_candidates :]

    def _score(self, members: list[Profile], profile: Profile, dated: bool) -> tuple[float, str]:
        """The best score of the new report against any member (single link), and the rule it
        came from: "" (ordinary), "late" (matching.late_similarity), "firm" (matching.
        firm_follow_up_similarity), "stale" (matching.stale_similarity) or "victim" (matching.
        victim_similarity: a common victim's age), each tried only when the ones before fall
        short. An incident
        found only by its settlement (not `dated`: no member on the new report's days) can only
        be joined as a late report: a month-wide follow-up range overlaps too much to count as
        the same date."""
        best, rule = 0.0, ""
        for m in members if dated else []:
            best = max(best, profile_similarity(m, profile))
        days = self.params.late_report_days
        for name, similarity in (("late", late_similarity), ("firm", firm_follow_up_similarity),
                                 ("stale", stale_similarity), ("victim", victim_similarity)):
            if best >= self.params.incident_threshold:
                break
            for m in members:
                score = similarity(m, profile, days)
                if score > best:
                    best, rule = score, name
        return best, rule

    def _live(self, incident_id: str) -> bool:
        data = self.state.get(f"i/{incident_id}")
        return data is not None and data.get("merged_into") is None

    def _matches(self, block: str, profile: Profile) -> list[_Match]:
        """Live incidents of the block whose closest member report scores at or above the
        threshold against the new report, best first (ties: the older id first)."""
        found: list[_Match] = []
        candidates = self._candidates(block, profile)
        dated = set(candidates)
        town = self._same_settlement(block, profile)
        candidates += [i for i in town if i not in dated]
        for incident_id in candidates:
            data = self.state.get(f"i/{incident_id}")
            if data is None or data.get("merged_into") is not None:
                continue
            members = self._members(incident_id)
            if profile.article_id in data["article_ids"]:
                # the extractor kept them apart within the article, unless one restates the
                # other at the level of its region or district
                own = [m for m in members if m.article_id == profile.article_id]
                if any(read_twice(m, profile) for m in own):
                    firmer = (any(same_story(m, profile) and day_gap(m, profile) > 1 for m in own)
                              and not open_ended(profile) and all(open_ended(m) for m in members))
                    found.append(_Match(0.0, Incident.model_validate(data), members, own=True,
                                        firmer=firmer))
                continue
            score, rule = self._score(members, profile, incident_id in dated)
            if score < self.params.incident_threshold:
                continue
            if rule in ("firm", "stale") and sum(self._live(i) for i in town) != 1:
                continue  # a town with another incident: a new shooting as likely as a follow-up
            found.append(_Match(score, Incident.model_validate(data), members, late=bool(rule),
                                stale=rule == "stale"))
        if sum(m.own for m in found) > 1:
            found = [m for m in found if not m.own]  # which of the article's incidents: a guess
        if sum(m.late for m in found) > 1:
            # a town with several older incidents a late report could belong to (a frontline
            # town shelled every few days, a city's shootings): which one is a guess, so none
            found = [m for m in found if not m.late]
        found.sort(key=lambda m: (-m.score, _age(m.incident)))
        return found

    def _add_incident(self, mention: Mention, inc: Incident) -> list[Record]:
        block = mention.blocking_key
        profile = Profile.of(inc)
        out: list[Record]
        earlier = self._reread_target(inc)
        if earlier is not None:
            members = [m for m in self._members(earlier.incident_id) if m.article_id != profile.article_id]
            target = earlier.incident_id
            out = list(self._store_incident(block, merge_incident(earlier, inc), earlier, [*members, profile]))
        else:
            matches = self._matches(block, profile)
            if matches:
                # a late report is no evidence that two incidents were one: it joins the best only
                bridging = (profile.end - profile.start).days < self.params.max_bridge_days
                firm = [m for m in matches if not m.late and not m.own]
                group, waiting = matches[:1], []
                if bridging and firm and matches[0] is firm[0]:
                    group = self._consolidation_group(firm)
                    waiting = self._waiting_follow_up(block, matches, group)
                winner = min([*group, *waiting], key=lambda m: _age(m.incident))
                merged, members = winner.incident, list(winner.members)
                losers = [m for m in [*group, *waiting] if m is not winner]
                for loser in losers:
                    # a waiting follow-up's loose date never replaces the event's firm one
                    merged = merge_incident(merged, loser.incident, late=bool(waiting) and (
                        loser in waiting or winner in waiting))
                    members.extend(loser.members)
                if winner.stale:
                    # the fresh report's date is the event's: the new one's when it is the later
                    fresh = inc.date if inc.date.end > merged.date.end else merged.date
                    merged = merge_incident(merged, inc, date=fresh)
                elif winner.firmer:
                    merged = merge_incident(merged, inc, date=inc.date)
                else:
                    merged = merge_incident(merged, inc, late=winner.late and winner not in waiting)
                target = winner.incident.incident_id
                out = list(self._store_incident(block, merged, winner.incident, [*members, profile]))
                out.extend(self._retire(loser.incident, target) for loser in losers)
            else:
                target = inc.incident_id
                out = list(self._store_incident(block, inc.model_copy(update={"revision": 1}), None, [profile]))
        self.state[f"m/{mention.mention_id}"] = target
        self.state[f"a/{inc.incident_id}"] = target
        day = self._bucket(block, inc.date.end).isoformat()
        self._file("mx", block, day, f"m/{mention.mention_id}", f"a/{inc.incident_id}")
        self._evict(block, inc.date.end)
        return out

    def _consolidation_group(self, matches: list[_Match]) -> list[_Match]:
        """The best match, plus every other match the new report bridges to it: incidents that
        share no article (the extractor kept those apart) and have no member report that
        contradicts one of the group's (another place, or dates two days apart or more)."""
        group = [matches[0]]
        for m in matches[1:]:
            if any(set(m.incident.article_ids) & set(g.incident.article_ids) for g in group):
                continue
            if any(conflicting(x, y) for g in group for x in g.members for y in m.members):
                continue
            group.append(m)
        return group

    def _waiting_follow_up(self, block: str, matches: list[_Match], group: list[_Match]) -> list[_Match]:
        """The town's one incident made only of loosely dated reports (matching.open_ended: an
        arrest, a funeral with no date of their own) that the new, firmly matched report meets as
        a late report: a follow-up that arrived before the reports of its event, which it would
        have joined in the other order. Empty when there is none, when it shares an article with
        the group, or when another incident of the town could be the one it follows."""
        late = [m for m in matches if m.late]
        if len(late) != 1 or not all(open_ended(p) for p in late[0].members):
            return []
        waiting = late[0]
        if any(set(waiting.incident.article_ids) & set(g.incident.article_ids) for g in group):
            return []
        taken = {waiting.incident.incident_id, *(g.incident.incident_id for g in group)}
        days = self.params.late_report_days
        for key in {k for p in waiting.members if (k := settlement_key(p)) is not None}:
            for incident_id in dict.fromkeys(str(e[0]) for e in self.state.get(f"gx/{block}/{key}", [])):
                if incident_id in taken or not self._live(incident_id):
                    continue
                if any(late_similarity(m, p, days) >= self.params.incident_threshold
                       for m in self._members(incident_id) for p in waiting.members):
                    return []
        return late

    def _retire(self, loser: Incident, winner_id: str) -> Incident:
        """A consolidated incident: published once more with `merged_into`, kept (unindexed for
        matching) so ledger entries and claims that name it still resolve to the winner."""
        retired = loser.model_copy(update={"merged_into": winner_id, "revision": loser.revision + 1})
        self.state[f"i/{loser.incident_id}"] = retired.model_dump(mode="json")
        if self.state.get(f"p/{loser.incident_id}") is not None:
            del self.state[f"p/{loser.incident_id}"]
        return retired

    def resolve(self, incident_id: str) -> str:
        """The live incident an incident id now stands for: itself, the incident an article-level
        incident was folded into, or the winner of a consolidation (followed to the end)."""
        current = self.state.get(f"a/{incident_id}") or incident_id
        for _ in range(MAX_REDIRECTS):
            data = self.state.get(f"i/{current}")
            nxt = data.get("merged_into") if data is not None else None
            if nxt is None:
                break
            current = nxt
        return str(current)

    def _reread_target(self, inc: Incident) -> Incident | None:
        """The incident an earlier reading of this same article-level incident went into: a
        replay under new rules (new extractor_version, so a new mention id) updates it in place."""
        if self.state.get(f"a/{inc.incident_id}") is None:
            return None
        data = self.state.get(f"i/{self.resolve(inc.incident_id)}")
        if data is None or data.get("merged_into") is not None:
            return None
        return Incident.model_validate(data)

    def _append(self, key: str, *new: Any) -> None:
        """Add items to the list under `key` (one write, none when all are there already)."""
        items = list(self.state.get(key, []))
        added = [item for item in new if item not in items]
        if added:
            self.state[key] = items + added

    def _file(self, kind: str, block: str, day: str, *items: Any) -> None:
        """Add items to a day's list (``ix``/``mx``/``gd``), and the day to ``dd/<block>``: the
        days eviction visits."""
        self._append(f"{kind}/{block}/{day}", *items)
        self._append(f"dd/{block}", day)

    def _store_incident(
        self, block: str, inc: Incident, previous: Incident | None, members: list[Profile]
    ) -> list[Incident]:
        members = members[: self.params.max_members]
        self.state[f"p/{inc.incident_id}"] = [m.to_json() for m in members]
        for m in members:
            for d in self._index_days(m.start, m.end):
                self._file("ix", block, self._bucket(block, d).isoformat(), inc.incident_id)
            key = settlement_key(m)
            if key is not None:
                day = self._bucket(block, m.end).isoformat()
                self._append(f"gx/{block}/{key}", [inc.incident_id, day])
                self._file("gd", block, day, key)
        if previous is not None:
            if _content(inc) == _content(previous):
                return []
            inc = inc.model_copy(update={"revision": previous.revision + 1})
        self.state[f"i/{inc.incident_id}"] = inc.model_dump(mode="json")
        return [inc]

    def _bucket(self, block: str, day: date) -> date:
        """The day a key is filed under: its own, or for a day the window already left (a late
        report of an old event), the first day not yet evicted, so it leaves with that day
        instead of staying forever."""
        done = self.state.get(f"w/{block}")
        if done is None:
            return day
        return max(day, date.fromisoformat(done) + timedelta(days=1))

    def _last_day(self, incident_id: str, data: dict[str, Any]) -> str:
        """The latest day any member report of the incident covers (its own date if retired)."""
        ends = [row[_PROFILE_END] for row in self.state.get(f"p/{incident_id}", [])]
        return str(max([data["date"]["end"], *ends]))

    def _evict(self, block: str, latest: date) -> None:
        """Drop the days that left the window (index, incidents, mention ids) so a block's state
        stays bounded on an endless stream; ``w/<block>`` remembers how far eviction got. Only
        the days listed in ``dd/<block>`` hold keys, so a block quiet for years costs no walk
        over the empty days. A late mention of an evicted incident starts a new incident."""
        cutoff = (latest - timedelta(days=self.params.window_days)).isoformat()
        done = self.state.get(f"w/{block}")
        if done is not None and done >= cutoff:
            return
        days: list[str] = self.state.get(f"dd/{block}", [])
        due = sorted(d for d in days if d <= cutoff)
        for d in due:
            for incident_id in self.state.get(f"ix/{block}/{d}", []):
                data = self.state.get(f"i/{incident_id}")
                if data is not None and self._last_day(incident_id, data) <= d:
                    del self.state[f"i/{incident_id}"]
                    if self.state.get(f"p/{incident_id}") is not None:
                        del self.state[f"p/{incident_id}"]
            for key in self.state.get(f"mx/{block}/{d}", []):
                if self.state.get(key) is not None:
                    del self.state[key]
            for place in self.state.get(f"gd/{block}/{d}", []):
                self._prune_settlement(f"gx/{block}/{place}", d)
            for key in (f"ix/{block}/{d}", f"mx/{block}/{d}", f"gd/{block}/{d}"):
                if self.state.get(key) is not None:
                    del self.state[key]
        if due:
            self.state[f"dd/{block}"] = [d for d in days if d > cutoff]
        self.state[f"w/{block}"] = cutoff

    def _prune_settlement(self, key: str, day: str) -> None:
        """Drop a settlement's entries filed on or before an evicted day (the key with the last)."""
        kept = [entry for entry in self.state.get(key, []) if entry[1] > day]
        if kept:
            self.state[key] = kept
        elif self.state.get(key) is not None:
            del self.state[key]

    # claims ------------------------------------------------------------------------------------

    def _about(self, ids: list[str]) -> list[str]:
        return list(dict.fromkeys(self.resolve(i) for i in ids))

    def _about_one_incident(self, known: ClaimProfile, new: ClaimProfile) -> bool:
        """Whether two claims in different languages, of one type, are about one live incident
        (the known claim's incidents resolved anew: they may have been folded since)."""
        if not new.about or known.language == new.language or known.claim_type != new.claim_type:
            return False
        return not set(new.about).isdisjoint(self._about(list(known.about)))

    def _add_claim(self, mention: Mention, claim: Claim) -> list[Record]:
        block = mention.blocking_key
        # the extractor names the article-level incidents; point at what they were folded into
        # (when this partition's state knows it; otherwise the id stays resolvable by `resolve`)
        claim = claim.model_copy(update={"about_incident_ids": self._about(claim.about_incident_ids)})
        ids: list[str] = list(self.state.get(f"cx/{block}", []))
        new = ClaimProfile.of(claim)
        best: dict[str, Any] | None = None
        best_score = 0.0
        for claim_id in ids[-self.params.max_candidates :]:
            data = self.state.get(f"c/{claim_id}")
            if data is None:
                continue
            cand = ClaimProfile.from_json(data)
            if another_claim_of_the_article(cand, new):
                continue
            score = claim_similarity(cand, new, self._about_one_incident(cand, new), meaning.similarity)
            if score > best_score:
                best, best_score = data, score
        if best is not None and best_score >= self.params.claim_threshold:
            known = Claim.model_validate(best)
            merged = merge_claim(known, claim)
            merged = merged.model_copy(update={"about_incident_ids": self._about(merged.about_incident_ids)})
            if _content(merged) == _content(known):
                return []
            merged = merged.model_copy(update={"revision": known.revision + 1})
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

"""Deduplication: one incident per real event across outlets, revisions only on change, bounded state."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from schemas import (
    Claim,
    Count,
    EventDate,
    Evidence,
    FigureReport,
    Incident,
    Location,
    Mention,
    Quantity,
    Speaker,
)
from services.core.dedup import Deduplicator, DedupParams

KHARKIV = dict(country_code="UA", admin1="Kharkiv", precision="settlement")
VOVCHANSK = Location(name="Vovchansk", geonames_id=689304, lat=50.29, lon=36.94, **KHARKIV)
KUPIANSK = Location(name="Kupiansk", geonames_id=703656, lat=49.71, lon=37.62, **KHARKIV)


KHARKIV_REGION = Location(name="Kharkiv Oblast", country_code="UA", admin1="Kharkiv", precision="region")


def incident_mention(
    article: str, source: str, where: Location = VOVCHANSK, day: date = date(2023, 1, 20),
    killed: int | None = None, sub: str = "Shelling/artillery/missile attack",
    until: date | None = None, published: datetime = datetime(2023, 1, 21, 9, tzinfo=UTC),
) -> Mention:
    fatalities = Count(best=killed, low=killed, high=killed,
                       reports=[FigureReport(value=killed, article_id=article, source=source)]) if killed is not None else Count()
    inc = Incident(
        incident_id=f"inc-{article}-{where.name}", event_type="Explosions/Remote violence",
        sub_event_type=sub, location=where,
        date=EventDate(start=day, end=until or day, precision="range" if until else "day"),
        fatalities=fatalities, article_ids=[article], sources=[source], confidence=0.6,
        first_reported_at=published, last_reported_at=published, extractor_version="t",
    )
    return Mention(mention_id=f"men-{article}-{where.name}", kind="incident",
                   blocking_key="UA/Kharkiv", article_id=article, source=source,
                   published_at=published, extractor_version="t", incident=inc)


def claim_mention(
    article: str, source: str, value: float, language: str = "it", about: tuple[str, ...] = ()
) -> Mention:
    published = datetime(2023, 1, 21, 9, tzinfo=UTC)
    claim = Claim(
        claim_id=f"clm-{article}", speaker=Speaker(name="General Staff", kind="organization"),
        cue="said", content="Russian losses", language=language, quote="indirect",
        claim_type="casualty_report", quantities=[Quantity(value=value, unit="soldiers")],
        about_incident_ids=list(about),
        article_ids=[article], sources=[source], confidence=0.5, first_reported_at=published,
        last_reported_at=published, extractor_version="t",
    )
    return Mention(mention_id=f"men-{article}", kind="claim", blocking_key="speaker/generalstaff",
                   article_id=article, source=source, published_at=published,
                   extractor_version="t", claim=claim)


def test_first_mention_creates_an_incident_at_revision_1() -> None:
    [out] = Deduplicator({}).add(incident_mention("a", "ansa.it"))
    assert isinstance(out, Incident) and out.revision == 1 and out.incident_id == "inc-a-Vovchansk"


def test_same_mention_twice_adds_no_source_and_no_revision() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    assert dedup.add(incident_mention("a", "ansa.it")) == []


def test_a_second_outlet_on_the_same_strike_gives_revision_2_with_both_sources() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    [out] = dedup.add(incident_mention("b", "kyivindependent.com"))
    assert out.incident_id == "inc-a-Vovchansk"
    assert out.revision == 2
    assert out.sources == ["ansa.it", "kyivindependent.com"]
    assert out.confidence > 0.6


def test_places_60_km_apart_stay_separate_incidents() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    [out] = dedup.add(incident_mention("b", "bbc.com", where=KUPIANSK))
    assert out.incident_id == "inc-b-Kupiansk" and out.revision == 1


def test_reports_three_days_apart_stay_separate() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    [out] = dedup.add(incident_mention("b", "bbc.com", day=date(2023, 1, 23)))
    assert out.revision == 1 and out.incident_id == "inc-b-Vovchansk"


def test_conflicting_tolls_widen_low_high_and_keep_who_said_what() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it", killed=1))
    [out] = dedup.add(incident_mention("b", "bbc.com", killed=2))
    assert (out.fatalities.low, out.fatalities.best, out.fatalities.high) == (1, 2, 2)
    assert {(r.source, r.value) for r in out.fatalities.reports} == {("ansa.it", 1), ("bbc.com", 2)}


def test_replaying_the_same_mentions_gives_the_same_ids_and_revisions() -> None:
    mentions = [incident_mention("a", "ansa.it"), incident_mention("b", "bbc.com", killed=1),
                incident_mention("c", "x.com", where=KUPIANSK)]
    runs = []
    for _ in range(2):
        dedup = Deduplicator({})
        runs.append([(r.incident_id, r.revision) for m in mentions for r in dedup.add(m)])  # type: ignore[union-attr]
    assert runs[0] == runs[1]


def test_old_days_leave_the_state_so_memory_stays_flat() -> None:
    state: dict[str, object] = {}
    dedup = Deduplicator(state, DedupParams(window_days=5))
    start = date(2023, 1, 1)
    sizes = []
    for day in range(40):
        dedup.add(incident_mention(f"a{day}", "ansa.it", day=start + timedelta(days=day)))
        sizes.append(len(state))
    assert sizes[-1] == sizes[20]
    assert not any(k.startswith("i/inc-a0-") for k in state)



class CountingState(dict[str, object]):
    """A state that counts lookups: how much work one mention costs, without a clock."""

    lookups = 0

    def get(self, key: str, default: object = None) -> object:
        self.lookups += 1
        return super().get(key, default)


def test_a_block_quiet_for_years_is_evicted_without_visiting_its_empty_days() -> None:
    state = CountingState()
    dedup = Deduplicator(state)
    dedup.add(incident_mention("old", "ansa.it", day=date(2016, 3, 1)))
    state.lookups = 0
    dedup.add(incident_mention("new", "ansa.it", day=date(2022, 3, 1)))
    assert not any(k.startswith("i/inc-old-") for k in state)
    assert state.lookups < 100  # one pass over the block's two days, not over six years


def test_the_same_figure_from_the_same_speaker_in_two_outlets_is_one_claim() -> None:
    dedup = Deduplicator({})
    dedup.add(claim_mention("a", "ansa.it", 120160))
    [out] = dedup.add(claim_mention("b", "ukrinform.net", 120160, language="en"))
    assert out.revision == 2 and out.sources == ["ansa.it", "ukrinform.net"]


def test_a_different_figure_from_the_same_speaker_is_a_new_claim() -> None:
    dedup = Deduplicator({})
    dedup.add(claim_mention("a", "ansa.it", 120160))
    [out] = dedup.add(claim_mention("b", "ansa.it", 121000))
    assert out.claim_id == "clm-b" and out.revision == 1


def test_a_reread_under_new_rules_updates_the_incident_instead_of_adding_one() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    dedup.add(incident_mention("b", "bbc.com"))
    reread = incident_mention("b", "bbc.com", killed=3)
    reread = reread.model_copy(update={"mention_id": "men-b-v2", "extractor_version": "t2"})
    [out] = dedup.add(reread)
    assert out.incident_id == "inc-a-Vovchansk" and out.revision == 3
    assert out.fatalities.best == 3


def test_late_reports_of_old_events_do_not_pile_up_in_state() -> None:
    state: dict[str, object] = {}
    dedup = Deduplicator(state, DedupParams(window_days=5))
    start = date(2023, 1, 1)
    sizes = []
    for day in range(60):
        dedup.add(incident_mention(f"a{day}", "ansa.it", day=start + timedelta(days=day)))
        # every day also brings a report of an event a year older, behind the window
        dedup.add(incident_mention(f"old{day}", "bbc.com", where=KUPIANSK,
                                   day=start - timedelta(days=365 - day)))
        sizes.append(len(state))
    assert sizes[-1] <= sizes[30] + 2


# consolidation -----------------------------------------------------------------------------------

JULY_6_MORNING = datetime(2023, 7, 6, 8, tzinfo=UTC)
JULY_6_NOON = datetime(2023, 7, 6, 12, tzinfo=UTC)
JULY_7 = datetime(2023, 7, 7, 9, tzinfo=UTC)


def two_incidents_a_day_apart() -> tuple[Deduplicator, Mention, Mention]:
    """Same town, same publication day, dates one day apart: ACLED's one-a-day rule keeps them
    apart until a report covering both days bridges them."""
    dedup = Deduplicator({})
    older = incident_mention("a", "ansa.it", day=date(2023, 7, 5), published=JULY_6_MORNING)
    younger = incident_mention("b", "bbc.com", day=date(2023, 7, 6), published=JULY_6_NOON, killed=4)
    dedup.add(older)
    dedup.add(younger)
    return dedup, older, younger


def test_two_reports_a_day_apart_published_the_same_day_stay_two_incidents() -> None:
    dedup, _, _ = two_incidents_a_day_apart()
    live = [k for k, v in dedup.state.items() if k.startswith("i/") and v["merged_into"] is None]  # type: ignore[attr-defined]
    assert len(live) == 2


def test_a_report_bridging_two_incidents_merges_the_younger_into_the_older() -> None:
    dedup, older, younger = two_incidents_a_day_apart()
    bridge = incident_mention("c", "lapresse.it", day=date(2023, 7, 5), until=date(2023, 7, 6), published=JULY_7)
    out = dedup.add(bridge)
    winner = next(r for r in out if isinstance(r, Incident) and r.merged_into is None)
    [loser] = [r for r in out if isinstance(r, Incident) and r.merged_into is not None]
    assert winner.incident_id == older.incident.incident_id  # type: ignore[union-attr]
    assert loser.incident_id == younger.incident.incident_id  # type: ignore[union-attr]
    assert loser.merged_into == winner.incident_id and loser.revision == 2
    assert winner.article_ids == ["a", "b", "c"] and winner.revision == 2
    assert winner.fatalities.best == 4


def test_a_redelivered_bridging_report_publishes_nothing() -> None:
    dedup, _, _ = two_incidents_a_day_apart()
    bridge = incident_mention("c", "lapresse.it", day=date(2023, 7, 5), until=date(2023, 7, 6), published=JULY_7)
    dedup.add(bridge)
    assert dedup.add(bridge) == []


def test_consolidation_replays_to_the_same_ids_and_revisions() -> None:
    runs = []
    for _ in range(2):
        dedup, _, _ = two_incidents_a_day_apart()
        bridge = incident_mention("c", "lapresse.it", day=date(2023, 7, 5), until=date(2023, 7, 6), published=JULY_7)
        runs.append([(r.incident_id, r.revision, r.merged_into) for r in dedup.add(bridge)])  # type: ignore[union-attr]
    assert runs[0] == runs[1]


def test_a_later_report_of_the_merged_incident_joins_the_winner() -> None:
    dedup, older, _ = two_incidents_a_day_apart()
    dedup.add(incident_mention("c", "lapresse.it", day=date(2023, 7, 5), until=date(2023, 7, 6), published=JULY_7))
    [out] = dedup.add(incident_mention("d", "reuters.com", day=date(2023, 7, 6), published=JULY_7, killed=5))
    assert out.incident_id == older.incident.incident_id and out.merged_into is None  # type: ignore[union-attr]
    assert out.article_ids == ["a", "b", "c", "d"]


def test_a_region_level_report_does_not_weld_two_towns_together() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    dedup.add(incident_mention("b", "bbc.com", where=KUPIANSK))
    out = dedup.add(incident_mention("c", "ukrinform.net", where=KHARKIV_REGION))
    assert len(out) == 1 and isinstance(out[0], Incident) and out[0].merged_into is None


def test_incidents_read_apart_in_one_article_are_not_consolidated() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it", day=date(2023, 7, 5), published=JULY_6_MORNING))
    day_two = incident_mention("a", "ansa.it", day=date(2023, 7, 6), published=JULY_6_MORNING)
    day_two = day_two.model_copy(update={"mention_id": "men-a-day2", "incident": day_two.incident.model_copy(  # type: ignore[union-attr]
        update={"incident_id": "inc-a-day2"})})
    dedup.add(day_two)
    out = dedup.add(incident_mention("c", "lapresse.it", day=date(2023, 7, 5), until=date(2023, 7, 6), published=JULY_7))
    assert [r.merged_into for r in out] == [None]  # type: ignore[union-attr]


# claims about incidents ----------------------------------------------------------------------------


def test_a_claim_points_at_the_incident_its_article_incident_was_folded_into() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    dedup.add(incident_mention("b", "bbc.com"))
    [claim] = dedup.add(claim_mention("b", "bbc.com", 3, about=("inc-b-Vovchansk",)))
    assert claim.about_incident_ids == ["inc-a-Vovchansk"]  # type: ignore[union-attr]


def test_a_claim_about_a_consolidated_incident_points_at_the_winner() -> None:
    dedup, older, younger = two_incidents_a_day_apart()
    dedup.add(incident_mention("c", "lapresse.it", day=date(2023, 7, 5), until=date(2023, 7, 6), published=JULY_7))
    [claim] = dedup.add(claim_mention("b", "bbc.com", 4, about=(younger.incident.incident_id,)))  # type: ignore[union-attr]
    assert claim.about_incident_ids == [older.incident.incident_id]  # type: ignore[union-attr]
    assert dedup.resolve(younger.incident.incident_id) == older.incident.incident_id  # type: ignore[union-attr]


def test_a_claim_about_an_incident_not_seen_yet_keeps_the_article_level_id() -> None:
    [claim] = Deduplicator({}).add(claim_mention("z", "bbc.com", 4, about=("inc-z-Vovchansk",)))
    assert claim.about_incident_ids == ["inc-z-Vovchansk"]  # type: ignore[union-attr]


def test_consolidated_incidents_leave_the_state_with_their_days() -> None:
    state: dict[str, object] = {}
    dedup = Deduplicator(state, DedupParams(window_days=5))
    dedup.add(incident_mention("a", "ansa.it", day=date(2023, 7, 5), published=JULY_6_MORNING))
    dedup.add(incident_mention("b", "bbc.com", day=date(2023, 7, 6), published=JULY_6_NOON))
    dedup.add(incident_mention("c", "lapresse.it", day=date(2023, 7, 5), until=date(2023, 7, 6), published=JULY_7))
    dedup.add(incident_mention("z", "ansa.it", day=date(2023, 7, 20), published=datetime(2023, 7, 20, tzinfo=UTC)))
    assert not any(k.startswith(("i/inc-a-", "i/inc-b-", "p/inc-a-", "p/inc-b-")) for k in state)


def test_a_last_week_report_joins_one_incident_but_bridges_none() -> None:
    dedup, _, _ = two_incidents_a_day_apart()
    week = incident_mention("w", "kyivpost.com", day=date(2023, 7, 1), until=date(2023, 7, 7),
                            published=datetime(2023, 7, 8, 9, tzinfo=UTC))
    out = dedup.add(week)
    assert len(out) == 1 and out[0].merged_into is None and "w" in out[0].article_ids  # type: ignore[union-attr]


# late reports (follow-ups with no date of their own) ---------------------------------------------

DAYTON = Location(name="Dayton", geonames_id=4509884, lat=39.76, lon=-84.19, country_code="US",
                  admin1="Ohio", precision="settlement")


def shooting_mention(
    article: str, day: date | None = None, published: date = date(2016, 3, 6),
    killed: int | None = 1, undated_days: int = 0, lead: str | None = None, sub: str = "Attack",
) -> Mention:
    """A shooting report in Dayton; `undated_days` > 0 gives it the extractor's date for a text
    with no date cue: the range of that many days ending on the publication day; `lead` its
    first sentence."""
    at = datetime(published.year, published.month, published.day, 15, tzinfo=UTC)
    if undated_days:
        when = EventDate(start=published - timedelta(days=undated_days), end=published, precision="range")
    else:
        when = EventDate(start=day or date(2016, 3, 5), end=day or date(2016, 3, 5), precision="day")
    fatalities = Count(best=killed, low=killed, high=killed, reports=[
        FigureReport(value=killed, article_id=article, source=f"{article}.example")]) if killed is not None else Count()
    inc = Incident(
        incident_id=f"inc-{article}", sub_event_type=sub,  # type: ignore[arg-type]
        event_type="Battles" if sub == "Armed clash" else "Violence against civilians",
        location=DAYTON, date=when, fatalities=fatalities, article_ids=[article],
        sources=[f"{article}.example"], confidence=0.6, first_reported_at=at, last_reported_at=at,
        extractor_version="t",
        evidence=[Evidence(article_id=article, source=f"{article}.example", language="en",
                           published_at=at, text=lead, char_start=0, char_end=len(lead))] if lead else [],
    )
    return Mention(mention_id=f"men-{article}", kind="incident", blocking_key="US/Ohio",
                   article_id=article, source=f"{article}.example", published_at=at,
                   extractor_version="t", incident=inc)


def live_incidents(dedup: Deduplicator) -> list[dict[str, object]]:
    return [v for k, v in dedup.state.items()  # type: ignore[attr-defined]
            if k.startswith("i/") and v["merged_into"] is None]


def test_an_undated_follow_up_a_week_later_joins_the_shooting_it_follows() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5)))
    [out] = dedup.add(shooting_mention("arrest", published=date(2016, 3, 14), killed=None, undated_days=1))
    assert out.incident_id == "inc-first" and out.revision == 2
    assert out.article_ids == ["first", "arrest"]
    assert out.date.start == out.date.end == date(2016, 3, 5)


def test_the_original_report_read_after_its_follow_up_gives_the_incident_its_date() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("funeral", published=date(2016, 3, 20), killed=None, undated_days=31))
    [out] = dedup.add(shooting_mention("first", day=date(2016, 3, 5)))
    assert out.incident_id == "inc-funeral" and out.article_ids == ["funeral", "first"]
    assert out.date.start == out.date.end == date(2016, 3, 5)


def test_a_follow_up_in_a_town_with_two_recent_shootings_joins_neither() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 1), published=date(2016, 3, 2)))
    dedup.add(shooting_mention("second", day=date(2016, 3, 8), published=date(2016, 3, 9)))
    [out] = dedup.add(shooting_mention("arrest", published=date(2016, 3, 14), undated_days=1))
    assert out.incident_id == "inc-arrest" and out.revision == 1
    assert len(live_incidents(dedup)) == 3


def test_a_follow_up_with_another_toll_or_beyond_the_look_back_starts_its_own_incident() -> None:
    dedup = Deduplicator({}, DedupParams(late_report_days=10))
    dedup.add(shooting_mention("first", day=date(2016, 3, 5), killed=1))
    [other_toll] = dedup.add(shooting_mention("b", published=date(2016, 3, 9), killed=5, undated_days=1))
    [too_late] = dedup.add(shooting_mention("c", published=date(2016, 3, 25), killed=1, undated_days=1))
    assert other_toll.incident_id == "inc-b" and too_late.incident_id == "inc-c"


def test_a_late_join_replays_to_the_same_ids_and_a_redelivery_changes_nothing() -> None:
    mentions = [shooting_mention("first", day=date(2016, 3, 5)),
                shooting_mention("arrest", published=date(2016, 3, 14), killed=None, undated_days=1)]
    runs = []
    for _ in range(2):
        dedup = Deduplicator({})
        runs.append([(r.incident_id, r.revision) for m in mentions for r in dedup.add(m)])  # type: ignore[union-attr]
        assert dedup.add(mentions[1]) == []
    assert runs[0] == runs[1] == [("inc-first", 1), ("inc-first", 2)]


def test_the_settlement_index_leaves_the_state_with_its_days() -> None:
    state: dict[str, object] = {}
    dedup = Deduplicator(state, DedupParams(window_days=5, late_report_days=5))
    start = date(2016, 1, 1)
    for day in range(40):
        dedup.add(shooting_mention(f"a{day}", day=start + timedelta(days=day),
                                   published=start + timedelta(days=day + 1), killed=day))
    cutoff = (start + timedelta(days=39 - 5)).isoformat()
    entries = [e for k, v in state.items() if k.startswith("gx/") for e in v]  # type: ignore[attr-defined]
    assert entries and all(day > cutoff for _, day in entries)
    assert all(k.split("/")[-1] > cutoff for k in state if k.startswith("gd/"))


# firmly dated follow-ups and follow-ups waiting for their event -----------------------------------

CHARGED = "A Dayton man was charged Tuesday with murder in the shooting death of his neighbour."


def test_charges_dated_ten_days_later_join_the_towns_only_shooting_and_keep_its_date() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5)))
    [out] = dedup.add(shooting_mention("charges", day=date(2016, 3, 15), published=date(2016, 3, 16),
                                       lead=CHARGED))
    assert out.incident_id == "inc-first" and out.article_ids == ["first", "charges"]
    assert out.date.start == out.date.end == date(2016, 3, 5)


def test_a_shooting_ten_days_later_that_tells_of_no_charges_is_a_new_incident() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5)))
    [out] = dedup.add(shooting_mention("again", day=date(2016, 3, 15), published=date(2016, 3, 16),
                                       lead="A man was shot and killed in Dayton on Tuesday night."))
    assert out.incident_id == "inc-again" and out.revision == 1


def test_charges_in_a_town_with_another_recent_shooting_start_their_own_incident() -> None:
    # the other shooting's toll rules it out, but a town with two shootings in the window may
    # have a third: the charges could be about a new one as well
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5)))
    dedup.add(shooting_mention("second", day=date(2016, 3, 8), published=date(2016, 3, 9), killed=5))
    [out] = dedup.add(shooting_mention("charges", day=date(2016, 3, 15), published=date(2016, 3, 16),
                                       lead=CHARGED))
    assert out.incident_id == "inc-charges" and len(live_incidents(dedup)) == 3


def test_a_follow_up_read_before_its_shooting_joins_when_a_report_it_matches_arrives() -> None:
    # the shooting's first report reads it as an exchange of fire, which a funeral report of an
    # attack cannot join as a late report; a second outlet's report of the attack can tie them
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5), sub="Armed clash"))
    dedup.add(shooting_mention("funeral", published=date(2016, 3, 9), killed=None, undated_days=1))
    assert dedup.resolve("inc-funeral") == "inc-funeral"
    out = dedup.add(shooting_mention("second", day=date(2016, 3, 5), published=date(2016, 3, 7)))
    assert dedup.resolve("inc-funeral") == dedup.resolve("inc-second") == "inc-first"
    assert {(r.incident_id, r.merged_into) for r in out} == {("inc-first", None), ("inc-funeral", "inc-first")}  # type: ignore[union-attr]
    assert len(live_incidents(dedup)) == 1
    assert out[0].date.start == out[0].date.end == date(2016, 3, 5)


def test_taking_in_a_waiting_follow_up_replays_to_the_same_ids_and_a_redelivery_changes_nothing() -> None:
    mentions = [shooting_mention("first", day=date(2016, 3, 5), sub="Armed clash"),
                shooting_mention("funeral", published=date(2016, 3, 9), killed=None, undated_days=1),
                shooting_mention("second", day=date(2016, 3, 5), published=date(2016, 3, 7))]
    runs = []
    for _ in range(2):
        dedup = Deduplicator({})
        runs.append([(r.incident_id, r.revision) for m in mentions for r in dedup.add(m)])  # type: ignore[union-attr]
        assert dedup.add(mentions[2]) == [] and dedup.add(mentions[1]) == []
    assert runs[0] == runs[1]
    assert runs[0][-2:] == [("inc-first", 2), ("inc-funeral", 2)]


def test_a_waiting_follow_up_stays_alone_while_another_shooting_of_the_town_could_be_its_event() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5), sub="Armed clash"))
    dedup.add(shooting_mention("other", day=date(2016, 3, 2), published=date(2016, 3, 3)))
    dedup.add(shooting_mention("another", day=date(2016, 3, 4), published=date(2016, 3, 4)))
    dedup.add(shooting_mention("funeral", published=date(2016, 3, 9), killed=None, undated_days=1))
    dedup.add(shooting_mention("second", day=date(2016, 3, 5), published=date(2016, 3, 7)))
    assert dedup.resolve("inc-funeral") == "inc-funeral"
    assert dedup.resolve("inc-second") == "inc-first"


# one event read twice in one article -------------------------------------------------------------


def test_an_article_restating_its_strike_at_the_level_of_the_region_gives_one_incident() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    assert dedup.add(incident_mention("a", "ansa.it", where=KHARKIV_REGION)) == []  # nothing new
    assert dedup.resolve("inc-a-Kharkiv Oblast") == "inc-a-Vovchansk"
    assert len(live_incidents(dedup)) == 1


def test_an_article_on_strikes_on_two_towns_of_one_region_keeps_two_incidents() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it"))
    [out] = dedup.add(incident_mention("a", "ansa.it", where=KUPIANSK))
    assert out.incident_id == "inc-a-Kupiansk" and len(live_incidents(dedup)) == 2


# a shooting and the other places its story names ----------------------------------------------------

KETTERING = Location(name="Kettering", geonames_id=4515843, lat=39.69, lon=-84.17, country_code="US",
                     admin1="Ohio", precision="settlement")


def elsewhere(mention: Mention, where: Location = KETTERING, day: date | None = None) -> Mention:
    """The same article's report of its shooting at another place (and day)."""
    inc = mention.incident
    assert inc is not None
    when = EventDate(start=day, end=day, precision="day") if day else inc.date
    moved = inc.model_copy(update={"incident_id": f"{inc.incident_id}-{where.name}", "location": where,
                                   "date": when})
    return mention.model_copy(update={"mention_id": f"{mention.mention_id}-{where.name}", "incident": moved})


def test_a_shooting_story_naming_the_hospital_town_the_same_day_gives_one_incident() -> None:
    dedup = Deduplicator({})
    first = shooting_mention("a")
    dedup.add(first)
    dedup.add(elsewhere(first))
    assert len(live_incidents(dedup)) == 1
    assert dedup.resolve("inc-a-Kettering") == "inc-a"


def test_a_shooting_and_another_town_days_later_in_one_story_stay_two_incidents() -> None:
    dedup = Deduplicator({})
    first = shooting_mention("a")
    dedup.add(first)
    dedup.add(elsewhere(first, day=date(2016, 3, 2)))
    assert len(live_incidents(dedup)) == 2


# stale reports, a last-week report met by its day, one story's aftermath --------------------------


def on(mention: Mention, start: date, end: date) -> Mention:
    """The mention with its event dated start..end (a range the text gave, not open-ended)."""
    inc = mention.incident
    assert inc is not None
    when = EventDate(start=start, end=end, precision="day" if start == end else "range")
    return mention.model_copy(update={"incident": inc.model_copy(update={"date": when})})


def test_a_report_dating_its_shooting_a_week_before_publication_joins_the_fresh_one_and_takes_its_date() -> None:
    # published Monday the 14th, "shot Monday afternoon" read as the Monday before
    for order in ((0, 1), (1, 0)):
        mentions = [shooting_mention("fresh", day=date(2016, 3, 14), published=date(2016, 3, 14), killed=None),
                    shooting_mention("stale", day=date(2016, 3, 7), published=date(2016, 3, 14), killed=None)]
        dedup = Deduplicator({})
        for k in order:
            dedup.add(mentions[k])
        [live] = live_incidents(dedup)
        assert set(live["article_ids"]) == {"fresh", "stale"}  # type: ignore[arg-type]
        assert live["date"] == {"start": "2016-03-14", "end": "2016-03-14", "precision": "day"}


def test_a_stale_report_in_a_town_with_two_recent_shootings_joins_neither() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("fresh", day=date(2016, 3, 14), published=date(2016, 3, 14), killed=None))
    dedup.add(shooting_mention("other", day=date(2016, 3, 11), published=date(2016, 3, 11), killed=3))
    [out] = dedup.add(shooting_mention("stale", day=date(2016, 3, 7), published=date(2016, 3, 14), killed=None))
    assert out.incident_id == "inc-stale" and len(live_incidents(dedup)) == 3


def test_charges_join_a_shooting_first_reported_as_last_night() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", published=date(2016, 3, 6), undated_days=1))
    [out] = dedup.add(shooting_mention("charges", day=date(2016, 3, 15), published=date(2016, 3, 16),
                                       lead=CHARGED))
    assert out.incident_id == "inc-first" and out.date.end == date(2016, 3, 6)


def test_a_report_of_one_day_meets_an_earlier_report_dated_last_week() -> None:
    dedup = Deduplicator({})
    dedup.add(on(shooting_mention("week", published=date(2016, 3, 15)), date(2016, 3, 6), date(2016, 3, 12)))
    [out] = dedup.add(on(shooting_mention("day", published=date(2016, 3, 8)), date(2016, 3, 7), date(2016, 3, 7)))
    assert out.incident_id == "inc-week" and out.article_ids == ["week", "day"]
    assert out.date.start == out.date.end == date(2016, 3, 7)


def test_a_follow_up_month_read_as_a_clash_joins_the_attack_it_covers() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5)))
    [out] = dedup.add(shooting_mention("month", published=date(2016, 3, 20), undated_days=30,
                                       sub="Armed clash", killed=None))
    assert out.incident_id == "inc-first" and out.date.start == date(2016, 3, 5)


def test_a_clash_last_night_in_the_town_of_an_older_attack_is_a_new_incident() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("first", day=date(2016, 3, 5)))
    [out] = dedup.add(shooting_mention("new", published=date(2016, 3, 20), undated_days=1,
                                       sub="Armed clash", killed=None))
    assert out.incident_id == "inc-new"


def test_a_shooting_story_with_the_arrest_days_later_in_the_same_town_gives_one_incident() -> None:
    dedup = Deduplicator({})
    first = shooting_mention("a")
    dedup.add(first)
    arrest = elsewhere(first, where=DAYTON, day=date(2016, 3, 9))
    assert dedup.add(arrest) == []  # nothing new: the shooting's incident already has it all
    assert dedup.resolve("inc-a-Dayton") == "inc-a" and len(live_incidents(dedup)) == 1


def test_an_article_on_strikes_on_one_town_on_two_nights_keeps_two_incidents() -> None:
    dedup = Deduplicator({})
    dedup.add(incident_mention("a", "ansa.it", day=date(2023, 1, 20)))
    strike = incident_mention("a", "ansa.it", day=date(2023, 1, 18))
    moved = strike.model_copy(update={"mention_id": "men-a-2", "incident": strike.incident.model_copy(  # type: ignore[union-attr]
        update={"incident_id": "inc-a-2"})})
    [out] = dedup.add(moved)
    assert out.incident_id == "inc-a-2" and len(live_incidents(dedup)) == 2


def test_a_stale_join_replays_to_the_same_ids_and_a_redelivery_changes_nothing() -> None:
    mentions = [shooting_mention("stale", day=date(2016, 3, 7), published=date(2016, 3, 14), killed=None),
                shooting_mention("fresh", day=date(2016, 3, 14), published=date(2016, 3, 14), killed=None)]
    runs = []
    for _ in range(2):
        dedup = Deduplicator({})
        runs.append([(r.incident_id, r.revision) for m in mentions for r in dedup.add(m)])  # type: ignore[union-attr]
        assert dedup.add(mentions[1]) == [] and dedup.add(mentions[0]) == []
    assert runs[0] == runs[1] == [("inc-stale", 1), ("inc-stale", 2)]


def test_one_storys_firm_day_replaces_the_loose_day_its_article_first_gave_the_town() -> None:
    dedup = Deduplicator({})
    loose = shooting_mention("a", published=date(2016, 3, 9), undated_days=1)  # the eve or day
    dedup.add(loose)
    dedup.add(elsewhere(loose, where=DAYTON, day=date(2016, 3, 5)))
    [live] = live_incidents(dedup)
    assert live["date"] == {"start": "2016-03-05", "end": "2016-03-05", "precision": "day"}


def test_an_earlier_day_one_story_recalls_in_its_town_leaves_the_shootings_date() -> None:
    dedup = Deduplicator({})
    first = shooting_mention("a", day=date(2016, 3, 5))
    dedup.add(first)
    dedup.add(elsewhere(first, where=DAYTON, day=date(2016, 2, 27)))
    [live] = live_incidents(dedup)
    assert live["date"] == {"start": "2016-03-05", "end": "2016-03-05", "precision": "day"}


# claims of one article --------------------------------------------------------------------------


def spoken(article: str, content: str, at: int, language: str = "en",
           claim_type: str = "casualty_report") -> Mention:
    """A claim of the regional governor read at offset `at` of `article` (no figures)."""
    published = datetime(2024, 3, 2, 9, tzinfo=UTC)
    evidence = Evidence(article_id=article, source="ansa.it", published_at=published, text=content,
                        char_start=at, char_end=at + len(content))
    claim = Claim(
        claim_id=f"clm-{article}-{at}", speaker=Speaker(name="Oleh Kiper", kind="person"),
        cue="said", content=content, language=language, quote="direct", claim_type=claim_type,
        evidence=[evidence], article_ids=[article], sources=["ansa.it"], confidence=0.5,
        first_reported_at=published, last_reported_at=published, extractor_version="t",
    )
    return Mention(mention_id=f"men-{article}-{at}", kind="claim", blocking_key="speaker/olehkiper",
                   article_id=article, source="ansa.it", published_at=published,
                   extractor_version="t", claim=claim)


def test_two_alike_statements_of_one_speaker_in_one_article_stay_two_claims() -> None:
    dedup = Deduplicator({})
    dedup.add(spoken("a", "ten people have died in Odesa", 120))
    [out] = dedup.add(spoken("a", "ten people have died in Odesa, and the toll may rise", 480))
    assert out.claim_id == "clm-a-480" and out.revision == 1


def test_the_same_statement_in_another_article_is_the_same_claim() -> None:
    dedup = Deduplicator({})
    dedup.add(spoken("a", "ten people have died in Odesa", 120))
    [out] = dedup.add(spoken("b", "ten people have died in Odesa", 64))
    assert out.claim_id == "clm-a-120" and out.revision == 2


def test_a_redelivered_claim_changes_nothing() -> None:
    dedup = Deduplicator({})
    dedup.add(spoken("a", "ten people have died in Odesa", 120))
    assert dedup.add(spoken("a", "ten people have died in Odesa", 120)) == []


# one speaker's claims in two languages ------------------------------------------------------------

LARGEST = "The attack was the largest on the city's civilian infrastructure since the start of the invasion"
LARGEST_IT = "L'attacco è stato il più grande contro le infrastrutture civili della città dall'inizio dell'invasione"


def test_a_statement_and_its_translation_in_another_outlet_are_one_claim() -> None:
    dedup = Deduplicator({})
    dedup.add(spoken("a", LARGEST, 120, claim_type="assessment"))
    [out] = dedup.add(spoken("b", LARGEST_IT, 64, language="it", claim_type="assessment"))
    assert out.claim_id == "clm-a-120" and out.revision == 2 and out.article_ids == ["a", "b"]


def test_another_statement_of_the_speaker_in_another_language_is_a_claim_of_its_own() -> None:
    dedup = Deduplicator({})
    dedup.add(spoken("a", LARGEST, 120, claim_type="assessment"))
    [out] = dedup.add(spoken("b", "Due scuole resteranno chiuse domani", 64, language="it",
                             claim_type="assessment"))
    assert out.claim_id == "clm-b-64" and out.revision == 1


def test_a_translation_read_as_another_type_of_claim_is_a_claim_of_its_own() -> None:
    dedup = Deduplicator({})
    dedup.add(spoken("a", LARGEST, 120, claim_type="assessment"))
    [out] = dedup.add(spoken("b", LARGEST_IT, 64, language="it", claim_type="attack_report"))
    assert out.claim_id == "clm-b-64"


# the same victim's age ----------------------------------------------------------------------------

SHOT = "A 1-year-old girl was shot and killed in a drive-by shooting in Dayton on Saturday night."
CAR_FOUND = "Dayton police find the car used in the drive-by that killed a 1-year-old girl."


def test_the_car_found_weeks_later_joins_the_shooting_of_the_same_1_year_old_and_keeps_its_date() -> None:
    for order in ((0, 1), (1, 0)):
        mentions = [shooting_mention("shot", day=date(2016, 3, 5), lead=SHOT),
                    shooting_mention("car", day=date(2016, 3, 23), published=date(2016, 3, 30),
                                     sub="Armed clash", lead=CAR_FOUND)]
        dedup = Deduplicator({})
        for k in order:
            dedup.add(mentions[k])
        [live] = live_incidents(dedup)
        assert set(live["article_ids"]) == {"shot", "car"}  # type: ignore[arg-type]
        assert live["date"] == {"start": "2016-03-05", "end": "2016-03-05", "precision": "day"}
        assert dedup.add(mentions[order[1]]) == []  # a redelivery changes nothing


def test_a_later_shooting_in_the_town_with_a_victim_of_another_age_is_a_new_incident() -> None:
    dedup = Deduplicator({})
    dedup.add(shooting_mention("shot", day=date(2016, 3, 5), lead=SHOT))
    other = "A 35-year-old man was shot in Dayton on Wednesday, police said."
    [out] = dedup.add(shooting_mention("other", day=date(2016, 3, 23), published=date(2016, 3, 24),
                                       lead=other))
    assert out.incident_id == "inc-other" and len(live_incidents(dedup)) == 2

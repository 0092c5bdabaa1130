"""Scoring functions of services.evaluation.metrics on small hand-made produced and gold records."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest

from schemas import Claim, Incident
from services.evaluation import metrics as m
from services.evaluation.gold import GoldCase, GoldClaim, GoldIncident, GoldLocation
from services.evaluation.report import CaseResult, aggregate, group_metrics, run_case

T0 = dt.datetime(2024, 3, 5, 9, 0, tzinfo=dt.UTC)

# Kharkiv city centre and two points ~3 km and ~30 km from it.
KHARKIV = (49.9935, 36.2304)
NEAR_KHARKIV = (50.0200, 36.2304)
FAR_FROM_KHARKIV = (50.2630, 36.2304)


def incident(
    lat: float | None = KHARKIV[0],
    lon: float | None = KHARKIV[1],
    *,
    name: str = "Kharkiv",
    admin1: str | None = "Kharkivs'ka Oblast",
    start: dt.date = dt.date(2024, 3, 4),
    end: dt.date | None = None,
    sub: str = "Shelling/artillery/missile attack",
    event: str = "Explosions/Remote violence",
    killed: int | None = None,
    injured: int | None = None,
    article_ids: list[str] | None = None,
    confidence: float = 0.8,
    iid: str = "i1",
) -> Incident:
    data: dict[str, Any] = {
        "incident_id": iid,
        "event_type": event,
        "sub_event_type": sub,
        "date": {"start": start, "end": end or start, "precision": "day"},
        "location": {"name": name, "admin1": admin1, "lat": lat, "lon": lon,
                     "precision": "settlement"},
        "fatalities": {"best": killed},
        "injured": {"best": injured},
        "article_ids": article_ids or ["a1"],
        "confidence": confidence,
        "first_reported_at": T0,
        "last_reported_at": T0,
        "extractor_version": "test",
    }
    return Incident.model_validate(data)


def gold_incident(
    lat: float | None = KHARKIV[0],
    lon: float | None = KHARKIV[1],
    *,
    name: str = "Kharkiv",
    admin1: str | None = "Kharkiv",
    day: dt.date | None = dt.date(2024, 3, 4),
    sub: str | None = "Shelling/artillery/missile attack",
    event: str | None = "Explosions/Remote violence",
    alts: list[str] | None = None,
    killed: int | None = None,
    injured: int | None = None,
) -> GoldIncident:
    return GoldIncident(
        event_type=event, sub_event_type=sub, alt_sub_event_types=alts or [],
        location=GoldLocation(name=name, admin1=admin1, lat=lat, lon=lon),
        date=day, fatalities=killed, injured=injured,
    )


def claim(name: str, content: str, *, org: str | None = None, article: str = "a1",
          claim_type: str = "attack_report", quote: str = "direct") -> Claim:
    return Claim.model_validate({
        "claim_id": f"c-{name}-{content[:10]}",
        "speaker": {"name": name, "organization": org, "kind": "person"},
        "cue": "said", "content": content, "quote": quote, "claim_type": claim_type,
        "article_ids": [article], "confidence": 0.7, "first_reported_at": T0,
        "last_reported_at": T0, "extractor_version": "test",
    })


def gold_claim(speaker: str | None, content: str, *, aliases: list[str] | None = None,
               org: str | None = None, article: str = "a1", claim_type: str | None = None,
               quote: str | None = None) -> GoldClaim:
    return GoldClaim(speaker=speaker, speaker_aliases=aliases or [], organization=org,
                     content=content, claim_type=claim_type, quote=quote, article_id=article)


# ---------------------------------------------------------------- incidents


def test_a_perfect_incident_match_gives_f1_one_and_every_attribute_right() -> None:
    produced = [incident(killed=2, injured=5)]
    gold = [gold_incident(killed=2, injured=5)]
    c = m.score_incidents(produced, gold)
    metrics = group_metrics([_result("incidents", c)])
    assert metrics["incidents.precision"] == 1.0
    assert metrics["incidents.recall"] == 1.0
    assert metrics["incidents.f1"] == 1.0
    for name in ("event_type_acc", "sub_event_type_acc", "fatalities_acc", "injured_acc"):
        assert metrics[f"incidents.{name}"] == 1.0



def test_precision_is_reported_per_confidence_band() -> None:
    sure = incident(confidence=0.95, iid="sure")
    unsure = incident(*FAR_FROM_KHARKIV, confidence=0.65, iid="unsure")
    metrics = group_metrics([_result("incidents", m.score_incidents([sure, unsure], [gold_incident()]))])
    assert metrics["incidents.conf_0.90-1.00.produced"] == 1
    assert metrics["incidents.conf_0.90-1.00.precision"] == 1.0
    assert metrics["incidents.conf_0.60-0.70.produced"] == 1
    assert metrics["incidents.conf_0.60-0.70.precision"] == 0.0
    assert metrics["incidents.conf_0.70-0.80.produced"] == 0
    assert metrics["incidents.conf_0.70-0.80.precision"] is None  # nothing produced: no ratio


def test_confidence_bands_take_every_confidence_from_0_to_1() -> None:
    assert m.confidence_band(0.0) == "0.00-0.60"
    assert m.confidence_band(0.7) == "0.70-0.80"
    assert m.confidence_band(1.0) == "0.90-1.00"

def test_an_incident_30_km_away_is_not_a_match() -> None:
    c = m.score_incidents([incident(*FAR_FROM_KHARKIV)], [gold_incident()])
    assert c["inc.matched"] == 0
    assert c["inc.produced"] == 1 and c["inc.gold"] == 1


def test_an_incident_3_km_away_matches() -> None:
    assert m.score_incidents([incident(*NEAR_KHARKIV)], [gold_incident()])["inc.matched"] == 1


def test_a_gold_date_inside_the_produced_range_widened_by_one_day_matches() -> None:
    ranged = incident(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 3))
    assert m.score_incidents([ranged], [gold_incident(day=dt.date(2024, 3, 4))])["inc.matched"] == 1
    assert m.score_incidents([ranged], [gold_incident(day=dt.date(2024, 3, 5))])["inc.matched"] == 0
    assert m.score_incidents([ranged], [gold_incident(day=dt.date(2024, 2, 29))])["inc.matched"] == 1


def test_without_gold_coordinates_transliterated_names_must_agree() -> None:
    gold = [gold_incident(None, None, name="Kupyansk")]
    assert m.score_incidents([incident(name="Kupiansk")], gold)["inc.matched"] == 1
    assert m.score_incidents([incident(name="Izium")], gold)["inc.matched"] == 0


def test_a_name_written_with_an_abbreviation_agrees_with_the_name_written_in_full() -> None:
    gold = [gold_incident(None, None, name="Saint Louis")]
    assert m.score_incidents([incident(name="St. Louis")], gold)["inc.matched"] == 1
    assert m.score_incidents([incident(name="Louisville")], gold)["inc.matched"] == 0


def test_a_produced_region_agrees_with_the_gold_oblast_by_name_but_a_namesake_city_does_not() -> None:
    gold = [gold_incident(None, None, name="Dnipropetrovsk Oblast")]
    region = incident(name="Dnipropetrovsk").model_copy(
        update={"location": incident(name="Dnipropetrovsk").location.model_copy(update={"precision": "region"})})
    assert m.score_incidents([region], gold)["inc.matched"] == 1
    assert m.score_incidents([incident(name="Dnipro")], gold)["inc.matched"] == 0


def test_matching_is_one_to_one_and_finds_the_largest_set_of_pairs() -> None:
    # Greedy by distance would give the middle produced incident to the first gold one
    # and leave the second gold incident unmatched.
    g1 = gold_incident(50.00, 36.0)
    g2 = gold_incident(50.15, 36.0)
    p_between = incident(50.07, 36.0, iid="p1")  # ~7.8 km from g1, ~8.9 km from g2
    p_near_g1 = incident(49.90, 36.0, iid="p2")  # ~11 km from g1, ~28 km from g2
    c = m.score_incidents([p_between, p_near_g1], [g1, g2])
    assert c["inc.matched"] == 2


def test_an_alternative_sub_event_type_counts_as_right() -> None:
    gold = [gold_incident(sub="Armed clash", event="Battles",
                          alts=["Shelling/artillery/missile attack"])]
    c = m.score_incidents([incident()], gold)
    assert c["inc.set_ok"] == 1 and c["inc.et_ok"] == 1


def test_a_missing_fatality_count_is_wrong_against_a_gold_zero() -> None:
    c = m.score_incidents([incident(killed=None)], [gold_incident(killed=0)])
    assert c["inc.fat_n"] == 1 and c["inc.fat_ok"] == 0


def test_gold_null_counts_are_not_scored() -> None:
    c = m.score_incidents([incident(killed=3)], [gold_incident(killed=None)])
    assert c["inc.fat_n"] == 0


def test_anything_produced_for_a_case_without_incidents_is_a_false_positive_case() -> None:
    c = m.score_incidents([incident()], [])
    assert c["inc.no_incident_cases"] == 1 and c["inc.no_incident_fp"] == 1
    assert m.score_incidents([], [])["inc.no_incident_fp"] == 0


# ---------------------------------------------------------------- geocode


def test_geocode_uses_the_closest_produced_incident_and_reports_the_first_one_too() -> None:
    produced = [incident(*FAR_FROM_KHARKIV, admin1="Sumy", iid="far"),
                incident(*NEAR_KHARKIV, iid="near")]
    c = m.score_geocode(produced, [gold_incident()])
    assert c["geo.within10"] == 1 and c["geo.within25"] == 1 and c["geo.admin1_ok"] == 1
    assert c["geo1.within10"] == 0 and c["geo1.within25"] == 0 and c["geo1.admin1_ok"] == 0


def test_geocode_without_a_produced_incident_is_wrong() -> None:
    c = m.score_geocode([], [gold_incident()])
    assert c["geo.n"] == 1 and c["geo.within25"] == 0 and c["geo.admin1_ok"] == 0


@pytest.mark.parametrize(("produced", "gold"), [
    ("Kharkivs'ka Oblast", "Kharkiv"),
    ("Donetsk Oblast", "Donetsk"),
    ("Kyiv City", "Kyiv"),
    ("Kyivs'ka oblast", "Kyiv"),
    ("Zaporizhzhia", "Zaporizhia"),
])
def test_admin1_names_agree_after_normalisation(produced: str, gold: str) -> None:
    assert m.admin1_agrees(produced, gold)


def test_different_regions_do_not_agree() -> None:
    assert not m.admin1_agrees("Kherson", "Kharkiv")
    assert not m.admin1_agrees(None, "Kharkiv")


# ---------------------------------------------------------------- event type


def test_event_type_uses_the_most_confident_incident_and_counts_no_incident_as_wrong() -> None:
    produced = [incident(sub="Armed clash", event="Battles", confidence=0.4),
                incident(sub="Air/drone strike", confidence=0.9)]
    assert m.event_type_labels(produced, [gold_incident(sub="Air/drone strike")]) == [
        ("Air/drone strike", "Air/drone strike")]
    assert m.event_type_labels([], [gold_incident(sub="Armed clash")]) == [
        ("Armed clash", m.NO_INCIDENT)]


def test_macro_f1_averages_per_class_f1() -> None:
    labels = [("A", "A"), ("A", "B"), ("B", "B"), ("C", m.NO_INCIDENT)]
    # A: tp1 pred1 gold2 -> 2/3; B: tp1 pred2 gold1 -> 2/3; C: 0
    assert m.macro_f1(labels) == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert m.macro_f1([]) is None


# ---------------------------------------------------------------- claims


def test_a_claim_matches_on_speaker_surname_and_overlapping_content() -> None:
    produced = [claim("Kirby", "the transfers violate the resolutions of the Security Council")]
    gold = [gold_claim("John Kirby", "these transfers violate the resolutions of the Council",
                       claim_type="attack_report", quote="direct")]
    c = m.score_claims(produced, gold, ["a1"])
    assert c["cl.matched"] == 1 and c["cl.speaker_ok"] == 1
    assert c["cl.type_ok"] == 1 and c["cl.quote_ok"] == 1


def test_a_claim_with_another_speaker_or_other_content_does_not_match() -> None:
    gold = [gold_claim("John Kirby", "the transfers violate the resolutions")]
    wrong_speaker = [claim("Dmitry Peskov", "the transfers violate the resolutions")]
    wrong_content = [claim("John Kirby", "talks will resume next week in Geneva")]
    assert m.score_claims(wrong_speaker, gold, ["a1"])["cl.matched"] == 0
    assert m.score_claims(wrong_content, gold, ["a1"])["cl.matched"] == 0


def test_a_claim_matches_on_organisation_when_the_person_differs() -> None:
    gold = [gold_claim("Stato maggiore ucraino", "abbattuti 20 droni nella notte",
                       org="General Staff of the Armed Forces of Ukraine")]
    produced = [claim("Stato maggiore", "abbattuti 20 droni nella notte",
                      org="General Staff")]
    assert m.score_claims(produced, gold, ["a1"])["cl.matched"] == 1


def test_a_pronoun_or_null_gold_speaker_is_matched_on_content_only() -> None:
    for speaker in (None, "he"):
        gold = [gold_claim(speaker, "the economy is in good shape")]
        c = m.score_claims([claim("Someone Else", "the economy is in good shape")], gold, ["a1"])
        assert c["cl.matched"] == 1 and c["cl.speaker_n"] == 0


def test_claims_are_only_compared_within_the_same_article() -> None:
    gold = [gold_claim("John Kirby", "the transfers violate the resolutions", article="a2")]
    produced = [claim("John Kirby", "the transfers violate the resolutions", article="a1")]
    c = m.score_claims(produced, gold, ["a1", "a2"])
    assert c["cl.matched"] == 0 and c["cl.produced"] == 1


def test_a_claim_merged_across_languages_is_judged_in_each_article_by_that_articles_wording() -> None:
    wording = {"en1": "the transfers violate the resolutions", "it1": "i trasferimenti violano le risoluzioni"}
    merged = Claim.model_validate({
        **claim("John Kirby", wording["en1"]).model_dump(), "article_ids": list(wording),
        "evidence": [{"article_id": aid, "source": "x.example", "published_at": T0, "text": text,
                      "char_start": 0, "char_end": len(text)} for aid, text in wording.items()],
    })
    gold = [gold_claim("John Kirby", "the transfers violate the resolutions", article="en1"),
            gold_claim("John Kirby", "i trasferimenti violano le risoluzioni", article="it1")]
    assert m.score_claims([merged], gold, ["en1", "it1"])["cl.matched"] == 2



def test_a_joined_quotation_is_judged_by_its_quoted_words_not_its_span_with_the_attribution() -> None:
    span = '"We will rebuild," Mayor Ann Lee said on Monday. "Every school will reopen."'
    quoted = "We will rebuild, Every school will reopen."
    joined = Claim.model_validate({
        **claim("Ann Lee", quoted).model_dump(),
        "evidence": [{"article_id": "a1", "source": "x.example", "published_at": T0, "text": span,
                      "char_start": 0, "char_end": len(span)}],
    })
    assert m.as_worded_in(joined, "a1").content == quoted


@pytest.mark.parametrize(("gold", "produced"), [
    ("L'intelligence militare ucraina", "intelligence militare ucraina"),  # an elided article
    ("Mr. Kelly, a retired astronaut,", "Mark Kelly"),  # an appositive
    ("Abraham, 92,", "Pat Abraham"),  # an age
])
def test_a_gold_speaker_agrees_by_name_without_its_article_appositive_or_age(gold: str, produced: str) -> None:
    assert m.speaker_name_agrees(claim(produced, "x"), gold_claim(gold, "x"))


def test_claims_are_counted_per_confidence_band_in_the_article_they_cite() -> None:
    said = claim("John Kirby", "the transfers violate the resolutions")  # confidence 0.7
    c = m.score_claims([said], [gold_claim("John Kirby", "the transfers violate the resolutions")], ["a1"])
    assert c["cl.conf.0.70-0.80.produced"] == 1 and c["cl.conf.0.70-0.80.matched"] == 1

def test_token_f1_is_bag_of_words_f1() -> None:
    assert m.token_f1("a b c d", "a b c d") == 1.0
    assert m.token_f1("a b", "c d") == 0.0
    assert m.token_f1("a b c d", "a b") == pytest.approx(2 * 1.0 * 0.5 / 1.5)


# ---------------------------------------------------------------- dedup


def test_bcubed_on_a_known_clustering() -> None:
    items = ["a", "b", "c", "d"]
    gold = m.complete_clusters([["a", "b", "c"], ["d"]], items)
    pred = m.complete_clusters([["a", "b"], ["c", "d"]], items)
    p_sum, r_sum = m.bcubed(pred, gold, items)
    # precision: a 1, b 1, c 1/2, d 1/2; recall: a 2/3, b 2/3, c 1/3, d 1
    assert p_sum / 4 == pytest.approx(0.75)
    assert r_sum / 4 == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_extended_bcubed_handles_an_article_in_two_clusters() -> None:
    items = ["a", "b", "c"]
    gold = m.complete_clusters([["a", "b"], ["a", "c"]], items)
    p_sum, r_sum = m.bcubed(gold, gold, items)
    assert p_sum == pytest.approx(3) and r_sum == pytest.approx(3)
    merged = m.complete_clusters([["a", "b", "c"]], items)
    p_sum, r_sum = m.bcubed(merged, gold, items)
    assert p_sum < 3 and r_sum < 3


def test_dedup_counts_pairs_and_cross_lingual_recall() -> None:
    languages = {"a": "it", "b": "en", "c": "en", "d": "it"}
    produced = [incident(article_ids=["a", "b"], iid="x"), incident(article_ids=["c"], iid="y")]
    c = m.score_dedup(produced, [["a", "b", "c"], ["d"]], languages)
    assert c["dd.pairs_gold"] == 3 and c["dd.pairs_pred"] == 1 and c["dd.pairs_ok"] == 1
    # gold cross-lingual pairs: a-b, a-c; only a-b is cited together
    assert c["dd.cross_gold"] == 2 and c["dd.cross_ok"] == 1


def test_a_perfect_clustering_scores_one_everywhere() -> None:
    languages = {"a": "it", "b": "en", "d": "it"}
    produced = [incident(article_ids=["a", "b"]), incident(article_ids=["d"], iid="z")]
    metrics = group_metrics([_result("dedup", m.score_dedup(produced, [["a", "b"], ["d"]],
                                                             languages))])
    for name in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_f1",
                 "crosslingual_recall"):
        assert metrics[f"dedup.{name}"] == pytest.approx(1.0)


# ---------------------------------------------------------------- running and aggregating


def _case(tasks: list[str], **kw: Any) -> GoldCase:
    article = {"article_id": "a1", "source": "example.org", "language": "en",
               "published_at": "2024-03-05T08:00:00+00:00", "title": "Shelling",
               "body": "Russian forces shelled Kharkiv on Monday."}
    return GoldCase.model_validate({"case_id": "t-1", "dataset": "toy", "tasks": tasks,
                                    "articles": [article], **kw})


def test_a_case_that_raises_is_a_failure_counted_as_wrong() -> None:
    def broken(_: object) -> tuple[list[Incident], list[Claim]]:
        raise RuntimeError("boom")

    case = _case(["incidents", "dedup"], incidents=[gold_incident().model_dump()],
                 clusters=[["a1"]])
    result = run_case(case, runner=broken)
    assert result.error == "RuntimeError: boom"
    metrics = aggregate([result])["toy"]["all"]
    assert metrics["cases_failed"] == 1
    assert metrics["incidents.precision"] == 0.0 and metrics["incidents.recall"] == 0.0
    assert metrics["dedup.bcubed_f1"] == 0.0


def test_a_case_is_scored_from_what_the_runner_produced() -> None:
    case = _case(["incidents"], incidents=[gold_incident(day=dt.date(2024, 3, 4)).model_dump()])
    result = run_case(case, runner=lambda arts: ([incident(article_ids=["a1"])], []))
    assert result.error is None and result.language == "en"
    assert aggregate([result])["toy"]["en"]["incidents.f1"] == 1.0


def _result(task: str, counts: m.Counts) -> CaseResult:
    return CaseResult(case_id="x", dataset="toy", language="en", tasks=[task],  # type: ignore[list-item]
                      seconds=0.0, counts=counts)


def test_attribution_is_judged_on_pairs_matched_by_content_alone() -> None:
    gold = [gold_claim("John Kirby", "the transfers violate the resolutions")]
    produced = [claim("Dmitry Peskov", "the transfers violate the resolutions")]
    c = m.score_claims(produced, gold, ["a1"])
    assert c["cl.matched"] == 0
    assert c["cl.attr_n"] == 1 and c["cl.attr_ok"] == 0


def test_a_case_that_runs_past_the_time_limit_is_a_failure() -> None:
    def slow(_: object) -> tuple[list[Incident], list[Claim]]:
        time.sleep(2)
        return [], []

    case = _case(["incidents"], incidents=[gold_incident().model_dump()])
    result = run_case(case, runner=slow, timeout_s=0.05)
    assert result.error is not None and "timed out" in result.error
    assert result.seconds < 1.5

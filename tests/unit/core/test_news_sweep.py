"""Specification sweep: short war reports written for this test, read as an ACLED coder would."""

from datetime import UTC, datetime

import pytest

from schemas import Article
from services.core.extract import extract_article

PUBLISHED = datetime(2024, 6, 11, 9, tzinfo=UTC)  # a Tuesday

Coding = tuple[str, str, str, int | None, int | None]


def codings(language: str, title: str, body: str) -> list[Coding]:
    article = Article(article_id="sweep", source="example.org", title=title, body=body,
                      published_at=PUBLISHED, language=language)
    incidents = [m.incident for m in extract_article(article).mentions if m.incident is not None]
    return [(i.sub_event_type, i.location.name, str(i.date.start), i.fatalities.best or None,
             i.injured.best or None) for i in incidents]


CODED = [
    ("it", "Ucraina, raid russo su Kharkiv: almeno tre morti",
     "Nella notte tra domenica e lunedì le forze russe hanno colpito Kharkiv con missili balistici. "
     "Almeno tre civili sono morti e una decina sono rimasti feriti, ha riferito il governatore.",
     [("Shelling/artillery/missile attack", "Kharkiv", "2024-06-10", 3, 10)]),
    ("it", "Bombe plananti su Zaporizhzhia",
     "All'alba di oggi l'esercito russo ha sganciato bombe plananti su Zaporizhzhia. "
     "Due persone sono rimaste uccise e cinque ferite.",
     [("Air/drone strike", "Zaporizhzhia", "2024-06-11", 2, 5)]),
    ("it", "Sumy, attacco con droni",
     "Un attacco con droni russi ha colpito la città di Sumy lunedì scorso, uccidendo una donna e "
     "ferendo quattro persone.",
     [("Air/drone strike", "Sumy", "2024-06-10", 1, 4)]),
    ("it", "Kherson sotto i bombardamenti",
     "Le truppe russe hanno bombardato con l'artiglieria Kherson nella mattinata di oggi: un uomo "
     "di 60 anni è morto.",
     [("Shelling/artillery/missile attack", "Kherson", "2024-06-11", 1, None)]),
    ("it", "Proteste a Tbilisi",
     "Migliaia di persone hanno manifestato ieri sera a Tbilisi contro la legge sugli agenti stranieri.",
     [("Peaceful protest", "Tbilisi", "2024-06-10", None, None)]),
    ("en", "Death toll in Odesa rises to 12",
     "The death toll from Saturday's Russian missile attack on Odesa rose to 12, officials said on "
     "Tuesday.",
     [("Shelling/artillery/missile attack", "Odesa", "2024-06-08", 12, None)]),
    ("en", "Police arrest protesters in Tbilisi",
     "Georgian police arrested 20 protesters in Tbilisi on Monday night.",
     [("Protest with intervention", "Tbilisi", "2024-06-10", None, None)]),
    ("it", "Vertice Nato a Washington",
     "I leader della Nato si riuniranno a Washington il mese prossimo per discutere degli aiuti "
     "militari all'Ucraina.", []),
    ("it", "Nuove sanzioni Ue contro Mosca",
     "Il Consiglio dell'Ue ha approvato oggi il quattordicesimo pacchetto di sanzioni contro la Russia.", []),
    ("en", "Russian missile strike kills 4 in Dnipro",
     "A Russian missile strike on Dnipro overnight on Monday killed four people, including a child, "
     "and injured 19, regional governor Serhii Lysak said.",
     [("Shelling/artillery/missile attack", "Dnipro", "2024-06-10", 4, 19)]),
    ("en", "Guided bombs hit Kharkiv",
     "Russian forces dropped guided aerial bombs on Kharkiv early on Sunday, injuring two people.",
     [("Air/drone strike", "Kharkiv", "2024-06-09", None, 2)]),
    ("en", "Ukraine marks anniversary of Kramatorsk strike",
     "Ukraine on Tuesday marked one year since a Russian strike on a pizza restaurant in Kramatorsk "
     "killed 13 people.", []),
]


@pytest.mark.parametrize(("language", "title", "body", "expected"), CODED)
def test_a_short_war_report_is_coded_as_an_acled_coder_would(
        language: str, title: str, body: str, expected: list[Coding]) -> None:
    assert codings(language, title, body) == expected

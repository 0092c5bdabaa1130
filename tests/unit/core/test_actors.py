"""Actor phrases, their kind, country and role in a sentence (services.core.actors)."""

from services.core.actors import Actor, clause_subject, find_actors


def _by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def test_putins_army_is_russian_state_forces_and_the_perpetrator() -> None:
    sentence = "Ieri l'esercito di Putin ha lanciato sette attacchi missilistici sulle città di Kramatorsk."
    actors = _by_name(find_actors(sentence, "it"))
    russian = actors["Russian forces"]
    assert (russian.kind, russian.country_code, russian.role) == ("state_forces", "RU", "perpetrator")
    assert sentence[russian.start:russian.end] == "l'esercito di Putin"


def test_occupiers_are_read_as_russian_forces() -> None:
    actors = find_actors("Gli occupanti hanno bombardato Kupiansk con l'artiglieria.", "it")
    assert actors[0].name == "Russian forces"
    assert actors[0].role == "perpetrator"


def test_ukrainian_defence_forces_repelling_attacks_are_the_perpetrator() -> None:
    actors = _by_name(find_actors("Le forze di difesa ucraine hanno respinto gli attacchi di Mosca a Bakhmut.", "it"))
    assert actors["Ukrainian forces"].role == "perpetrator"
    assert actors["Ukrainian forces"].country_code == "UA"
    assert actors["Russian forces"].role == "perpetrator"


def test_object_of_an_attack_verb_is_the_target() -> None:
    actors = _by_name(find_actors("Hamas militants attacked Israeli soldiers near the fence.", "en"))
    assert actors["Hamas"].role == "perpetrator"
    assert actors["Hamas"].kind == "armed_group"
    assert actors["Israeli forces"].role == "target"


def test_by_marks_the_perpetrator_of_a_passive_sentence() -> None:
    actors = _by_name(find_actors("Two civilians were killed by Russian forces in Kherson.", "en"))
    assert actors["Russian forces"].role == "perpetrator"
    assert actors["civilians"].role == "target"
    assert actors["civilians"].kind == "civilians"


def test_contro_marks_the_target() -> None:
    actors = _by_name(find_actors("Un attacco di droni contro le truppe ucraine è stato segnalato.", "it"))
    assert actors["Ukrainian forces"].role == "target"


def test_named_groups_and_police_have_their_kind() -> None:
    actors = _by_name(find_actors("Wagner fighters and police clashed near the border.", "en"))
    assert actors["Wagner Group"].kind == "armed_group"
    assert actors["Wagner Group"].country_code == "RU"
    assert actors["police"].kind == "state_forces"


def test_a_longer_actor_phrase_is_not_also_reported_as_its_head_noun() -> None:
    actors = find_actors("Russian forces shelled the town.", "en")
    assert [a.name for a in actors] == ["Russian forces"]


def test_sentence_without_actors_gives_none() -> None:
    assert find_actors("It rained all day in Turin.", "en") == []


def test_a_source_named_with_according_to_or_secondo_is_neither_side() -> None:
    actors = _by_name(find_actors("Secondo il governo, i miliziani di Hamas hanno lanciato razzi contro Israele.", "it"))
    assert actors["government"].role == "other"
    assert actors["Hamas"].role == "perpetrator"


def test_the_speaker_of_a_report_is_not_the_attacker() -> None:
    actors = _by_name(find_actors("The Ukrainian army said Russian troops attacked its positions near Avdiivka.", "en"))
    assert actors["Ukrainian forces"].role == "other"
    assert actors["Russian forces"].role == "perpetrator"


def test_the_object_of_an_arrest_is_the_target_even_before_another_clause() -> None:
    actors = _by_name(find_actors("Police arrested two suspects after gunmen opened fire on worshippers.", "en"))
    assert actors["police"].role == "perpetrator"
    assert actors["suspect"].role == "target"
    assert actors["rebels"].role == "perpetrator"
    assert actors["civilians"].role == "target"


def test_a_hyphenated_modifier_is_not_an_actor() -> None:
    actors = find_actors("Israeli airstrikes killed 12 people, according to the Hamas-run health ministry.", "en")
    assert [(a.name, a.role) for a in actors] == [("Israeli forces", "perpetrator")]


def test_a_sentence_naming_no_actor_gives_none_even_with_an_attack_verb() -> None:
    assert find_actors("Heavy shelling hit the outskirts overnight.", "en") == []


def test_a_capitalised_attack_verb_is_read_like_a_lower_case_one() -> None:
    lower = find_actors("Russian forces attacked the village.", "en")
    upper = find_actors("RUSSIAN FORCES ATTACKED THE VILLAGE.", "en")
    assert [a.role for a in upper] == [a.role for a in lower] == ["perpetrator"]


def test_callers_get_a_list_of_their_own_though_readings_are_reused() -> None:
    sentence = "Hamas fighters attacked an army post."
    first = find_actors(sentence, "en")
    first.clear()
    assert find_actors(sentence, "en")


def test_the_subject_of_a_clause_is_its_first_actor_after_the_subordinator() -> None:
    sentence = "An army spokesman said that rebels have taken over four localities."
    subject = clause_subject(sentence, "en", sentence.index("have taken"))
    assert subject is not None and subject.kind == "armed_group"


def test_an_actor_after_a_preposition_is_no_subject() -> None:
    sentence = "Clashing with insurgents and capturing a village."
    assert clause_subject(sentence, "en", sentence.index("capturing")) is None


def test_actors_found_through_the_gate_match_a_plain_union_scan() -> None:
    import regex

    from services.core.actors import _mentions, _rules
    from services.core.lexicon import fold_case, language_section

    for language, sentence in (
        ("en", "The IDF said Israeli troops and Hamas fighters clashed near the border."),
        ("en", "Police arrested two men after the protest."),
        ("it", "L'esercito russo ha colpito Kharkiv, secondo le forze armate ucraine."),
        ("en", "The weather was mild and the market reopened."),
    ):
        rules = _rules(language)
        bodies = ["|".join(f"(?:{p})" for p in e["patterns"]) for e in language_section("actors", language)["actors"]]
        union = "|".join(f"(?P<a{i}>{body})" for i, body in enumerate(bodies))
        scan = regex.compile(rf"(?<!\w)(?:{union})(?![\w-])", regex.IGNORECASE)
        scanned = []
        for m in scan.finditer(sentence, overlapped=True):
            entry = rules.entries[int((m.lastgroup or "a0")[1:])]
            own = entry.pattern.match(sentence, m.start())
            scanned.append((m.start(), own.end() if own else m.end(), entry))
        scanned.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        kept: list[tuple[int, int, object]] = []
        for start, end, entry in scanned:
            if all(end <= s or start >= e for s, e, _ in kept):
                kept.append((start, end, entry))
        assert _mentions(sentence, rules, rules.gate.possible(fold_case(sentence))) == sorted(kept, key=lambda f: f[0])


def test_an_entry_whose_patterns_share_a_first_letter_is_still_found() -> None:
    # "Israeli …" and "IDF" begin alike: the filter reads each pattern's literals on its own
    assert [a.name for a in find_actors("The IDF confirmed the strike.", "en")] == ["Israeli forces"]

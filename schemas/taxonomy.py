"""The ACLED event taxonomy and the weapons vocabulary, spelled exactly as the contract requires."""

from typing import Literal, get_args

EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

SubEventType = Literal[
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
]

Weapon = Literal[
    "artillery",
    "missile",
    "rocket",
    "drone",
    "aircraft",
    "mortar",
    "tank",
    "grenade",
    "mine",
    "small_arms",
    "ied",
    "knife",
    "chemical",
    "other",
]

PARENT: dict[str, str] = {
    **dict.fromkeys(
        ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        "Battles",
    ),
    **dict.fromkeys(
        [
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
        "Explosions/Remote violence",
    ),
    **dict.fromkeys(
        ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        "Violence against civilians",
    ),
    **dict.fromkeys(
        ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        "Protests",
    ),
    **dict.fromkeys(["Violent demonstration", "Mob violence"], "Riots"),
    **dict.fromkeys(
        [
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
        "Strategic developments",
    ),
}

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
SUB_EVENT_TYPES: tuple[str, ...] = get_args(SubEventType)
WEAPONS: tuple[str, ...] = get_args(Weapon)

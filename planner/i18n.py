"""Labels in Dutch (the users' language) and English.

Every label the CLI or the app shows goes through :func:`t`, so switching language
changes all of them. Dutch uses the terms of the field: opgave, realisatie, uitruil,
amv, peildatum, bestuurlijk voornemen.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

LABELS: dict[str, tuple[str, str]] = {
    # table columns
    "name": ("Gemeente", "Municipality"),
    "municipality": ("Gemeente", "Municipality"),
    "code": ("CBS-code", "CBS code"),
    "region": ("Regio", "Region"),
    "province": ("Provincie", "Province"),
    "quota": ("Opgave", "Quota"),
    "amv_quota": ("Amv-opgave", "amv quota"),
    "places": ("Eigen plekken", "Own places"),
    "amv_places": ("Amv-plekken", "amv places"),
    "swapped_in": ("Uitruil in", "Swapped in"),
    "swapped_out": ("Uitruil uit", "Swapped out"),
    "amv_swapped_in": ("Amv uitruil in", "amv swapped in"),
    "amv_swapped_out": ("Amv uitruil uit", "amv swapped out"),
    "credited": ("Realisatie", "Credited"),
    "amv_credited": ("Amv-realisatie", "amv credited"),
    "shortfall": ("Tekort", "Shortfall"),
    "amv_shortfall": ("Amv-tekort", "amv shortfall"),
    "surplus": ("Overschot", "Surplus"),
    "municipal_shortfall": ("Som gemeentelijke tekorten", "Sum of municipal shortfalls"),
    "amv_municipal_shortfall": (
        "Som gemeentelijke amv-tekorten",
        "Sum of municipal amv shortfalls",
    ),
    "soft_plans": ("Bestuurlijke voornemens", "Soft plans"),
    "amv_soft_plans": ("Amv-voornemens", "amv soft plans"),
    "coverage": ("Percentage", "Coverage"),
    "marginal_value": ("Marginale waarde", "Marginal value"),
    "amv_marginal_value": ("Marginale waarde amv", "Marginal value amv"),
    "total": ("Totaal", "Total"),
    "counts": ("Telt mee", "Counts"),
    "why": ("Waarom niet", "Why not"),
    "target_group": ("Doelgroep", "Target group"),
    "type": ("Soort opvang", "Type"),
    "operator": ("Beheer", "Operator"),
    "start": ("Startdatum", "Start"),
    "end": ("Einddatum", "End"),
    "decided": ("Besluit genomen", "Decision taken"),
    "status": ("Status", "Status"),
    "source": ("Bron", "Source"),
    "id": ("Id", "Id"),
    "location": ("Locatie", "Location"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    # headings
    "cycle_table": ("Cyclustabel", "Cycle table"),
    "window": ("Peildata", "Window"),
    "overrides": ("Tellingen die op een uitzondering rusten", "Counts resting on overrides"),
    "rule_verdict": ("Datumregel", "Date rule"),
    "override_reason": ("Reden", "Reason"),
    "guaranteed": ("Gegarandeerd", "Guaranteed"),
    "with_soft_plans": ("Inclusief bestuurlijke voornemens", "Including soft plans"),
    "decision_required": ("besluit vereist", "decision required"),
    "no_decision_required": ("geen besluit vereist", "no decision required"),
}


def t(key: str, lang: Lang = "nl") -> str:
    """The label of ``key`` in ``lang``; the key itself when there is no label."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "nl" else pair[1]

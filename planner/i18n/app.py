"""Labels for app pages (municipality page, warnings while editing) (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------ warnings while editing (instance)
    "warn_starts_after": (
        "begint {start}, {days} dagen na de peildatum {w0}",
        "starts {start}, {days} days after the window start {w0}",
    ),
    "warn_ends_before": (
        "eindigt {end}, {days} dagen vóór het einde van de periode {w1}",
        "ends {end}, {days} days before the window end {w1}",
    ),
    "warn_start_unknown": ("startdatum nog niet bekend", "start date not yet known"),
    "warn_end_unknown": (
        "einddatum onbekend (niet zeker dat de plekken tot het einde van de periode blijven)",
        "end date unknown (not known to last until the window end)",
    ),
    "warn_no_decision": (
        "het besluit is nog niet genomen en deze cyclus vraagt een besluit",
        "the decision is not taken and this cycle requires one",
    ),
    "warn_soft_plan": (
        "bestuurlijk voornemen: telt alleen mee als de cyclus voornemens meetelt",
        "soft plan (bestuurlijk voornemen): counts only when the cycle counts soft plans",
    ),
    "warn_closed": ("gesloten in dit scenario", "closed in this scenario"),
    "warn_not_agreed": ("status {status}: niet afgesproken", "status {status}: not agreed"),
    "warn_condition_not_met": (
        "de voorwaarde van de afspraak is niet vervuld",
        "the agreement's condition is not met",
    ),
    "status_proposed": ("voorgesteld", "proposed"),
    "status_agreed": ("afgesproken", "agreed"),
    "status_locked": ("vastgelegd", "locked"),
    "part_candidate": ("Kandidaatlocatie", "Candidate site"),
    "part_location_change": ("Wijziging locatie", "Location change"),
    "part_swap": ("Uitruil", "Swap"),
    "part": ("Onderdeel", "Part"),
    "why_not_counting": ("Waarom telt het niet mee", "Why it does not count"),
    "scenario_valid_but": (
        "Het scenario is geldig, maar {n} onderdelen tellen niet mee",
        "The scenario is valid, but {n} items do not count",
    ),
    "scenario_valid_but_one": (
        "Het scenario is geldig, maar 1 onderdeel telt niet mee",
        "The scenario is valid, but 1 item does not count",
    ),
    "warnings_caption": (
        "Deze onderdelen kunnen voor deze cyclus niet meetellen; doorrekenen verandert er "
        "niets door. Pas de datum, het besluit of de status aan.",
        "These items cannot count for this cycle; solving will not change that. Adjust the "
        "date, the decision or the status.",
    ),
}

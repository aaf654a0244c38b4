"""Labels for cycles, readiness and the plan over the years (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # the status of a cycle
    "cycle_assumed": (
        "AANNAME: de regels en opgaven van {cycle} zijn een aanname van deze gegevens, "
        "geen besluit ({source})",
        "ASSUMPTION: the rules and quotas of {cycle} are an assumption of this data, "
        "not a decision ({source})",
    ),
    "cycle_assumed_short": ("aanname", "assumption"),
    "cycle_status": ("Status cyclus", "Cycle status"),
    "cycle_status_decided": ("vastgesteld", "decided"),
    "cycle_status_assumed": ("aanname", "assumed"),
    "cycle_rules_durable": (
        "duurzaam: beschikbaar tot ten minste {until} ({years} jaar na de peildatum)",
        "durable: available until at least {until} ({years} years after the window start)",
    ),
    "cycle_rules_min_places": (
        "locaties vanaf {places} plekken",
        "locations of at least {places} places",
    ),
    "cycle_rules_types": ("soorten die tellen: {types}", "types that count: {types}"),
    # why a place does not count under a later cycle's rules
    "reason_not_durable": (
        "niet duurzaam: eindigt op {end}",
        "not durable: ends on {end}",
    ),
    "reason_not_durable_unknown": (
        "niet duurzaam: einddatum onbekend",
        "not durable: end date unknown",
    ),
    "reason_too_small": (
        "te klein: {places} plekken, minimaal {min_places}",
        "too small: {places} places, at least {min_places}",
    ),
    "reason_type_not_counted": (
        "soort telt niet: {type}",
        "type does not count: {type}",
    ),
    "reason_starts_after": ("start na de peildatum ({start})", "starts after the window ({start})"),
    "reason_start_unknown": ("startdatum onbekend", "start date unknown"),
    "reason_ends_before": ("eindigt voor het venster ({end})", "ends before the window ({end})"),
    "reason_end_unknown": ("einddatum onbekend", "end date unknown"),
    "reason_no_decision": ("geen besluit", "no decision"),
    "reason_closed": ("gesloten", "closed"),
    "reason_soft_plan": ("bestuurlijk voornemen", "soft plan"),
    "reason_override": ("uitzondering ({override})", "override ({override})"),
    "reason_other_cycle": ("geldt voor een andere cyclus", "agreed for another cycle"),
    # readiness
    "readiness_title": (
        "Gereedheid voor {to}: welke plekken van {frm} blijven tellen",
        "Readiness for {to}: which places of {frm} still count",
    ),
    "readiness_rules": ("Regels {cycle}", "Rules of {cycle}"),
    "readiness_both": ("Telt in beide", "Counts in both"),
    "readiness_drop": ("Valt af", "Drops out"),
    "readiness_only_to": ("Alleen nieuw", "New only"),
    "readiness_quota_to": ("Opgave", "Quota"),
    "readiness_remaining": ("Resterende opgave", "Remaining quota"),
    "readiness_amv_remaining": ("Resterende amv-opgave", "Remaining amv quota"),
    "readiness_latest_start": ("Uiterlijk starten", "Start by"),
    "readiness_locations": ("Locaties", "Locations"),
    "readiness_municipalities": ("Gemeenten", "Municipalities"),
    "readiness_status_both": ("telt in beide", "counts in both"),
    "readiness_status_drops": ("valt af", "drops out"),
    "readiness_status_only_to": ("telt alleen in {to}", "counts only in {to}"),
    "readiness_latest_start_note": (
        "Uiterlijk starten: een nieuwe locatie telt voor {to} als zij uiterlijk op deze datum "
        "start (de peildatum {w0}), minstens tot {until} beschikbaar blijft"
        "{size} en het besluit genomen is.",
        "Start by: a new location counts for {to} when it starts on this date at the latest "
        "(the window start {w0}), stays available until at least {until}"
        "{size} and its decision is taken.",
    ),
    "readiness_size_note": (
        ", ten minste {places} plekken heeft",
        ", has at least {places} places",
    ),
    "readiness_total": ("Totaal", "Total"),
    "readiness_page": ("Gereedheid", "Readiness"),
    "readiness_from": ("Van cyclus", "From cycle"),
    "readiness_to": ("Naar cyclus", "To cycle"),
    "readiness_why": ("Waarom", "Why"),
    "readiness_col_quota": ("Opgave ({cycle})", "Quota ({cycle})"),
    "readiness_col_amv_quota": ("Amv-opgave ({cycle})", "amv quota ({cycle})"),
    "readiness_col_credited": ("Realisatie ({cycle})", "Credited ({cycle})"),
    "readiness_col_amv_credited": ("Amv-realisatie ({cycle})", "amv credited ({cycle})"),
    "readiness_col_counts": ("Telt in {cycle}", "Counts in {cycle}"),
    "readiness_col_status": ("Gereedheid", "Readiness"),
    "readiness_col_durable_until": ("Beschikbaar tot ten minste", "Available until at least"),
    "readiness_col_extend_to": ("Verlengen tot", "Extend to"),
    "readiness_end_indefinite": ("onbepaald", "indefinite"),
    "readiness_end_unknown": ("n.n.t.b.", "not yet known"),
    "readiness_one_cycle": (
        "De gegevens hebben opgaven voor één cyclus. Voeg de opgaven van de volgende cyclus "
        "toe (planner quotas import BESTAND --cycle ID) om te zien wat blijft tellen.",
        "The data has quotas for one cycle. Add the next cycle's quotas (planner quotas "
        "import FILE --cycle ID) to see what still counts.",
    ),
    # quotas import
    "quotas_written": (
        "{n} opgaven voor {cycle} geschreven naar {path}",
        "{n} quotas for {cycle} written to {path}",
    ),
    # the plan over the years
    "hz_cannot_count_cycle": (
        "kandidaat {id} kan niet meetellen voor {cycle}: {why}",
        "candidate {id} cannot count for {cycle}: {why}",
    ),
    "code_already_counts": ("telt al mee", "already counts"),
    "code_closed": ("gesloten", "closed"),
    "code_type_not_counted": ("soort telt niet", "type does not count"),
    "hz_no_type": (
        "zonder soort (type), dus niet getoetst aan de regel over soorten van de cycli: {id} "
        "(geef een type op)",
        "without a type, so not checked against the cycles' types rule: {id} (give a type)",
    ),
    "horizon_title": ("Plan over de jaren: {name}", "Plan over the years: {name}"),
    "horizon_months": (
        "{n} maanden, {start} - {end}; cycli: {cycles}",
        "{n} months, {start} - {end}; cycles: {cycles}",
    ),
    "horizon_levels": ("Doelen (in volgorde)", "Objectives (in order)"),
    "horizon_level_continuity": (
        "continuïteit (plek-maanden onder de opgave)",
        "continuity (place-months below quota)",
    ),
    "horizon_cycle": ("Cyclus {cycle}", "Cycle {cycle}"),
    "horizon_candidates": ("Kandidaten", "Candidates"),
    "horizon_start_month": ("Startmaand", "Start month"),
    "horizon_counts_for": ("Telt voor", "Counts for"),
    "horizon_not_opened": ("niet geopend", "not opened"),
    "horizon_shortfall_from": (
        "{name}: tekort vanaf {month} ({below} plekken onder de opgave; {months} maanden "
        "onder de opgave in de horizon)",
        "{name}: shortfall from {month} ({below} places below quota; {months} months "
        "below quota in the horizon)",
    ),
    "horizon_no_shortfall": (
        "{name}: in elke maand op of boven de opgave",
        "{name}: at or above quota in every month",
    ),
    "horizon_shortfall_heading": ("Wanneer begint een tekort", "When a shortfall starts"),
    "horizon_sheet_monthly": ("per maand", "per month"),
    "horizon_sheet_gantt": ("locaties in de tijd", "locations over time"),
    "horizon_sheet_starts": ("tekort vanaf", "shortfall from"),
    "horizon_sheet_levels": ("doelen", "objectives"),
    "horizon_sheet_candidates": ("kandidaten", "candidates"),
    # explain, compare and risk on a plan over the years
    "horizon_explain_title": (
        "Uitleg plan over de jaren: {name} (per gemeente: vanaf welke maand een tekort, "
        "wat daarvoor eindigde, tekort per cyclus)",
        "Explanation of the plan over the years: {name} (per municipality: the month a "
        "shortfall starts, what ended just before, shortfall per cycle)",
    ),
    "horizon_ended_before": ("daarvoor eindigde: {locations}", "ended just before: {locations}"),
    "horizon_cycle_shortfall": ("tekort {cycle}: {shortfall}", "shortfall {cycle}: {shortfall}"),
    "horizon_compare_title": (
        "Vergelijking van {n} plannen over de jaren: doelen per cyclus",
        "Comparison of {n} plans over the years: objectives per cycle",
    ),
    "horizon_level": ("Doel", "Objective"),
    "horizon_compare_mixed": (
        "vergelijken kan alleen scenario's van één soort: {with_} heeft een horizon, {without} "
        "niet. Vergelijk plannen over de jaren met elkaar, of geef alle scenario's een "
        "horizon (of geen).",
        "compare needs scenarios of one kind: {with_} has a horizon, {without} has not. "
        "Compare plans over the years with each other, or give every scenario a horizon "
        "(or none).",
    ),
    "horizon_risk_refused": (
        "planner risk ondersteunt nog geen plan over de jaren ({path} heeft een horizon): "
        "de trekkingen gelden één venster. Haal 'horizon' uit het scenario (of gebruik een "
        "scenario zonder horizon) en kies de cyclus met --cycle.",
        "planner risk does not support a plan over the years yet ({path} has a horizon): "
        "its draws are about one window. Remove 'horizon' from the scenario (or use a "
        "scenario without one) and choose the cycle with --cycle.",
    ),
    # the page "Plan over de jaren"
    "horizon_page": ("Plan over de jaren", "Plan over the years"),
    "horizon_page_scenario": ("Scenario met horizon", "Scenario with a horizon"),
    "horizon_page_none": (
        "Geen scenario met een horizon gevonden (zie scenarios/horizon-2025-2030.yaml).",
        "No scenario with a horizon found (see scenarios/horizon-2025-2030.yaml).",
    ),
    "horizon_page_province": ("Provincie per maand", "Province per month"),
    "horizon_page_municipality": ("Gemeente", "Municipality"),
    "horizon_page_gantt": ("Locaties in de tijd", "Locations over time"),
    "horizon_page_month": ("Maand", "Month"),
    "horizon_page_places": ("Plekken", "Places"),
    "horizon_page_measure": ("Maat", "Measure"),
    "horizon_page_kind": ("Soort", "Kind"),
    "horizon_page_start": ("Start", "Start"),
    "horizon_page_end": ("Einde", "End"),
    "horizon_chart_credited": ("geteld (met uitruil)", "credited (with swaps)"),
    "horizon_chart_capacity": ("in eigen gemeente", "in its own territory"),
    "horizon_chart_quota": ("opgave", "quota"),
    "horizon_gantt_location": ("bestaande locatie", "existing location"),
    "horizon_gantt_candidate": ("gekozen kandidaat", "chosen candidate"),
}

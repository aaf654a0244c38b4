"""Labels for the programmes asiel, oek and statushouders (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # the programmes
    "programme": ("Programma", "Programme"),
    "programme_asiel": ("Asielopvang incl. amv", "Asylum reception incl. amv"),
    "programme_oek": ("Opvang Oekraïense ontheemden", "Reception of Ukrainian displaced persons"),
    "programme_statushouders": ("Huisvesting statushouders", "Housing of status holders"),
    "programme_short_asiel": ("Asiel", "Asylum"),
    "programme_short_oek": ("Oekraïne", "Ukraine"),
    "programme_short_statushouders": ("Statushouders", "Status holders"),
    # the programmes' tables, in the layout of the provincial plan (001 section 4)
    "oek_quota": ("Inspanningsverplichting", "Effort obligation"),
    "oek_places": ("Realisatie vóór peildatum", "Realised before the reference date"),
    "oek_credited": ("Meegeteld incl. uitruil", "Credited incl. swaps"),
    "oek_private_reception": ("Ontheemden in POO", "Displaced persons in private reception"),
    "oek_located_places": ("Plekken volgens locaties", "Places by location"),
    "oek_planned_places": ("Toekomstige plekken", "Future places"),
    "sh_target": ("Taakstelling", "Target"),
    "sh_quota": ("Taakstelling incl. voor/achterstand", "Target incl. backlog"),
    "sh_places": ("Realisatie op peildatum", "Realised on the reference date"),
    "sh_credited": ("Meegeteld incl. uitruil", "Credited incl. swaps"),
    "sh_kso_amv_places": ("KSO-plekken amv", "Small-scale amv places (KSO)"),
    "sh_transit_places": ("Plekken doorstroomlocaties", "Places in transit locations"),
    "same_building": ("Asiellocatie in hetzelfde gebouw", "Asylum location in the same building"),
    "programme_swapped": ("Uitruil", "Swapped"),
    "programme_difference": ("Verschil", "Difference"),
    "programme_reference_date": ("peildatum", "reference date"),
    "programme_period": ("periode", "period"),
    "programme_counting_cycle_window": (
        "telt locaties die het hele venster van de cyclus in gebruik zijn",
        "counts locations in use through the cycle's window",
    ),
    "programme_counting_realised_at_reference_date": (
        "realisatie zoals gemeld vóór de peildatum, tegen de inspanningsverplichting",
        "realisation as reported before the reference date, against the obligation",
    ),
    "programme_counting_realisation_against_target": (
        "gehuisveste statushouders op de peildatum, tegen de taakstelling incl. voor/achterstand",
        "status holders housed on the reference date, against the target incl. backlog",
    ),
    "programme_missing": ("Geen opgave in de data voor", "No target in the data for"),
    "programme_location_check": (
        "Realisatie wijkt af van de plekken volgens locaties",
        "Realisation differs from the places by location",
    ),
    "programme_swaps": ("Uitruil tussen programma's", "Swaps across programmes"),
    "programme_swap_counts": ("telt", "counts"),
    "programme_swap_not_counted": ("telt niet", "does not count"),
    "all_programmes": ("Drie opgaven per gemeente", "Three tasks per municipality"),
    "cross_swap_explanation": (
        "{to} telt {places} {programme_plural} in {host}, in ruil voor {counter_places} "
        "{counter_plural} in {to}",
        "{to} counts {places} {programme_plural} in {host}, in return for {counter_places} "
        "{counter_plural} in {to}",
    ),
    "places_plural_asiel": ("asielplekken", "asylum places"),
    "places_plural_oek": (
        "plekken voor Oekraïense ontheemden",
        "places for Ukrainian displaced persons",
    ),
    "places_plural_statushouders": ("plekken voor statushouders", "places for status holders"),
    # OEK candidates in a scenario (issue 12)
    "why_oek_starts_after": (
        "begint {start}, niet vóór de OEK-peildatum {day}: telt niet mee voor de "
        "inspanningsverplichting",
        "starts {start}, not before the OEK reference date {day}: it cannot count for the "
        "obligation",
    ),
    "why_oek_ends_before": (
        "eindigt {end}, vóór de OEK-peildatum {day}: telt niet mee voor de inspanningsverplichting",
        "ends {end}, before the OEK reference date {day}: it cannot count for the obligation",
    ),
    "why_oek_no_reference_date": (
        "de data geven geen OEK-peildatum (programmes.csv)",
        "the data give no OEK reference date (programmes.csv)",
    ),
    "msg_oek_candidates_no_targets": (
        "OEK-kandidaten tellen niet: de data hebben geen OEK-opgave (programme_targets.csv)",
        "OEK candidates cannot count: the data hold no OEK targets (programme_targets.csv)",
    ),
    "pa_site_oek": (
        "{id} in {municipality} ({places} plekken voor Oekraïense ontheemden)",
        "{id} in {municipality} ({places} places for Ukrainian displaced persons)",
    ),
    "msg_cross_programme_no_time": (
        "uitruil tussen programma's doet niet mee in een plan over de jaren",
        "swaps across programmes take no part in a plan over the years",
    ),
    "msg_oek_candidates_no_time": (
        "OEK-kandidaten doen niet mee in een plan over de jaren: {ids}",
        "OEK candidates take no part in a plan over the years: {ids}",
    ),
    # one municipality's three tasks (programme_overview, the municipality page)
    "overview_task": ("Soort opgave", "Task"),
    "overview_when": ("Periode / peildatum", "Period / reference date"),
    "overview_realised": ("Gerealiseerd", "Realised"),
    "overview_task_asiel": ("Spreidingswet-opgave incl. amv", "Dispersal Act quota incl. amv"),
    "overview_task_oek": ("Inspanningsverplichting", "Effort obligation"),
    "overview_task_statushouders": (
        "Taakstelling incl. voor/achterstand",
        "Target incl. backlog",
    ),
    "code_oek": ("Oekraïense ontheemden", "Ukrainian displaced persons"),
    # the programmes' tables in every export (sheet names, at most 31 characters)
    "programme_table_name": ("Naam", "Name"),
    # the scenario editor's columns for OEK candidates and swaps across programmes
    "ed_counter_programme": ("In ruil voor programma", "In return for programme"),
    "ed_counter_places": ("Plekken in ruil", "Places in return"),
    "col_in_use": ("In gebruik op peildatum", "In use on the reference date"),
    "sheet_programme_oek": ("Opgave Oekraïne", "Ukraine task"),
    "sheet_programme_statushouders": ("Opgave statushouders", "Status holder task"),
    "sheet_all_programmes": ("Drie opgaven", "Three tasks"),
    "export_all_programmes": (
        "Drie opgaven per gemeente (Excel)",
        "Three tasks per municipality (Excel)",
    ),
    "export_all_programmes_help": (
        "Asiel, Oekraïense ontheemden en statushouders naast elkaar, met de tabel van elk "
        "programma (als planner report --all-programmes --xlsx)",
        "Asylum, Ukrainian displaced persons and status holders side by side, with each "
        "programme's table (as planner report --all-programmes --xlsx)",
    ),
    "gm_programmes": ("De drie opgaven", "The three tasks"),
    "gm_programmes_help": (
        "Asiel (Spreidingswet, de cyclus hierboven), opvang van Oekraïense ontheemden "
        "(inspanningsverplichting) en huisvesting van statushouders (taakstelling), elk "
        "geteld volgens de eigen regel van het programma, met de bron.",
        "Asylum (Spreidingswet, the cycle above), reception of Ukrainian displaced persons "
        "(effort obligation) and housing of status holders (target), each counted by the "
        "programme's own rule, with its source.",
    ),
}

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
    # the app (pages, widgets, messages)
    "page_overview": ("Overzicht", "Overview"),
    "page_locations": ("Locaties", "Locations"),
    "page_scenario": ("Scenario", "Scenario"),
    "author": ("Auteur (uw naam)", "Author (your name)"),
    "author_help": ("Staat bij elke opgeslagen versie", "Recorded with every saved version"),
    "data_bundled": ("Gegevens: meegeleverde data", "Data: the bundled data"),
    "data_uploaded": (
        "Gegevens met geüpload locatiebestand",
        "Data with an uploaded locations file",
    ),
    "data_reset": ("Terug naar de meegeleverde data", "Back to the bundled data"),
    "unexpected_error": ("Onverwachte fout", "Unexpected error"),
    "problems": ("Problemen", "Problems"),
    "loading": ("Gegevens laden", "Loading the data"),
    "amv": ("Amv", "amv"),
    "amv_help": (
        "Gerealiseerde plekken / opgave voor alleenstaande minderjarige vreemdelingen; ze "
        "tellen ook mee voor de totale opgave",
        "Credited places / quota for unaccompanied minors; they also count towards the total quota",
    ),
    "soft_plans_short": ("Voornemens", "Soft plans"),
    "soft_plans_help": (
        "Bestuurlijke voornemens: niet gegarandeerd, tellen niet mee",
        "Soft plans (bestuurlijke voornemens): not guaranteed, not counted",
    ),
    "chart_title": (
        "Opgave en realisatie per gemeente",
        "Quota and credited places per municipality",
    ),
    "chart_caption": (
        "Brede balk: opgave, gekleurd naar tekort; smalle balk: gegarandeerde plekken",
        "Wide bar: quota, coloured by shortfall; narrow bar: guaranteed places",
    ),
    "map_title": ("Dekking per gemeente", "Coverage per municipality"),
    "map_missing": (
        "Geen gemeentegrenzen in de data (gemeenten_2024.geojson)",
        "No municipal borders in the data (gemeenten_2024.geojson)",
    ),
    "map_source": (
        "Kaart: gemeentegrenzen 2024, bron CBS / Kadaster, CC BY 4.0",
        "Map: municipal borders 2024, source CBS / Kadaster, CC BY 4.0",
    ),
    "municipality_table": ("Tabel per gemeente", "Table per municipality"),
    "filters": ("Filters", "Filters"),
    "counts_all": ("alle", "all"),
    "counts_yes": ("telt mee", "counts"),
    "counts_no": ("telt niet", "does not count"),
    "locations_shown": ("locaties", "locations"),
    "places_counting": ("plekken tellen mee", "places count"),
    "timeline_title": ("Plekken in gebruik per maand", "Places in use per month"),
    "timeline_caption": (
        "Op de eerste dag van elke maand, voor de gemeenten van de filters (anders de hele "
        "provincie); gearceerd: de peildata van de cyclus",
        "On the first day of every month, for the municipalities of the filters (else the "
        "whole province); shaded: the cycle's window",
    ),
    "from_month": ("Vanaf", "From"),
    "to_month": ("Tot en met", "Up to"),
    "timeline_order": ("De einddatum ligt voor de begindatum", "The end lies before the start"),
    "tl_places": ("In gebruik", "In use"),
    "tl_decided": ("Besloten", "Decided"),
    "tl_with_credits": ("Inclusief uitruil", "Including swaps"),
    "month": ("Maand", "Month"),
    "places_in_use": ("Plekken", "Places"),
    "upload_locations": (
        "Locatiebestand controleren (locations.csv)",
        "Check a locations file (locations.csv)",
    ),
    "upload_locations_help": (
        "Het bestand wordt gecontroleerd zoals planner report dat doet; is het goed, dan "
        "rekent de app er in deze sessie mee",
        "The file is checked as planner report does; if it is valid, the app uses it in "
        "this session",
    ),
    "upload_problems": ("Het bestand heeft problemen", "The file has problems"),
    "saved_scenarios": ("Opgeslagen scenario's", "Saved scenarios"),
    "open": ("Openen", "Open"),
    "new_name": ("Naam nieuw scenario", "New scenario's name"),
    "start_from": ("Nieuw vanaf dit scenario", "Start from this one"),
    "upload_scenario": ("Scenariobestand laden (YAML)", "Load a scenario file (YAML)"),
    "upload_loaded": (
        "Scenariobestand geladen; nog niet opgeslagen",
        "Scenario file loaded; not saved yet",
    ),
    "draft_restored": ("Uw bewerking is hersteld", "Your edit has been restored"),
    "new_scenario": ("Nieuw scenario", "New scenario"),
    "editing": ("Bewerken", "Editing"),
    "version": ("versie", "version"),
    "unsaved_new": ("nieuw scenario, nog niet opgeslagen", "new scenario, not saved yet"),
    "parent": ("Afgeleid van", "Derived from"),
    "scenario_title": ("Titel", "Title"),
    "description": ("Omschrijving", "Description"),
    "tab_candidates": ("Kandidaatlocaties", "Candidate sites"),
    "tab_location_changes": ("Wijzigingen locaties", "Location changes"),
    "tab_policy": ("Uitruilbeleid en limieten", "Swap policy and limits"),
    "tab_register": ("Uitruilregister", "Swap register"),
    "tab_swap_settings": ("Uitruilbeleid", "Swap policy"),
    "tab_limits": ("Limieten", "Limits"),
    "help_candidates": (
        "Nieuwe locaties (new) of verlenging / uitbreiding van een bestaande (extend / "
        "enlarge). Een rij toevoegen: +.",
        "New sites (new) or the extension / enlargement of an existing one (extend / "
        "enlarge). Add a row: +.",
    ),
    "help_location_changes": (
        "Plekken, data of besluit van een bestaande locatie wijzigen, of haar sluiten.",
        "Change an existing location's places, dates or decision, or close it.",
    ),
    "help_register": (
        "Uitruilafspraken: agreed en locked liggen vast, proposed mag de optimalisatie gebruiken.",
        "Swap agreements: agreed and locked are fixed, the optimiser may use proposed ones.",
    ),
    "policy": ("Uitruilbeleid", "Swap policy"),
    "policy_none": ("geen uitruil", "no swaps"),
    "policy_agreements": ("alleen vastgelegde afspraken", "recorded agreements only"),
    "policy_region": ("binnen de regio", "within the region"),
    "policy_province": ("binnen de provincie", "within the province"),
    "policy_neighbours": ("tussen buurgemeenten", "between neighbours"),
    "max_per_pair": ("Max. per paar gemeenten", "Max per pair of municipalities"),
    "max_in_per_municipality": ("Max. ontvangen per gemeente", "Max received per municipality"),
    "swap_amv": ("Amv-plekken mogen ook worden uitgeruild", "amv places may be swapped too"),
    "givers": ("Gevers", "Givers"),
    "receivers": ("Ontvangers", "Receivers"),
    "everyone": ("iedereen", "everyone"),
    "limits": ("Limieten", "Limits"),
    "max_new_locations": ("Max. nieuwe locaties", "Max new sites"),
    "max_new_places": ("Max. nieuwe plekken", "Max new places"),
    "max_cost": ("Max. kosten", "Max cost"),
    "scenario_invalid": (
        "Het scenario kan zo niet worden doorgerekend",
        "The scenario cannot be solved like this",
    ),
    "scenario_valid": ("Het scenario is geldig", "The scenario is valid"),
    "solve": ("Doorrekenen", "Solve"),
    "save": ("Opslaan", "Save"),
    "save_as_name": ("Opslaan als (naam)", "Save as (name)"),
    "save_as": ("Opslaan als nieuw", "Save as new"),
    "not_solved_invalid": (
        "Niet doorgerekend: los eerst de problemen hierboven op",
        "Not solved: fix the problems above first",
    ),
    "not_saved_invalid": (
        "Niet opgeslagen: los eerst de problemen op",
        "Not saved: fix the problems first",
    ),
    "solving": ("Bezig met doorrekenen", "Solving"),
    "conflict": ("Niet opgeslagen", "Not saved"),
    "open_newest": ("Nieuwste versie openen", "Open the newest version"),
    "saved": ("Opgeslagen", "Saved"),
    "result": ("Resultaat", "Result"),
    "result_stale": (
        "De invoer is gewijzigd sinds de laatste berekening: reken opnieuw door",
        "The inputs changed since the last solve: solve again",
    ),
    "solve_time": ("rekentijd", "solve time"),
    "not_solved_status": ("Geen oplossing: zie de meldingen", "No solution: see the messages"),
    "time_limit_reached": (
        "Tijdslimiet bereikt: de oplossing is niet bewezen optimaal",
        "Time limit reached: the answer is not proven optimal",
    ),
    "provincial_shortfall": ("Tekort provincie", "Provincial shortfall"),
    "tab_levels": ("Doelen", "Objectives"),
    "tab_levels_table": ("Provincie en regio's", "Province and regions"),
    "tab_municipalities": ("Gemeenten", "Municipalities"),
    "tab_swaps": ("Uitruil", "Swaps"),
    "tab_marginal": ("Marginale waarden", "Marginal values"),
    "messages": ("Meldingen", "Messages"),
    "no_candidates": ("Geen kandidaatlocaties", "No candidate sites"),
    "no_messages": ("Geen meldingen", "No messages"),
    "swaps_agreed": ("Vastgelegde afspraken", "Agreed"),
    "swaps_proposed": ("Voorgesteld door de optimalisatie", "Proposed by the optimiser"),
    "marginal_caption": (
        "Wat één plek meer in een gemeente oplevert, bij de gekozen locaties en uitruil",
        "What one more place in a municipality would lower, given the chosen sites and swaps",
    ),
    "download_xlsx": ("Excel downloaden", "Download Excel"),
    "download_yaml": ("Scenariobestand downloaden (YAML)", "Download the scenario file (YAML)"),
    "changes_vs_parent": (
        "Wijzigingen ten opzichte van het ouderscenario",
        "Changes against the parent scenario",
    ),
    "unsaved_changes": ("Niet-opgeslagen wijzigingen", "Unsaved changes"),
    "no_changes": ("Geen wijzigingen", "No changes"),
    "no_parent": ("Dit scenario heeft geen ouder", "This scenario has no parent"),
    "history": ("Versiegeschiedenis", "Version history"),
    # app table columns
    "site": ("Naam locatie", "Site"),
    "note": ("Toelichting", "Note"),
    "kind": ("Soort", "Kind"),
    "min_places": ("Min. plekken", "Min places"),
    "max_places": ("Max. plekken", "Max places"),
    "cost": ("Kosten", "Cost"),
    "must_open": ("Moet open", "Must open"),
    "probability": ("Kans", "Probability"),
    "end_indefinite": ("Geen einddatum", "No end"),
    "close": ("Sluiten", "Close"),
    "from": ("Van", "From"),
    "to": ("Naar", "To"),
    "condition": ("Voorwaarde", "Condition"),
    "ed_places": ("Plekken", "Places"),
    "ed_decided": ("Besluit (leeg = ongewijzigd)", "Decision (empty = unchanged)"),
    "opened": ("Geopend", "Opened"),
    "reason": ("Reden", "Reason"),
    "section": ("Onderdeel", "Section"),
    "key": ("Sleutel", "Key"),
    "field": ("Veld", "Field"),
    "before": ("Was", "Before"),
    "after": ("Wordt", "After"),
    "file": ("Bestand / tabel", "File / table"),
    "line": ("Regel / rij", "Line / row"),
    "column": ("Kolom / veld", "Column / field"),
    "value": ("Gevonden", "Found"),
    "message": ("Probleem", "Problem"),
    "fix": ("Oplossing", "Fix"),
    "objective": ("Doel", "Objective"),
    "optimum": ("Waarde", "Value"),
    "choose": ("Kies", "Choose"),
    "area": ("Gebied", "Area"),
    "place": ("Eén plek meer", "One more place"),
    "amv_place": ("Eén amv-plek meer", "One more amv place"),
    "saved_by": ("Opgeslagen door", "Saved by"),
    "saved_at": ("Tijdstip", "Saved at"),
    "title": ("Titel", "Title"),
    "rule_why": ("Wat de datumregel zegt", "What the date rule says"),
    # the app: Vergelijken, Export, Risico and the explanations on Scenario
    "page_compare": ("Vergelijken", "Compare"),
    "page_export": ("Export", "Export"),
    "page_risk": ("Risico", "Risk"),
    "scenario": ("Scenario", "Scenario"),
    "choose_scenario": ("Scenario", "Scenario"),
    "choose_version": ("Versie", "Version"),
    "open_on_scenario_page": ("Open op de pagina Scenario", "Open on the Scenario page"),
    "edited": ("gewijzigd", "edited"),
    "unsaved_edits_included": (
        "inclusief niet-opgeslagen wijzigingen",
        "unsaved edits included",
    ),
    "store_empty": ("Er zijn nog geen scenario's opgeslagen", "No scenarios have been saved yet"),
    "compare_intro": (
        "Kies twee of meer opgeslagen scenario's. Het eerste is de referentie: de "
        "verschillen (Δ) zijn die van elk ander scenario min de referentie.",
        "Choose two or more saved scenarios. The first is the reference: the differences "
        "(Δ) are each other scenario minus the reference.",
    ),
    "compare_pick": (
        "Scenario's (het eerste is de referentie)",
        "Scenarios (the first is the reference)",
    ),
    "compare_need_two": (
        "Kies minstens twee scenario's om te vergelijken",
        "Choose at least two scenarios to compare",
    ),
    "compare_unsolved": (
        "Niet te vergelijken: geen oplossing voor",
        "Cannot compare: no answer for",
    ),
    "reference": ("referentie", "reference"),
    "tab_province": ("Provincie", "Province"),
    "tab_regions": ("Regio's", "Regions"),
    "tab_inputs": ("Invoer", "Inputs"),
    "only_differences": ("Alleen gemeenten met verschillen", "Only municipalities that differ"),
    "compare_chart_title": (
        "Verschil per gemeente ten opzichte van de referentie",
        "Difference per municipality against the reference",
    ),
    "compare_chart_caption": (
        "Per gemeente waar iets verandert: de verandering in gerealiseerde plekken en in "
        "het tekort (negatief: minder tekort)",
        "Per municipality where something changes: the change in credited places and in "
        "the shortfall (negative: less short)",
    ),
    "no_differences": ("Geen verschillen per gemeente", "No differences per municipality"),
    "input_diff_title": (
        "Invoerverschillen zoals het model ze ziet",
        "Input differences as the model sees them",
    ),
    "input_diff_caption": (
        "Regels, uitruilbeleid, limieten, locaties, kandidaten en uitruil na toepassen "
        "van elk scenario op de data",
        "Rules, swap policy, limits, locations, candidates and swaps after applying each "
        "scenario to the data",
    ),
    "scenario_diff_title": (
        "Wijzigingen in de scenario's zelf ten opzichte van de referentie",
        "Changes in the scenarios themselves against the reference",
    ),
    "scenario_diff_caption": (
        "Zoals geschreven, met wat het model niet ziet: kansen, toelichtingen, rekeninstellingen",
        "As written, including what the model does not see: probabilities, notes, solver settings",
    ),
    "no_input_differences": ("Geen invoerverschillen", "No input differences"),
    "download_compare_xlsx": ("Vergelijking downloaden (Excel)", "Download the comparison (Excel)"),
    "download_compare_json": ("Vergelijking downloaden (JSON)", "Download the comparison (JSON)"),
    "compare_file": ("vergelijking", "comparison"),
    "report_file": ("cyclustabel", "cycle-table"),
    "p10_p90": ("P10 – P90", "P10 – P90"),
    "difference": ("Verschil", "Difference"),
    "difference_vs_reference": ("Verschil met de referentie", "Difference from the reference"),
    "export_intro": (
        "Wat planner solve --export schrijft, als downloads: de werkmap, elke tabel als "
        "CSV en het JSON-document met het beslisverslag.",
        "What planner solve --export writes, as downloads: the workbook, every table as "
        "CSV and the JSON document with the decision record.",
    ),
    "export_result_title": ("Resultaat van het scenario", "The scenario's result"),
    "download_workbook": ("Werkmap (Excel)", "Workbook (Excel)"),
    "download_csv_zip": ("Alle tabellen als CSV (zip)", "Every table as CSV (zip)"),
    "download_json": ("JSON-document", "JSON document"),
    "choose_sheet": ("Eén tabel als CSV", "One table as CSV"),
    "download_csv": ("CSV downloaden", "Download CSV"),
    "export_contents": ("Inhoud van de werkmap", "What the workbook holds"),
    "export_report_title": (
        "Cyclustabel van de data (zonder scenario)",
        "Cycle table of the data (no scenario)",
    ),
    "export_report_caption": (
        "Wat planner report schrijft: gemeenten, regio's en provincie, locaties, uitruil "
        "en uitzonderingen",
        "What planner report writes: municipalities, regions and province, locations, "
        "swaps and overrides",
    ),
    "download_report_xlsx": ("Cyclustabel (Excel)", "Cycle table (Excel)"),
    "download_report_csv": ("Cyclustabel (CSV)", "Cycle table (CSV)"),
    "download_report_json": ("Cyclustabel (JSON)", "Cycle table (JSON)"),
    "risk_intro": (
        "Per trekking wordt bepaald welke onzekere plannen op tijd gerealiseerd worden; "
        "uitruil en kandidaten worden per trekking opnieuw geoptimaliseerd.",
        "Each draw decides which uncertain plans are realised in time; swaps and "
        "candidates are re-optimised for every draw.",
    ),
    "risk_no_plans": (
        "Dit scenario heeft geen kandidaten met een kans of startvertraging: elke trekking "
        "is dan gelijk. Geef kandidaten een kans (kolom Kans op de pagina Scenario) of kies "
        "bijvoorbeeld soft-plans-risk.",
        "This scenario has no candidates with a probability or start delay: every draw "
        "would be the same. Give candidates a probability (column Probability on the "
        "Scenario page) or choose e.g. soft-plans-risk.",
    ),
    "risk_plans_title": ("Onzekere plannen", "Uncertain plans"),
    "risk_draws": ("Aantal trekkingen", "Number of draws"),
    "risk_seed": ("Seed", "Seed"),
    "risk_seed_help": (
        "Dezelfde seed geeft dezelfde uitkomst",
        "The same seed gives the same outcome",
    ),
    "risk_fast": ("Snel: alleen totalen", "Fast: totals only"),
    "risk_fast_help": (
        "Ongeveer drie keer sneller. Totalen, kans op halen van de opgave en het belang "
        "van plannen blijven gelijk; de verdeling van tekorten over gemeenten wordt dan "
        "niet bepaald.",
        "About three times faster. Totals, the chance of meeting the quota and the plans' "
        "importance are the same; the split of shortfalls over municipalities is then not "
        "decided.",
    ),
    "risk_run": ("Risico doorrekenen", "Run the risk analysis"),
    "draws": ("Trekkingen", "Draws"),
    "risk_waiting": (
        "Een andere risicoberekening loopt nog; deze start daarna",
        "Another risk run is still going; this one starts after it",
    ),
    "risk_stale": (
        "Scenario of keuzes zijn gewijzigd sinds de laatste berekening: reken opnieuw door",
        "The scenario or choices changed since the last run: run again",
    ),
    "p_meet_quota": (
        "Kans dat de provincie de opgave haalt",
        "Chance the province meets its quota",
    ),
    "expected_provincial_shortfall": (
        "Verwacht provinciaal tekort",
        "Expected provincial shortfall",
    ),
    "risk_summary_title": ("Spreiding over de trekkingen", "Spread over the draws"),
    "risk_histogram_title": (
        "Provinciaal tekort over de trekkingen",
        "Provincial shortfall over the draws",
    ),
    "risk_municipalities_title": (
        "Gemeenten met kans op tekort",
        "Municipalities that may be short",
    ),
    "risk_fast_no_municipalities": (
        "Snelle berekening: de verdeling van tekorten over gemeenten is niet bepaald",
        "Fast run: the split of shortfalls over municipalities is not decided",
    ),
    "risk_importance_title": ("Welke plannen het zwaarst wegen", "Which plans matter most"),
    "risk_importance_caption": (
        "Daling = verwacht tekort min verwacht tekort als het plan zeker doorgaat",
        "Drop = expected shortfall minus expected shortfall if the plan were certain",
    ),
    "risk_not_ok": (
        "Niet alle trekkingen zijn opgelost: zie de meldingen",
        "Not every draw was solved: see the messages",
    ),
    "download_risk_json": ("Uitkomst downloaden (JSON)", "Download the outcome (JSON)"),
    "tab_breakdown": ("Waarom tekort", "Why short"),
    "tab_burden": ("Belasting", "Burden"),
    "tab_conditions": ("Voorwaarden uitruil", "Swap conditions"),
    "breakdown_caption": (
        "Per gemeente met tekort: het deel dat te dichten is met plekken die net buiten de "
        "peildata vallen, het deel dat wacht op een besluit, en de capaciteit die ontbreekt",
        "Per municipality that is short: the part that places just outside the window "
        "could close, the part that awaits a decision, and the capacity that is missing",
    ),
    "burden_caption": (
        "Bevolking: CBS, 1 januari 2024 (CBS 2024, CC BY 4.0)",
        "Population: CBS, 1 January 2024 (CBS 2024, CC BY 4.0)",
    ),
    "conditions_caption": (
        "Uitruilafspraken met een voorwaarde, en of de data eraan voldoen",
        "Swap agreements with a condition, and whether the data meet it",
    ),
    "no_shortfalls": ("Geen gemeente heeft een tekort", "No municipality is short"),
    "no_conditions": (
        "Geen uitruilafspraken met een voorwaarde",
        "No swap agreements with a condition",
    ),
    # app table columns (Vergelijken, Export, Risico, explanations)
    "sheet": ("Blad", "Sheet"),
    "csv_file": ("CSV-bestand", "CSV file"),
    "rows": ("Rijen", "Rows"),
    "columns": ("Kolommen", "Columns"),
    "present": ("aanwezig", "present"),
    "section_rules": ("regels", "rules"),
    "section_swaps": ("uitruilbeleid", "swap policy"),
    "section_limits": ("limieten", "limits"),
    "section_objective": ("doelen", "objectives"),
    "section_location": ("locatie", "location"),
    "section_candidate": ("kandidaat", "candidate"),
    "section_swap": ("uitruil", "swap"),
    "near_miss_places": ("Plekken net buiten de peildata", "Places just outside the window"),
    "near_miss_days": ("Dagen buiten de peildata (max.)", "Days outside the window (max)"),
    "near_miss_sites": ("Locaties net buiten de peildata", "Sites just outside the window"),
    "awaiting_decision_places": ("Plekken zonder besluit", "Places awaiting a decision"),
    "near_miss_part": ("waarvan te dichten met data", "of which dates could close"),
    "awaiting_decision_part": (
        "waarvan te dichten met een besluit",
        "of which a decision could close",
    ),
    "missing_capacity": ("waarvan ontbrekende capaciteit", "of which missing capacity"),
    "population_2024": ("Inwoners 1-1-2024 (CBS)", "Population 1-1-2024 (CBS)"),
    "places_per_1000": ("Plekken per 1.000 inwoners", "Places per 1,000 inhabitants"),
    "quota_per_1000": ("Opgave per 1.000 inwoners", "Quota per 1,000 inhabitants"),
    "credited_to_quota_pct": ("Realisatie / opgave (%)", "Credited / quota (%)"),
    "condition_municipality": ("Voorwaarde voor", "Condition on"),
    "condition_places": ("Vereiste eigen plekken", "Own places required"),
    "condition_date": ("Uiterlijk op", "By"),
    "places_found": ("Gevonden plekken", "Places found"),
    "state": ("Vervuld", "Met"),
    "state_met": ("vervuld", "met"),
    "state_not_met": ("niet vervuld", "not met"),
    "state_none": ("geen voorwaarde", "no condition"),
    "measure": ("Grootheid", "Measure"),
    "plan_places": ("Plekken", "Places"),
    "mean": ("Gemiddeld", "Mean"),
    "p10": ("P10", "P10"),
    "p50": ("P50 (mediaan)", "P50 (median)"),
    "p90": ("P90", "P90"),
    "p_meet_pct": ("Kans opgave gehaald (%)", "Chance of meeting the quota (%)"),
    "p_short_pct": ("Kans op tekort (%)", "Chance of a shortfall (%)"),
    "probability_pct": ("Kans gerealiseerd (%)", "Chance realised (%)"),
    "p_in_time_pct": ("Kans op tijd (%)", "Chance in time (%)"),
    "realised_share_pct": ("Op tijd in de trekkingen (%)", "In time in the draws (%)"),
    "importance_provincial": (
        "Daling verwacht provinciaal tekort",
        "Drop in expected provincial shortfall",
    ),
    "importance_municipal": (
        "Daling verwachte som gemeentelijke tekorten",
        "Drop in expected sum of municipal shortfalls",
    ),
    "start_delay": (
        "Startvertraging min / modus / max (dagen)",
        "Start delay min / mode / max (days)",
    ),
}


def t(key: str, lang: Lang = "nl") -> str:
    """The label of ``key`` in ``lang``; the key itself when there is no label."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "nl" else pair[1]

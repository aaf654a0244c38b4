"""Labels for report, export, PDF and plain-language answer texts (Dutch, English).

Also the texts the library builds from structured fields: why a place does not count,
override verdicts, solver messages and statuses, codes of statuses and kinds
(``code_<value>``), and the column headers of every sheet (``col_<key>``).
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # why a place does not count (planner.counting.count builds these from fields)
    "why_starts_after": (
        "begint {start}, {days} na het begin van de periode ({window_start})",
        "starts {start}, {days} after the window start {window_start}",
    ),
    "why_list": ("{parts}", "{parts}"),
    "why_start_unknown": ("startdatum nog niet bekend", "start date not yet known"),
    "why_ends_before": (
        "eindigt {end}, {days} voor het einde van de periode ({window_end})",
        "ends {end}, {days} before the window end {window_end}",
    ),
    "why_end_unknown": (
        "einddatum onbekend (niet bekend dat de plekken tot na de periode blijven)",
        "end date unknown (not known to last beyond the window)",
    ),
    "why_no_decision": ("besluit nog niet genomen", "decision not yet taken"),
    "why_soft_plan": (
        "bestuurlijk voornemen, niet gegarandeerd",
        "soft plan (bestuurlijk voornemen), not guaranteed",
    ),
    "why_not_agreed": ("status {status}: niet overeengekomen", "status {status}: not agreed"),
    "why_condition_not_met": ("de voorwaarde is niet vervuld", "its condition is not met"),
    "why_closed": ("gesloten in dit scenario", "closed in this scenario"),
    "why_counted_as_location": ("telt al als locatie", "already counted as a location"),
    "why_cannot_count_cycle": (
        "{why}: telt niet mee voor deze cyclus",
        "{why}: it cannot count for this cycle",
    ),
    "why_policy_none": ("uitruilbeleid geen: geen uitruil", "swap policy none: no swaps at all"),
    "override_counts": (
        "telt door uitzondering ({id}); datumregel: {rule}",
        "counted by override ({id}); date rule: {rule}",
    ),
    "override_not_counts": (
        "telt niet door uitzondering ({id}); datumregel: {rule}",
        "not counted by override ({id}); date rule: {rule}",
    ),
    "rule_counts": ("telt", "counts"),
    "rule_not_counts": ("telt niet", "does not count"),
    "days_one": ("1 dag", "1 day"),
    "days_many": ("{n} dagen", "{n} days"),
    # solver and instance messages
    "msg_swap_override_condition": (
        "uitruil {id} telt door uitzondering, hoewel de voorwaarde niet is vervuld: "
        "{municipality} heeft op {date} {found} van de {need} eigen plekken in gebruik",
        "swap {id} counts by override although its condition is not met: {municipality} "
        "has {found} of {need} own places in use on {date}",
    ),
    "msg_candidate_cannot_count": (
        "kandidaat {id} ({municipality}) telt niet: {why}",
        "candidate {id} ({municipality}) cannot count: {why}",
    ),
    "msg_no_adjacency": (
        "beleid buurgemeenten: geen adjacency_2024.csv in de gegevensmap",
        "policy neighbours: no adjacency_2024.csv in the data folder",
    ),
    "msg_proposed_cannot_count": (
        "voorgestelde uitruil {id} telt niet: {why}",
        "proposed swap {id} cannot count: {why}",
    ),
    "msg_proposed_outside": (
        "voorgestelde uitruil {id} komt van buiten de gegevens ({municipality}); "
        "leg hem vast als overeengekomen om hem mee te tellen",
        "proposed swap {id} comes from outside the data ({municipality}); record it as "
        "agreed to count it",
    ),
    "msg_proposed_no_surplus": (
        "voorgestelde uitruil {id} is niet bruikbaar: {municipality} kan in dit scenario "
        "geen overschot hebben (hoogstens {most} eigen plekken tegen een opgave van {quota})",
        "proposed swap {id} cannot be used: {municipality} cannot have a surplus in this "
        "scenario (at most {most} own places against a quota of {quota})",
    ),
    "msg_duals": (
        "marginale waarden uit LP-dualen (HiGHS niet geïnstalleerd)",
        "marginal values from LP duals (HiGHS not installed)",
    ),
    "msg_matrix_needs_highs": (
        "de matrixroute heeft HiGHS nodig; opgelost via PuLP",
        "the matrix engine needs HiGHS; solved through PuLP instead",
    ),
    "msg_time_limit": (
        "tijdslimiet van {seconds} s bereikt bij doel {level}: het antwoord is bruikbaar "
        "maar niet bewezen optimaal",
        "time limit of {seconds} s reached at level {level}: the answer is feasible but "
        "not proven optimal",
    ),
    "msg_must_open_locations": (
        "{n} kandidaten moeten open ({ids}), maar het maximum aantal nieuwe locaties is {limit}",
        "{n} candidates must open ({ids}) but limits.max_new_locations is {limit}",
    ),
    "msg_must_open_places": (
        "de kandidaten die open moeten hebben minstens {need} plekken nodig, maar het "
        "maximum aantal nieuwe plekken is {limit}",
        "the must-open candidates need at least {need} places but limits.max_new_places is {limit}",
    ),
    "msg_hard_conflict": (
        "deze harde eisen kunnen niet alle tegelijk gelden: {what}",
        "these hard requirements cannot all be met: {what}",
    ),
    # codes of statuses, kinds, solver states (shown through code_label)
    "code_existing": ("bestaand", "existing"),
    "code_planned": ("gepland", "planned"),
    "code_soft_plan": ("bestuurlijk voornemen", "soft plan"),
    "code_new": ("nieuw", "new"),
    "code_extend": ("verlenging", "extension"),
    "code_enlarge": ("uitbreiding", "enlargement"),
    "code_proposed": ("voorgesteld", "proposed"),
    "code_agreed": ("overeengekomen", "agreed"),
    "code_locked": ("vastgelegd", "locked"),
    "code_optimal": ("optimaal", "optimal"),
    "code_time_limit": ("tijdslimiet bereikt", "time limit reached"),
    "code_infeasible": ("onmogelijk (eisen sluiten elkaar uit)", "infeasible"),
    "code_not_solved": ("niet opgelost", "not solved"),
    "code_solver_missing": ("solver ontbreekt", "solver missing"),
    "code_error": ("fout", "error"),
    "code_agreement": ("afspraak", "agreement"),
    "code_policy": ("voorstel optimalisatie", "proposed by the optimiser"),
    "code_record": ("voorstel uit register", "proposed in the register"),
    "code_met": ("vervuld", "met"),
    "code_not_met": ("niet vervuld", "not met"),
    "code_none": ("geen voorwaarde", "no condition"),
    "code_location": ("locatie", "location"),
    "code_swap": ("uitruil", "swap"),
    "code_asiel": ("asiel", "asylum"),
    "code_amv": ("amv", "amv"),
    "code_gemeente": ("gemeente", "municipality"),
    "code_regio": ("regio", "region"),
    "code_provincie": ("provincie", "province"),
    "code_rules": ("regels", "rules"),
    "code_swaps": ("uitruil", "swaps"),
    "code_limits": ("limieten", "limits"),
    "code_objective": ("doelen", "objective"),
    "code_candidate": ("kandidaat", "candidate"),
    # objective levels
    "level_provincial_shortfall": ("Tekort provincie", "Provincial shortfall"),
    "level_amv_shortfall": (
        "Amv-tekort (som gemeenten)",
        "amv shortfall (sum of municipalities)",
    ),
    "level_municipal_shortfall": ("Som gemeentelijke tekorten", "Sum of municipal shortfalls"),
    "level_new_places": ("Nieuwe plekken (x kosten)", "New places (x cost)"),
    "level_swap_volume": ("Uitruilvolume", "Swap volume"),
    "level_oek_shortfall": (
        "Som gemeentelijke tekorten Oekraïne",
        "Sum of municipal shortfalls OEK",
    ),
    # column headers of sheets (col_<key>; a key without one falls back to core labels)
    "col_level": ("Niveau", "Level"),
    "col_value": ("Waarde", "Value"),
    "col_status": ("Status", "Status"),
    "col_key": ("Onderdeel", "Item"),
    "col_from": ("Van", "From"),
    "col_to": ("Naar", "To"),
    "col_from_municipality": ("Van gemeente", "From municipality"),
    "col_to_municipality": ("Naar gemeente", "To municipality"),
    "col_kind": ("Soort", "Kind"),
    "col_lo": ("Min. plekken", "Min places"),
    "col_hi": ("Max. plekken", "Max places"),
    "col_opened": ("Geopend", "Opened"),
    "col_can_count": ("Kan meetellen", "Can count"),
    "col_reason": ("Reden", "Reason"),
    "col_reasons": ("Redencodes", "Reason codes"),
    "col_cost": ("Kosten", "Cost"),
    "col_must_open": ("Moet open", "Must open"),
    "col_probability": ("Kans", "Probability"),
    "col_note": ("Toelichting", "Note"),
    "col_toelichting": ("Toelichting", "Note (Dutch)"),
    "col_leaves_giver_short": ("Gever komt tekort", "Leaves the giver short"),
    "pdf_places": ("Plekken", "Places"),
    "pdf_amv_places": ("Amv-plekken", "amv places"),
    "col_closed": ("Gesloten", "Closed"),
    "col_changed": ("Gewijzigd", "Changed"),
    "col_override_id": ("Uitzondering", "Override"),
    "col_override_reason": ("Reden uitzondering", "Override reason"),
    "col_rule_counts": ("Telt volgens datumregel", "Counts by the date rule"),
    "col_rule_why": ("Wat de datumregel zegt", "What the date rule says"),
    "col_start_text": ("Startdatum", "Start"),
    "col_end_text": ("Einddatum", "End"),
    "col_condition_state": ("Voorwaarde", "Condition"),
    "col_state": ("Voorwaarde", "Condition"),
    "col_population_2024": ("Inwoners 1-1-2024 (CBS)", "Population 1-1-2024 (CBS)"),
    "col_places_per_1000": ("Plekken per 1.000 inwoners", "Places per 1,000 inhabitants"),
    "col_quota_per_1000": ("Opgave per 1.000 inwoners", "Quota per 1,000 inhabitants"),
    "col_credited_to_quota": ("Realisatie / opgave", "Credited / quota"),
    "col_near_miss_places": ("Plekken net buiten de periode", "Places just outside the window"),
    "col_near_miss_days": ("Dagen buiten de periode (max.)", "Days outside the window (max)"),
    "col_near_miss_sites": ("Locaties net buiten de periode", "Sites just outside the window"),
    "col_awaiting_decision_places": ("Plekken zonder besluit", "Places awaiting a decision"),
    "col_near_miss_part": ("Tekort te dichten met data", "Shortfall dates could close"),
    "col_awaiting_decision_part": (
        "Tekort te dichten met een besluit",
        "Shortfall a decision could close",
    ),
    "col_missing_capacity": ("Ontbrekende capaciteit", "Missing capacity"),
    "col_mv_provincial_shortfall": (
        "Marginale waarde: tekort provincie",
        "Marginal value: provincial shortfall",
    ),
    "col_mv_amv_shortfall": ("Marginale waarde: amv-tekort", "Marginal value: amv shortfall"),
    "col_mv_municipal_shortfall": (
        "Marginale waarde: som tekorten",
        "Marginal value: sum of shortfalls",
    ),
    "col_amv_mv_provincial_shortfall": (
        "Marginale waarde amv: tekort provincie",
        "Marginal value amv: provincial shortfall",
    ),
    "col_amv_mv_amv_shortfall": (
        "Marginale waarde amv: amv-tekort",
        "Marginal value amv: amv shortfall",
    ),
    "col_amv_mv_municipal_shortfall": (
        "Marginale waarde amv: som tekorten",
        "Marginal value amv: sum of shortfalls",
    ),
    "col_month": ("Maand", "Month"),
    "col_decided_places": ("Plekken met besluit", "Decided places"),
    "col_swap_credit": ("Saldo uitruil", "Swap credit"),
    "col_agreement_in": ("Uitruil in (afspraken)", "Swapped in (agreements)"),
    "col_agreement_out": ("Uitruil uit (afspraken)", "Swapped out (agreements)"),
    "col_proposed_in": ("Uitruil in (voorgesteld)", "Swapped in (proposed)"),
    "col_proposed_out": ("Uitruil uit (voorgesteld)", "Swapped out (proposed)"),
    "col_in_window": ("In de periode", "In the window"),
    "col_places_decided": ("Plekken met besluit", "Decided places"),
    "col_field": ("Veld", "Field"),
    "col_section": ("Onderdeel", "Section"),
    "col_difference": ("Verschil", "Difference"),
    # sheet names
    "sheet_summary": ("Samenvatting", "Summary"),
    "sheet_answer": ("Antwoord", "Answer"),
    "sheet_objectives": ("Doelen", "Objectives"),
    "sheet_province": ("Provincie", "Province"),
    "sheet_regions": ("Regio's", "Regions"),
    "sheet_municipalities": ("Gemeenten", "Municipalities"),
    "sheet_candidates": ("Kandidaten", "Candidates"),
    "sheet_swaps": ("Uitruil", "Swaps"),
    "sheet_locations": ("Locaties", "Locations"),
    "sheet_conditions": ("Voorwaarden", "Conditions"),
    "sheet_timeline": ("Tijdlijn", "Timeline"),
    "sheet_record": ("Beslisverslag", "Decision record"),
    "sheet_overrides": ("Uitzonderingen", "Overrides"),
    "sheet_inputs": ("Invoerverschillen", "Input differences"),
    # title block and decision record
    "tb_scenario": ("Scenario", "Scenario"),
    "tb_cycle": ("Cyclus", "Cycle"),
    "tb_window": ("Periode", "Window"),
    "tb_made": ("Gemaakt op", "Made on"),
    "tb_data": ("Gegevens (versie)", "Data (version)"),
    "tb_report_title": ("Cyclustabel Spreidingswet", "Spreidingswet cycle table"),
    "tb_result_title": ("Resultaat scenario", "Scenario result"),
    "rec_scenario": ("Scenario", "Scenario"),
    "rec_description": ("Omschrijving", "Description"),
    "rec_scenario_hash": ("Scenario-hash", "Scenario hash"),
    "rec_scenario_text": ("Scenariotekst", "Scenario text"),
    "rec_data_source": ("Gegevensmap", "Data folder"),
    "rec_data_hashes": ("Hash gegevensbestand", "Data file hash"),
    "rec_rules": ("Regel", "Rule"),
    "rec_cycle": ("Cyclus", "Cycle"),
    "rec_window_start": ("Begin periode", "Window start"),
    "rec_window_end": ("Einde periode", "Window end"),
    "rec_require_decision": ("Besluit vereist", "Decision required"),
    "rec_soft_plans_count": ("Voornemens tellen mee", "Soft plans count"),
    "rec_objective_order": ("Volgorde van de doelen", "Order of the objectives"),
    "rec_solver": ("Solver", "Solver"),
    "rec_engine": ("Route naar de solver", "Engine"),
    "rec_package_version": ("Versie planner", "Planner version"),
    "rec_versions": ("Versie", "Version"),
    "rec_status": ("Status", "Status"),
    "rec_levels": ("Doel", "Level"),
    "rec_messages": ("Meldingen", "Messages"),
    "rec_run": ("Uitvoering", "Run"),
    "rec_generated_at": ("Gemaakt op", "Made on"),
    "rec_build_seconds": ("Opbouwtijd (s)", "Build time (s)"),
    "rec_solve_seconds": ("Oplostijd (s)", "Solve time (s)"),
    # terminal texts of solve / explain / compare / report
    "txt_status": ("Status", "Status"),
    "txt_solver": ("solver", "solver"),
    "txt_objectives": ("Doelen (in volgorde):", "Objectives (in order):"),
    "txt_marg": ("marg.", "marg."),
    "txt_marg_note": (
        "marg. = daling van de som van gemeentelijke tekorten per extra plek",
        "marg. = fall of the sum of municipal shortfalls per extra place",
    ),
    "txt_candidates": ("Kandidaten:", "Candidates:"),
    "txt_opened": ("open, {places} plekken", "opened, {places} places"),
    "txt_not_opened": ("niet geopend", "not opened"),
    "txt_cannot_count": ("telt niet: {why}", "cannot count: {why}"),
    "txt_swaps": ("Uitruil:", "Swaps:"),
    "txt_leaves_giver_short": ("! laat de gever tekort", "! leaves the giver short"),
    "txt_messages": ("Meldingen:", "Messages:"),
    "txt_answer": ("Antwoord:", "Answer:"),
    "txt_mv_one_more": (
        "één {what} meer in {name} verlaagt {parts}",
        "one more {what} in {name} lowers {parts}",
    ),
    "txt_mv_none": (
        "één {what} meer in {name} verlaagt geen tekort",
        "one more {what} in {name} lowers no shortfall",
    ),
    "txt_mv_part": ("{level} met {amount}", "{level} by {amount}"),
    "mv_provincial_shortfall": ("het tekort van de provincie", "the provincial shortfall"),
    "mv_amv_shortfall": (
        "het amv-tekort (som gemeenten)",
        "the amv shortfall (sum of municipalities)",
    ),
    "mv_municipal_shortfall": (
        "de som van de gemeentelijke tekorten",
        "the sum of municipal shortfalls",
    ),
    "txt_and": ("en", "and"),
    "txt_place": ("plek", "place"),
    "txt_amv_place": ("amv-plek", "amv place"),
    "txt_near_miss": (
        "net buiten de periode: {sites} (tot {days} buiten de periode)",
        "just outside the window: {sites} (up to {days} outside the window)",
    ),
    "txt_population_note": (
        "Bevolking: CBS 1-1-2024 (CC BY 4.0)",
        "Population: CBS 1 Jan 2024 (CC BY 4.0)",
    ),
    "txt_condition": (
        "{id}: {municipality} {found} van {need} eigen plekken op {date}: {state}",
        "{id}: {municipality} {found} of {need} own places on {date}: {state}",
    ),
    "txt_explain_heads": ("", ""),
    "ex_outside_window": ("net buiten periode", "outside window"),
    "ex_awaiting": ("wacht op besluit", "awaiting decision"),
    "ex_missing": ("ontbrekend", "missing"),
    "ex_per_1000": ("plekken/1.000 inw.", "places/1,000 inh."),
    "ex_credited_to_quota": ("realisatie/opgave", "credited/quota"),
    "cmp_title": ("Vergelijking", "Comparison"),
    "cmp_objectives": ("Doelen", "Objectives"),
    "cmp_province": ("Provincie", "Province"),
    "cmp_regions": ("Regio's", "Regions"),
    "cmp_municipalities": (
        "Gemeenten met verschillen (realisatie en tekort)",
        "Municipalities that differ (credited and shortfall)",
    ),
    "cmp_none": ("geen", "none"),
    "cmp_inputs": ("Invoerverschillen:", "Input differences:"),
    "cmp_present": ("aanwezig", "present"),
    "cmp_measure": ("Grootheid", "Measure"),
    "report_override_line": (
        "{name} ({municipality}, {places}): datumregel {verdict}{why}; {id}: {reason}",
        "{name} ({municipality}, {places}): date rule {verdict}{why}; {id}: {reason}",
    ),
    # notes under the cycle table that explain figures which look inconsistent
    "fig_notes": ("Toelichting op de cijfers:", "Notes on the figures:"),
    "fig_credited": (
        "Realisatie {credited} = eigen plekken {places} + {swapped} plekken via uitruil van "
        "buiten de provincie ({flows}).",
        "Credited {credited} = own places {places} + {swapped} places swapped in from "
        "outside the province ({flows}).",
    ),
    "fig_amv": (
        "Amv: {amv_credited} van de {amv_quota} plekken gerealiseerd; het amv-tekort van de "
        "provincie is {amv_quota} - {amv_credited} = {amv_shortfall}; de som van de "
        "gemeentelijke amv-tekorten is {amv_sum}, omdat een overschot in de ene gemeente "
        "het tekort van een andere niet dekt zonder uitruil.",
        "amv: {amv_credited} of {amv_quota} places credited; the province's amv shortfall "
        "is {amv_quota} - {amv_credited} = {amv_shortfall}; the sum of municipal amv "
        "shortfalls is {amv_sum}, because a surplus in one municipality does not cover "
        "another's shortfall without a swap.",
    ),
    "fig_sum": (
        "Tekort provincie {shortfall} = opgave - realisatie; de som van de gemeentelijke "
        "tekorten ({sum}) is groter, omdat overschotten ({surplus}) alleen via uitruil "
        "meetellen voor een andere gemeente. Een regio waarvan het overschot naar de "
        "andere regio gaat, krijgt daardoor een hoger regionaal tekort.",
        "Provincial shortfall {shortfall} = quota - credited; the sum of municipal "
        "shortfalls ({sum}) is larger because surpluses ({surplus}) count for another "
        "municipality only through a swap. A region whose surplus goes to the other "
        "region therefore shows a higher regional shortfall.",
    ),
    # a save conflict in the store (planner.store.ConflictError.message)
    "conflict_message": (
        "Scenario '{name}' is als versie {latest} opgeslagen door {author} op {when}, nadat "
        "{started}. Er is niets overschreven en uw wijziging is bewaard: open de nieuwste "
        "versie, of sla de uwe op onder een andere naam.",
        "Scenario '{name}' was saved as version {latest} by {author} at {when} after "
        "{started}. Nothing was overwritten and your edit is kept: open the newest "
        "version, or save yours under another name.",
    ),
    "conflict_started_new": (
        "u een nieuw scenario met deze naam begon",
        "you started a new scenario with this name",
    ),
    "conflict_opened_version": ("u versie {version} opende", "you opened version {version}"),
    # plain-language answer (planner.results.summary)
    "pa_shortfall": (
        "Het tekort van de provincie wordt {shortfall} plekken (opgave {quota}, "
        "realisatie {credited}, {pct}).",
        "The province's shortfall becomes {shortfall} places (quota {quota}, credited "
        "{credited}, {pct}).",
    ),
    "pa_vs_parent": (
        "Dat is {change} dan in {parent} ({value}).",
        "That is {change} than in {parent} ({value}).",
    ),
    "pa_lower": ("{n} minder", "{n} lower"),
    "pa_higher": ("{n} meer", "{n} higher"),
    "pa_vs_parent_same": (
        "Dat is evenveel als in {parent} ({value}).",
        "That is the same as in {parent} ({value}).",
    ),
    "pa_more": ("en nog {n}", "and {n} more"),
    "pa_sum": (
        "De som van de gemeentelijke tekorten is {value}{change}; het amv-tekort van de "
        "provincie {amv}{amv_change}.",
        "The sum of municipal shortfalls is {value}{change}; the province's amv shortfall "
        "{amv}{amv_change}.",
    ),
    "pa_change_suffix": (" ({change} t.o.v. {parent})", " ({change} against {parent})"),
    "pa_same_suffix": (" (gelijk aan {parent})", " (as in {parent})"),
    "pa_opens": ("Open gaat: {sites}.", "Opens: {sites}."),
    "pa_site": (
        "{id} in {municipality} ({places} plekken)",
        "{id} in {municipality} ({places} places)",
    ),
    "pa_no_sites": ("Er gaat geen kandidaatlocatie open.", "No candidate site opens."),
    "pa_not_counting": (
        "Telt niet mee: {sites}.",
        "Cannot count: {sites}.",
    ),
    "pa_not_counting_site": ("{id} ({why})", "{id} ({why})"),
    "pa_swaps": ("Voorgestelde uitruil: {swaps}.", "Proposed swaps: {swaps}."),
    "pa_swap": ("{from_} naar {to} {places}", "{from_} to {to} {places}"),
    "pa_no_swaps": (
        "De optimalisatie stelt geen uitruil voor.",
        "The optimiser proposes no swaps.",
    ),
    "pa_why": (
        "Van de gemeentelijke tekorten ({total}) zijn {near} plekken te dichten met andere "
        "data (locaties net buiten de periode) en {wait} met een besluit dat nog niet is "
        "genomen; voor {missing} plekken bestaat nog geen plan.",
        "Of the municipal shortfalls ({total}), {near} places could be closed with other "
        "dates (sites just outside the window) and {wait} with a decision not yet taken; "
        "{missing} places have no plan yet.",
    ),
    "pa_most_short": (
        "De grootste tekorten: {list}.",
        "The largest shortfalls: {list}.",
    ),
    "pa_item": ("{name} {value}", "{name} {value}"),
    "pa_not_answered": (
        "Dit scenario heeft geen antwoord: {status}. {messages}",
        "This scenario has no answer: {status}. {messages}",
    ),
    "pa_parent": ("het ouderscenario", "the parent scenario"),
    "pa_metric": ("Grootheid", "Measure"),
    "pa_this": ("Dit scenario", "This scenario"),
    "pa_change": ("Verschil", "Change"),
    # PDF
    "pdf_page": ("Pagina {n}", "Page {n}"),
    "pdf_region_table": ("Regio {region}", "Region {region}"),
    "pdf_overrides": ("Uitzonderingen", "Exceptions (overrides)"),
    "pdf_record": ("Beslisverslag", "Decision record"),
    "pdf_not_counting": ("Locaties die niet meetellen", "Locations that do not count"),
    "pdf_no_overrides": ("Geen uitzonderingen.", "No overrides."),
    # command line: what a command says on stderr besides its output
    "cli_written": ("geschreven: {path}", "written: {path}"),
    "cli_compare_two": (
        "vergelijken vraagt minstens twee scenariobestanden",
        "compare needs at least two scenario files",
    ),
    "cli_quotas_needs_cycle": (
        "quotas import vraagt --cycle ID (de cyclus waarvoor deze opgaven gelden)",
        "quotas import needs --cycle ID (the cycle these quotas are for)",
    ),
    "cli_quotas_read": (
        "{cycle}: {n} gemeenten, opgave {quota}, amv {amv}",
        "{cycle}: {n} municipalities, quota {quota}, amv {amv}",
    ),
    "cli_quotas_skipped": (
        "; {n} regels van andere provincies overgeslagen",
        "; {n} rows of other provinces skipped",
    ),
    "cli_quotas_dry_run": ("proefrun: niets geschreven", "dry run: nothing written"),
}

"""Labels for model, solver and explanation texts (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {}

LABELS.update(
    {
        # hard requirements of a scenario (named when they conflict)
        "hard_must_open": ("kandidaat {id} moet open", "candidate {id} must open"),
        "hard_max_new_locations": (
            "hoogstens {limit} nieuwe locaties (limits.max_new_locations)",
            "at most {limit} new locations (limits.max_new_locations)",
        ),
        "hard_max_new_places": (
            "hoogstens {limit} nieuwe plekken (limits.max_new_places)",
            "at most {limit} new places (limits.max_new_places)",
        ),
        "hard_max_cost": (
            "totale kosten hoogstens {limit} (limits.max_cost)",
            "total cost at most {limit} (limits.max_cost)",
        ),
        # how a solve ended
        "infeasible_conflict": (
            "deze harde eisen kunnen niet samen gelden: {requirements}; laat er een vallen "
            "of versoepel een limiet",
            "these hard requirements cannot all be met: {requirements}; drop one or loosen a limit",
        ),
        "infeasible_no_requirement": (
            "het model heeft geen oplossing, maar geen harde eis van het scenario verklaart "
            "dat; meld dit als fout",
            "the model has no solution, but no hard requirement of the scenario explains "
            "it; please report this as a bug",
        ),
        "time_limit_answer": (
            "tijdslimiet van {limit} s bereikt bij niveau {level}: het antwoord is "
            "toegestaan maar niet bewezen optimaal (verhoog solver.time_limit)",
            "time limit of {limit} s reached at level {level}: the answer is feasible but "
            "not proven optimal (raise solver.time_limit)",
        ),
        "time_limit_no_answer": (
            "tijdslimiet van {limit} s bereikt bij niveau {level} voordat er een antwoord "
            "was; verhoog solver.time_limit in het scenario",
            "time limit of {limit} s reached at level {level} before any answer was found; "
            "raise solver.time_limit in the scenario",
        ),
        "not_solved": (
            "solver {solver} gaf geen antwoord bij niveau {level}",
            "solver {solver} gave no answer at level {level}",
        ),
        "solver_error": (
            "solver {solver} liep vast: {error}",
            "solver {solver} failed: {error}",
        ),
        "cbc_tmpdir_space": (
            "CBC kan geen tijdelijke map gebruiken met een spatie in het pad ({path}); zet "
            "TMPDIR op een map zonder spaties, of gebruik --solver highs",
            "CBC cannot use a temporary folder with a space in its path ({path}); set "
            "TMPDIR to a folder without spaces, or use --solver highs",
        ),
        "risk_no_answer": (
            "geen enkele trekking heeft een antwoord, dus er zijn geen cijfers; het "
            "scenario zelf heeft geen antwoord (zie hieronder, of planner solve)",
            "no draw has an answer, so there are no figures; the scenario itself has no "
            "answer (see below, or planner solve)",
        ),
        "matrix_needs_highs": (
            "de matrix-engine heeft HiGHS nodig; via PuLP opgelost",
            "the matrix engine needs HiGHS; solved through PuLP instead",
        ),
        "marginal_from_duals": (
            "marginale waarden uit LP-duale waarden (HiGHS niet geïnstalleerd)",
            "marginal values from LP duals (HiGHS not installed)",
        ),
        "marginal_failed": (
            "{count} herberekeningen van marginale waarden gaven geen optimum; die waarden "
            "ontbreken",
            "{count} re-solves for marginal values did not end optimal; those values are left out",
        ),
        # instance: what a scenario item cannot do (issue 9 bugs 1 and 3)
        "why_closed_no_extend": (
            "locatie {location} is in dit scenario gesloten: ze kan niet worden verlengd",
            "location {location} is closed in this scenario: it cannot be extended",
        ),
        "why_closed_no_enlarge": (
            "locatie {location} is in dit scenario gesloten: ze kan niet worden uitgebreid",
            "location {location} is closed in this scenario: it cannot be enlarged",
        ),
        "why_already_counts": (
            "locatie {location} telt al mee in deze cyclus met {places} plekken: verlengen "
            "voegt 0 plekken toe",
            "location {location} already counts for this cycle with {places} places: "
            "extending it adds 0 places",
        ),
        "msg_agreement_leaves_giver_short": (
            "vastgelegde uitruil laat gever {name} tekort: {name} geeft {out} van zijn {base} "
            "tellende plekken en houdt er {keep} over tegen een opgave van {quota}",
            "recorded swaps leave their giver {name} short: it gives {out} of its {base} "
            "counting places and keeps {keep} against a quota of {quota}",
        ),
        "msg_agreement_leaves_giver_short_amv": (
            "vastgelegde uitruil laat gever {name} een amv-tekort: {name} geeft {out} van zijn "
            "{base} tellende amv-plekken en houdt er {keep} over tegen een amv-opgave van {quota}",
            "recorded swaps leave their giver {name} short of amv places: it gives {out} of its "
            "{base} counting amv places and keeps {keep} against an amv quota of {quota}",
        ),
    }
)


# Messages of the instance and the counting (planner.optimise.instance, planner.counting)
LABELS.update(
    {
        "risk_head": (
            "Trekkingen: {draws} (startgetal {seed}, {backend}, {workers}, {seconds} s)  |  "
            "toestand: {status}",
            "Draws: {draws} (seed {seed}, {backend}, {workers}, {seconds} s)  |  status: {status}",
        ),
        "risk_workers_one": ("{n} rekenproces", "{n} worker"),
        "risk_workers_many": ("{n} rekenprocessen", "{n} workers"),
        "risk_backend_serial": ("na elkaar", "serial"),
        "risk_backend_processes": ("parallelle processen", "processes"),
        "risk_backend_dask": ("dask", "dask"),
        "risk_status_ok": ("in orde", "ok"),
        "risk_status_partial": ("gedeeltelijk", "partial"),
        "risk_status_failed": ("mislukt", "failed"),
        "risk_draws_word": ("trekkingen", "draws"),
        "risk_no_plans_run": (
            "geen kandidaat-locatie in dit scenario heeft een kans of een startvertraging: elke "
            "trekking is dezelfde (geef kandidaten een kans, of gebruik het risk:-blok van het "
            "scenario)",
            "no candidate in this scenario has a probability or a start delay: every draw is "
            "the same (give candidates a probability, or use the scenario's risk: block)",
        ),
        "risk_failed_draws": (
            "{n} van de {draws} trekkingen zijn niet optimaal opgelost (tijdslimiet of fout van "
            "de solver) en tellen niet mee in de cijfers: trekkingen {ids}",
            "{n} of {draws} draws were not solved to optimality (time limit or solver failure) "
            "and are left out of the figures: draws {ids}",
        ),
        "level_tie_break": ("gelijkspelbreker (vaste voorkeur)", "tie break (fixed preference)"),
        "code_cross_programme": ("tussen programma's", "across programmes"),
        "msg_no_solver": (
            "geen MILP-solver beschikbaar: installeer highspy (pip install highspy)",
            "no MILP solver available: install highspy (pip install highspy)",
        ),
        "msg_solver_unavailable": (
            "solver {name} is hier niet beschikbaar; beschikbaar: {have}",
            "solver {name} is not available here; available: {have}",
        ),
        "hz_title": ("Kan niet over de horizon plannen", "Cannot plan over the horizon"),
        "hz_no_cycle": (
            "de periode van geen enkele cyclus begint binnen de horizon {start} - {end}",
            "no cycle's window starts in the horizon {start} - {end}",
        ),
        "hz_no_cycle_fix": (
            "maak de horizon ruimer of noem de cycli in horizon.cycles",
            "widen the horizon or name the cycles in horizon.cycles",
        ),
        "hz_cannot_start": (
            "kandidaat {id} kan niet binnen de horizon starten",
            "candidate {id} cannot start within the horizon",
        ),
        "data_text": ("{nl}", "{en}"),
        "chg_places": ("{n} plekken", "places {n}"),
        "chg_start": ("start {date}", "start {date}"),
        "chg_end": ("einde {date}", "end {date}"),
        "chg_end_indefinite": ("einde onbepaald", "end indefinite"),
        "chg_decided": ("besloten", "decided"),
        "chg_not_decided": ("niet besloten", "not decided"),
        "chg_closed": ("gesloten", "closed"),
        "chg_list": ("{parts}", "{parts}"),
        "msg_rule_not_counts": ("telt niet", "does not count"),
        "msg_override_set_aside": (
            "uitzondering {id} voor locatie {location} vervalt: de wijziging van het scenario "
            "({what}) gaat voor; volgens de regels {rule}",
            "override {id} of location {location} is set aside: the scenario's change ({what}) "
            "wins; by the rules it {rule}",
        ),
        "why_override_set_aside": (
            "uitzondering {id} vervalt: het scenario wijzigt deze locatie",
            "override {id} set aside: the scenario changes this location",
        ),
        "msg_proposed_not_giver": (
            "voorgestelde uitruil {id} is niet bruikbaar: {municipality} staat niet bij de "
            "gevers van het scenario (swaps.givers)",
            "proposed swap {id} cannot be used: {municipality} is not among the scenario's "
            "givers (swaps.givers)",
        ),
        "msg_proposed_not_receiver": (
            "voorgestelde uitruil {id} is niet bruikbaar: {municipality} staat niet bij de "
            "ontvangers van het scenario (swaps.receivers)",
            "proposed swap {id} cannot be used: {municipality} is not among the scenario's "
            "receivers (swaps.receivers)",
        ),
        "msg_proposed_cross_unusable": (
            "voorgestelde uitruil {id} tussen programma's is niet bruikbaar: geen plekken of "
            "geen OEK-taakstellingen in de gegevens",
            "proposed swap {id} across programmes cannot be used: no places or no OEK targets "
            "in the data",
        ),
        "msg_proposed_amv_not_allowed": (
            "voorgestelde uitruil {id}: de {n} amv-plekken tellen niet, het scenario staat geen "
            "amv-uitruil toe (swaps.amv: false); de overige plekken blijven een mogelijkheid",
            "proposed swap {id}: its {n} amv places cannot count, the scenario allows no amv "
            "swaps (swaps.amv: false); its other places remain an option",
        ),
        "msg_proposed_amv_no_surplus": (
            "voorgestelde uitruil {id}: de {n} amv-plekken tellen niet, {municipality} kan in "
            "dit scenario geen amv-overschot hebben (hoogstens {most} amv-plekken tegen een "
            "amv-opgave van {quota}{given}); de overige plekken blijven een mogelijkheid",
            "proposed swap {id}: its {n} amv places cannot count, {municipality} cannot have an "
            "amv surplus in this scenario (at most {most} amv places against an amv quota of "
            "{quota}{given}); its other places remain an option",
        ),
        "msg_amv_given_by_agreement": (
            " en {n} afgestaan via afspraken",
            " and {n} given by agreement",
        ),
        "msg_proposed_no_room": (
            "voorgestelde uitruil {ids} geeft geen eigen ruimte: het beleid laat de optimalisatie "
            "al uitruil van {giver} naar {receiver} voorstellen{cap}",
            "proposed swap {ids} adds no room of its own: the policy already lets the optimiser "
            "propose swaps from {giver} to {receiver}{cap}",
        ),
        "msg_per_pair_cap": (" (hoogstens {n} per paar)", " (at most {n} per pair)"),
        "msg_cross_no_oek": (
            "uitruil tussen programma's: de gegevens bevatten geen OEK-taakstellingen",
            "swaps across programmes: the data hold no OEK targets",
        ),
        "pg_title_unknown": ("Onbekend programma", "Unknown programme"),
        "pg_why_status": ("status {status}", "status {status}"),
        "pg_why_no_reference": ("geen peildatum", "no reference date"),
        "pg_why_not_in_force": (
            "niet van kracht op {day} (start {start})",
            "not in force on {day} (start {start})",
        ),
        "pg_by_window": (
            "{programme} wordt geteld met de periode van de cyclus",
            "{programme} is counted by the cycle window",
        ),
        "pg_by_window_fix": (
            "gebruik planner report (de cyclustabel) voor asiel",
            "use planner report (the cycle table) for asylum",
        ),
        "pg_title_not_target": ("Geen programma met taakstelling", "Not a target programme"),
        "pg_no_targets": (
            "geen taakstellingen voor programma {programme!r} in periode {period!r}",
            "no targets for programme {programme!r} in period {period!r}",
        ),
        "pg_no_targets_fix": (
            "voeg per gemeente een rij toe met programma, periode, taakstelling en realisatie "
            "(zie data/README.md)",
            "add a row per municipality with programme, period, target and realised "
            "(see data/README.md)",
        ),
        "pg_title_no_targets": ("Geen taakstellingen", "No targets"),
        "rd_no_next": ("geen cyclus na {cycle!r}", "no cycle after {cycle!r}"),
        "rd_no_next_fix": (
            "voeg de regels van de volgende cyclus toe aan cycles.csv, of noem hem met --to",
            "add the next cycle's rules to cycles.csv, or name it with --to",
        ),
        "rd_title_no_next": ("Geen volgende cyclus", "No next cycle"),
    }
)

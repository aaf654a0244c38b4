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

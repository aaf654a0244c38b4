"""Labels for app pages (municipality page, warnings while editing) (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------ warnings while editing (instance)
    "warn_starts_after": (
        "begint {start}, {days} na het begin van de periode ({w0})",
        "starts {start}, {days} after the window start ({w0})",
    ),
    "warn_ends_before": (
        "eindigt {end}, {days} voor het einde van de periode ({w1})",
        "ends {end}, {days} before the window end ({w1})",
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
    "region_border": ("Grens van de regio", "Region border"),
    # ------------------------------------------------ plain answer (Scenario page)
    "tab_answer": ("Antwoord", "Answer"),
    "and_word": ("en", "and"),
    "ans_cannot_count": (
        "Telt niet mee voor deze cyclus (te laat of te kort open): {ids}.",
        "Cannot count for this cycle (too late or too short): {ids}.",
    ),
    "delta_vs": ("verschil met {parent}", "change against {parent}"),
    "swap_places": ("Uitgeruilde plekken", "Places swapped"),
    "swap_amv_places": ("Waarvan amv", "Of which amv"),
    # ------------------------------------------------ figure notes
    "figures_explained": ("Waarom verschillen deze cijfers?", "Why do these figures differ?"),
    "note_places_vs_credited": (
        "Locaties telt {places} plekken in de provincie, het Overzicht {credited} "
        "gegarandeerde plekken: het verschil van {outside} zijn plekken buiten de "
        "provincie die volgens een uitruilafspraak voor een gemeente meetellen ({swaps}).",
        "Locations counts {places} places in the province, the Overview {credited} "
        "guaranteed places: the difference of {outside} are places outside the province "
        "that a swap agreement credits to a municipality ({swaps}).",
    ),
    "note_amv_three": (
        "Drie amv-cijfers: {amv} / {quota} zijn de gegarandeerde amv-plekken tegen de "
        "amv-opgave; {short} is het amv-tekort van de provincie ({quota} − {amv}); {muni} is "
        "de som van de amv-tekorten van de gemeenten, hoger omdat het amv-overschot van de "
        "ene gemeente zonder uitruil het tekort van een andere niet dekt.",
        "Three amv figures: {amv} / {quota} are the guaranteed amv places against the amv "
        "quota; {short} is the province's amv shortfall ({quota} − {amv}); {muni} is the sum "
        "of the municipalities' amv shortfalls, higher because one municipality's amv "
        "surplus covers no other's without a swap.",
    ),
    "note_region_swaps": (
        "Het tekort van een regio telt de plekken die aan haar gemeenten worden "
        "toegerekend. Geeft een gemeente haar overschot aan een gemeente in de andere regio, "
        "dan stijgt het tekort van de eigen regio en daalt dat van de andere evenveel; het "
        "tekort van de provincie blijft gelijk.",
        "A region's shortfall counts the places credited to its municipalities. When a "
        "municipality gives its surplus to one in the other region, its own region's "
        "shortfall rises and the other's falls by as much; the province's stays the same.",
    ),
    # ------------------------------------------------ solver status in words
    "status_optimal": ("optimaal opgelost", "solved to optimality"),
    "status_time_limit": ("tijdslimiet bereikt (beste gevonden)", "time limit (best found)"),
    "status_infeasible": ("onmogelijk", "infeasible"),
    "status_not_solved": ("niet opgelost", "not solved"),
    "status_solver_missing": ("rekenprogramma ontbreekt", "solver missing"),
    "status_error": ("fout", "error"),
    # ------------------------------------------------ editing and saving
    "empty_no_limit": (
        "Leeg = geen grens. Vul 0 in om niets toe te staan.",
        "Empty = no limit. Enter 0 to allow none.",
    ),
    "swap_amv_help": (
        "Standaard uit: amv-plekken worden alleen uitgeruild als u dit aanzet (of het "
        "scenario het zegt).",
        "Off by default: amv places are swapped only when you switch this on (or the "
        "scenario says so).",
    ),
    "author_missing": (
        "Niet opgeslagen: vul eerst uw naam in bij Auteur (in de zijbalk). Uw bewerking "
        "blijft bewaard.",
        "Not saved: fill in your name under Author (in the sidebar) first. Your edit is kept.",
    ),
    "conflict_text": (
        "Niet opgeslagen: scenario {name} is als versie {version} opgeslagen door {author} "
        "op {time}, nadat {started}. Er is niets overschreven en uw bewerking blijft "
        "bewaard: open de nieuwste versie (uw bewerking blijft staan) of sla de uwe onder "
        "een andere naam op.",
        "Not saved: scenario {name} was saved as version {version} by {author} at {time} "
        "after {started}. Nothing was overwritten and your edit is kept: open the newest "
        "version (your edit stays) or save yours under another name.",
    ),
    "conflict_new": (
        "u een nieuw scenario met deze naam begon",
        "you started a new scenario with this name",
    ),
    "conflict_opened": ("u versie {version} opende", "you opened version {version}"),
    "open_newest_help": (
        "Neemt de nieuwste versie als basis; uw wijzigingen blijven in de tabellen staan.",
        "Takes the newest version as the base; your changes stay in the tables.",
    ),
    "newest_opened_edit_kept": (
        "Nieuwste versie geopend; uw bewerking staat er nog. Opslaan maakt een volgende versie",
        "Newest version opened; your edit is still there. Saving makes a next version",
    ),
    # ------------------------------------------------ Gemeente page
    "page_municipality": ("Gemeente", "Municipality"),
    "gm_choose": ("Gemeente", "Municipality"),
    "gm_figures": ("Opgave en plekken", "Quota and places"),
    "gm_why": (
        "Waarom tekort, en wat een plek meer oplevert",
        "Why short, and what one more place is worth",
    ),
    "gm_locations": (
        "Locaties en waarom ze wel of niet meetellen",
        "Locations and why they count or not",
    ),
    "gm_timeline": ("Plekken in gebruik per maand", "Places in use per month"),
    "gm_swaps": ("Uitruil in en uit", "Swaps in and out"),
    "gm_no_swaps": ("Geen uitruil met deze gemeente", "No swaps with this municipality"),
    "gm_in": ("in (telt hier mee)", "in (counts here)"),
    "gm_out": ("uit (telt elders mee)", "out (counts elsewhere)"),
    "gm_kind_agreement": ("afspraak", "agreement"),
    "gm_kind_proposed": ("voorstel van de optimalisatie", "proposed by the optimiser"),
    "direction": ("Richting", "Direction"),
    "other_municipality": ("Andere gemeente", "Other municipality"),
    "gm_condition": (
        "{municipality} moet {places} eigen plekken in gebruik hebben op {date}; gevonden "
        "{found}: {state}",
        "{municipality} must have {places} own places in use on {date}; found {found}: {state}",
    ),
    "gm_override": (
        "telt mee op grond van een uitzondering: {reason}",
        "counts on an exception: {reason}",
    ),
    "gm_short": (
        "{name} komt {short} plekken tekort: {credited} toegerekende plekken tegen een "
        "opgave van {quota}.",
        "{name} is {short} places short: {credited} credited places against a quota of {quota}.",
    ),
    "gm_near": (
        "{n} daarvan zijn te dichten met locaties die de periode net missen ({sites}; "
        "tot {days} dagen): verlengen of eerder starten.",
        "{n} of it could be closed by locations that just miss the window ({sites}; up to "
        "{days} days): extend them or start earlier.",
    ),
    "gm_waiting": (
        "{n} daarvan wacht op een besluit (locaties of voornemens zonder besluit).",
        "{n} of it waits for a decision (locations or soft plans not yet decided).",
    ),
    "gm_missing": (
        "{n} daarvan is capaciteit die nog niemand heeft gepland.",
        "{n} of it is capacity nobody has planned yet.",
    ),
    "gm_not_short": ("{name} haalt zijn opgave.", "{name} meets its quota."),
    "gm_burden": ("Per 1.000 inwoners", "Per 1,000 inhabitants"),
    "gm_print": ("Afdrukbare pagina (HTML)", "Printable page (HTML)"),
    "gm_print_help": (
        "Opent in de browser als één pagina; kies daar Afdrukken (liggend A4).",
        "Opens in the browser as one page; choose Print there (A4 landscape).",
    ),
    "gm_title": ("Gemeente {name}: opgave en plekken", "Municipality {name}: quota and places"),
    "gm_source": (
        "Cijfers van het gekozen scenario (gegarandeerde plekken, uitruil en tekort na "
        "doorrekenen).",
        "Figures of the chosen scenario (guaranteed places, swaps and shortfall after solving).",
    ),
    # ------------------------------------------------ editors: help and choices in words
    "edit_help_candidates": (
        "Nieuwe locaties of verlenging / uitbreiding van een bestaande locatie (kolom "
        "Soort). Een rij toevoegen: +. Wat niet kan meetellen, staat meteen hieronder.",
        "New sites or the extension / enlargement of an existing location (column Kind). "
        "Add a row: +. What cannot count is named right below.",
    ),
    "edit_help_location_changes": (
        "Plekken, data of besluit van een bestaande locatie wijzigen, of haar sluiten.",
        "Change an existing location's places, dates or decision, or close it.",
    ),
    "edit_help_register": (
        "Uitruilafspraken: afgesproken en vastgelegd liggen vast, een voorstel mag de "
        "optimalisatie gebruiken.",
        "Swap agreements: agreed and locked are fixed, the optimiser may use a proposal.",
    ),
    "kind_new": ("nieuwe locatie", "new site"),
    "kind_extend": ("verlenging", "extension"),
    "kind_enlarge": ("uitbreiding", "enlargement"),
    "item_places": ("Plekken", "Places"),
    "download_pdf": ("Rapport (PDF)", "Report (PDF)"),
    "download_report_pdf": ("Cyclusrapport (PDF)", "Cycle report (PDF)"),
    "solver_message": ("Melding", "Message"),
    "section_solver": ("rekenprogramma", "solver"),
}

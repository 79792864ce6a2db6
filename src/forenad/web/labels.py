"""The web app's words: the words of the pages, and (from :mod:`forenad.presentation.fields`, which the
Word comparison shares) a label in Swedish and English for every field of the agreement model with English
help beside the schema's Swedish descriptions. A test walks the model and fails for a field without a
label.
"""

from __future__ import annotations

from forenad.i18n import Lang
from forenad.presentation.fields import FIELDS, ITEMS, field_label, item_label

__all__ = ["FIELDS", "ITEMS", "WORDS", "field_label", "item_label", "word"]

WORDS: dict[str, tuple[str, str]] = {
    "app": ("forenad", "forenad"),
    "portfolio": ("Avtal", "Agreements"),
    "new": ("Nytt avtal", "New agreement"),
    "compare": ("Jämför", "Compare"),
    "survey": ("Kartläggning", "Survey"),
    "survey_title": ("Kartläggning av tjänsterna den {on}", "Survey of the posts on {on}"),
    "survey_help": (
        "Sammanställning av {n} avtal i mappen, bara summor: en ruta med färre än tre avtal visas som < 3 "
        "({hidden} dolda rutor). Inga namn, personnummer eller enskilda löner.",
        "A summary of {n} agreements in the folder, totals only: a cell with fewer than three agreements "
        "shows < 3 ({hidden} hidden cells). No names, personnummer or single salaries.",
    ),
    "params": ("Parametrar", "Parameters"),
    "changes": ("Förändringar", "Changes"),
    "api": ("API", "API"),
    "lang_other": ("English", "Svenska"),
    "folder": ("Mapp", "Folder"),
    "on": ("Prövningsdatum", "Evaluation date"),
    "recheck": ("Pröva", "Check"),
    "filter": ("Filtrera", "Filter"),
    "search": ("Sök", "Search"),
    "status": ("Status", "Status"),
    "all": ("alla", "all"),
    "file": ("Fil", "File"),
    "model": ("Modell", "Model"),
    "parties": ("Parter", "Parties"),
    "period": ("Period", "Period"),
    "person": ("Person", "Person"),
    "valid": ("giltig", "valid"),
    "invalid": ("kan inte läsas", "cannot be read"),
    "ok": ("i ordning", "in order"),
    "errors": ("fel", "errors"),
    "warnings": ("varningar", "warnings"),
    "incomplete": ("ofullständig", "incomplete"),
    "open": ("Öppna", "Open"),
    "draft": ("Utkast", "Drafts"),
    "no_files": ("Inga avtalsfiler i mappen.", "No agreement files in the folder."),
    "summary": (
        "{files} filer: {valid} giltiga, {errors} med fel, {warnings} med varningar, "
        "{invalid} kan inte läsas",
        "{files} files: {valid} valid, {errors} with errors, {warnings} with warnings, "
        "{invalid} cannot be read",
    ),
    "shown": ("{n} visas", "{n} shown"),
    "from": ("Från", "From"),
    "to": ("Till", "To"),
    "changes_between": ("Förändringar mellan två datum", "Changes between two dates"),
    "show_changes": ("Visa förändringar", "Show changes"),
    "download_xlsx": ("Ladda ner Excel", "Download Excel"),
    "download_docx": ("Ladda ner Word", "Download Word"),
    "download_yaml": ("Ladda ner din version", "Download your version"),
    "save": ("Spara", "Save"),
    "saved": ("Sparat {time}: {file}", "Saved {time}: {file}"),
    "not_saved": ("Inte sparat", "Not saved"),
    "add": ("Lägg till", "Add"),
    "remove": ("Ta bort", "Remove"),
    "findings": ("Fynd", "Findings"),
    "economics": ("Ekonomi", "Economics"),
    "input_errors": ("Rätta först", "Fix first"),
    "input_errors_text": (
        "Avtalet kan inte prövas förrän uppgifterna nedan är rättade.",
        "The agreement cannot be checked until the entries below are corrected.",
    ),
    "no_findings": (
        "Inga fynd: avtalet är i ordning den {on}.",
        "No findings: the agreement is in order on {on}.",
    ),
    "findings_count": (
        "{error} fel, {warning} varningar, {info} info den {on}",
        "{error} errors, {warning} warnings, {info} info on {on}",
    ),
    "not_complete": (
        "Prövningen är ofullständig: ett daterat värde saknas för datumet (se Parametrar).",
        "The check is incomplete: a dated value is missing for the date (see Parameters).",
    ),
    "unverified": ("overifierat värde", "unverified value"),
    "fields": ("Fält", "Fields"),
    "refs": ("Grund", "Basis"),
    "stale": (
        "Filen har ändrats på disk sedan du öppnade den, så den skrevs inte över. Dina ändringar finns "
        "kvar i formuläret: ladda ner din version och jämför, eller öppna filen på nytt (då försvinner "
        "ändringarna).",
        "The file has changed on disk since you opened it, so it was not overwritten. Your changes are still "
        "in the form: download your version and compare, or open the file again (which discards them).",
    ),
    "reopen": ("Öppna filen på nytt", "Open the file again"),
    "invalid_save": (
        "Inte sparat: rätta de markerade fälten först.",
        "Not saved: correct the marked fields first.",
    ),
    "gone": ("Filen finns inte längre.", "The file no longer exists."),
    "part": ("Del", "Part"),
    "employer": ("Arbetsgivare", "Employer"),
    "position": ("Befattning", "Position"),
    "extent": ("Omfattning", "Extent"),
    "salary_month": ("Månadslön", "Monthly salary"),
    "fees_year": ("Avgifter per år", "Fees per year"),
    "pension_year": ("Pension per år", "Pension per year"),
    "cost_year": ("Kostnad per år", "Cost per year"),
    "net_cost_year": ("Betalar till slut per år", "Pays in the end per year"),
    "total": ("Summa", "Total"),
    "per_part": ("Per del", "Per part"),
    "per_employer": ("Per organisation", "Per organisation"),
    "split_loss": (
        "Delningen kostar personen {month} i pension per månad.",
        "Splitting costs the person {month} of pension a month.",
    ),
    "lower_bound": ("≥ = nedre gräns (pålägget saknas)", "≥ = lower bound (the overhead is missing)"),
    "unknown": ("okänt", "unknown"),
    "invoice": (
        "Faktura {seller} → {buyer}: {amount} per period, {year} per år.",
        "Invoice {seller} → {buyer}: {amount} per period, {year} per year.",
    ),
    "templates": ("Mallar", "Templates"),
    "final": (
        "Slutversion (inga markeringar, ingen bilaga; saknade värden stoppar)",
        "Final (no markers, no annex; a missing value stops it)",
    ),
    "pdf": ("Även PDF", "PDF too"),
    "no_pdf": (
        "PDF kräver LibreOffice (soffice), som inte finns här.",
        "PDF needs LibreOffice (soffice), which is not installed here.",
    ),
    "make_drafts": ("Skapa och ladda ner", "Draft and download"),
    "draft_lang": ("Språk", "Language"),
    "compare_pick": (
        "Välj två eller fler avtal, eller ett avtal och alla modeller.",
        "Pick two or more agreements, or one agreement and every model.",
    ),
    "all_models": ("Alla modeller som kan gälla (ett avtal)", "Every model that can apply (one agreement)"),
    "do_compare": ("Jämför", "Compare"),
    "not_applicable": ("Modeller som inte kan gälla", "Models that cannot apply"),
    "params_status": ("Parametrar som behöver åtgärdas den {on}", "Parameters that need attention on {on}"),
    "params_clear": (
        "Inget att åtgärda: alla parametrar har ett värde, inget värde i kraft är overifierat och inget "
        "upphör inom 90 dagar.",
        "Nothing to do: every parameter has a value, no value in force is unverified and none ends within "
        "90 days.",
    ),
    "params_routine": (
        'Lägg in nya värden ur primärkällan med forenad params add NAMN --from DATUM --value … --source "…" '
        "--params-overlay MAPP och ladda om sidan.",
        "Enter new values from the primary source with forenad params add NAME --from DATE --value … "
        '--source "…" --params-overlay DIR and reload the page.',
    ),
    "overlay": ("Tilläggsmapp: {name} (version {version})", "Overlay folder: {name} (version {version})"),
    "no_overlay": ("Ingen tilläggsmapp.", "No overlay folder."),
    "missing": ("saknar värde", "no value"),
    "unverified_status": ("overifierat", "unverified"),
    "ending": ("upphör snart", "ending soon"),
    "name": ("Namn", "Name"),
    "description": ("Beskrivning", "Description"),
    "value": ("Värde", "Value"),
    "start": ("Från", "From"),
    "end": ("Till", "Until"),
    "add_from": ("Nytt värde från", "New value from"),
    "upload": ("Lägg till en avtalsfil i mappen", "Add an agreement file to the folder"),
    "upload_button": ("Ladda upp", "Upload"),
    "uploaded": ("Sparad i mappen: {file}", "Saved in the folder: {file}"),
    "exists": ("Det finns redan en fil med det namnet: {file}", "A file of that name exists: {file}"),
    "bad_name": (
        "Ogiltigt filnamn: använd bokstäver, siffror, - och _ och sluta med .yaml, .yml eller .json.",
        "Invalid file name: use letters, digits, - and _ and end with .yaml, .yml or .json.",
    ),
    "next": ("Nästa", "Next"),
    "back": ("Tillbaka", "Back"),
    "restart": ("Börja om", "Start over"),
    "question": ("Fråga {n}", "Question {n}"),
    "suggested": ("Förslag: {value}", "Suggested: {value}"),
    "optional": ("Frivillig: lämna tom för att hoppa över.", "Optional: leave empty to skip."),
    "file_name": ("Filnamn i mappen", "File name in the folder"),
    "write_file": ("Skriv avtalsfilen", "Write the agreement file"),
    "guided_done": ("Alla frågor är besvarade.", "Every question is answered."),
    "guided_expired": (
        "Frågestunden har gått ut eller finns inte; börja om.",
        "The interview has expired or does not exist; start over.",
    ),
    "written": ("Avtalsfilen är skriven: {file}", "The agreement file is written: {file}"),
    "api_docs": ("HTTP-API för HR-system", "HTTP API for HR systems"),
    "forbidden": (
        "Filen ligger utanför mappen eller finns inte.",
        "The file is outside the folder or does not exist.",
    ),
    "general": ("Avtalet i stort", "The agreement as a whole"),
    "choose": ("— välj —", "— choose —"),
    "none": ("— inget —", "— none —"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    "keep_pnr": (
        "Lämna tomt för att behålla det sparade personnumret ({masked}).",
        "Leave empty to keep the saved personnummer ({masked}).",
    ),
    "remove_pnr": ("Ta bort personnumret", "Remove the personnummer"),
    "edit_file": ("Redigera {file}", "Edit {file}"),
    "changed_agreements": ("Avtal som ändras", "Agreements that change"),
    "unchanged": ("Oförändrade: {files}", "Unchanged: {files}"),
    "appeared": ("ny", "new"),
    "disappeared": ("borta", "gone"),
    "changed": ("ändrad", "changed"),
    "before": ("Före", "Before"),
    "after": ("Efter", "After"),
    "difference": ("Skillnad", "Difference"),
    "no_changes": ("Inga förändringar mellan datumen.", "No changes between the dates."),
    "severity_error": ("fel", "error"),
    "severity_warning": ("varning", "warning"),
    "severity_info": ("info", "info"),
    "forbidden_csrf": (
        "Formuläret saknar giltig säkerhetsnyckel (CSRF); ladda om sidan och försök igen.",
        "The form lacks a valid security token (CSRF); reload the page and try again.",
    ),
    "unknown_fields": (
        "Fält som formuläret inte känner till tas bort när du sparar: {fields}",
        "Fields the form does not know are removed when you save: {fields}",
    ),
    "summary_answers": ("Dina svar", "Your answers"),
    "server_error": (
        "Ett internt fel i forenad (en bugg). Se terminalen där forenad serve körs.",
        "An internal error in forenad (a bug). See the terminal running forenad serve.",
    ),
}


def word(key: str, lang: Lang, **values: object) -> str:
    sv, en = WORDS[key]
    text = en if lang == "en" else sv
    return text.format(**values) if values else text

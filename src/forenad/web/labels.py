"""The web app's words: a label in Swedish and English for every field of the agreement model, English help
to stand beside the schema's Swedish descriptions, and the words of the pages.

The Swedish help for a field is the model's own ``description`` (what ``forenad schema`` prints), so it is
written once; :data:`FIELDS` adds the label and the English help. A test walks the model and fails for a
field without a label here.
"""

from __future__ import annotations

from forenad.i18n import Lang

FIELDS: dict[str, tuple[str, str, str]] = {
    # model.field: (Swedish label, English label, English help)
    "Agreement.id": ("Avtalets id", "Agreement id", "The agreement's id, e.g. a registry number."),
    "Agreement.title": ("Rubrik", "Title", "The agreement's title."),
    "Agreement.model": ("Anställningsmodell", "Employment model", "Employment model."),
    "Agreement.person": ("Personen", "The person", ""),
    "Agreement.employers": (
        "Arbetsgivare och parter",
        "Employers and parties",
        "Employers and other parties.",
    ),
    "Agreement.parts": (
        "Tjänstens delar",
        "Parts of the post",
        "The parts of the post, one per role and employer.",
    ),
    "Agreement.main_employer": ("Huvudarbetsgivare", "Main employer", "Main employer, where there is one."),
    "Agreement.total_extent_percent": (
        "Total omfattning (%)",
        "Total extent (%)",
        "Total extent in percent; the parts must add up to it.",
    ),
    "Agreement.start_date": ("Startdatum", "Start date", "The agreement's start date."),
    "Agreement.end_date": ("Slutdatum", "End date", "The agreement's end date, if it is time-limited."),
    "Agreement.review_date": ("Uppföljning", "Review date", "Date of the follow-up."),
    "Agreement.cost_settlement": ("Kostnadsfördelning", "Cost settlement", ""),
    "Agreement.work_environment": (
        "Arbetsmiljöansvar",
        "Work environment",
        "Who is responsible per workplace.",
    ),
    "Agreement.rehabilitation": ("Rehabilitering", "Rehabilitation", ""),
    "Agreement.sick_pay": ("Sjuklön", "Sick pay", ""),
    "Agreement.vacation": ("Semester", "Vacation", ""),
    "Agreement.secondary_employment": ("Bisyssla", "Secondary employment", ""),
    "Agreement.linked_termination": ("Upphörande", "Linked termination", ""),
    "Agreement.procedure": ("När det inte fungerar", "When it does not work", ""),
    "Agreement.doctoral_studies": (
        "Forskarutbildning",
        "Doctoral studies",
        "The doctoral studies (the model kombinationsdoktorand).",
    ),
    "Agreement.signatories": ("Undertecknare", "Signatories", ""),
    "Agreement.clauses": ("Övriga villkor", "Other terms", ""),
    "Person.name": ("Namn", "Name", "Name."),
    "Person.personnummer": (
        "Personnummer",
        "Personnummer",
        "Personal identity number YYYYMMDD-NNNN; the check digit is tested. Masked in all output.",
    ),
    "Person.birth_year": (
        "Födelseår",
        "Birth year",
        "Birth year, when there is no personnummer (governs pension, vacation and fees).",
    ),
    "Person.profession": ("Yrke", "Profession", "Profession, e.g. 'läkare' or 'sjuksköterska'."),
    "Person.licensed": ("Legitimation", "Licensed", "Licensed in the profession."),
    "Person.specialist": ("Specialitet", "Specialty", "Specialty, e.g. 'kardiologi'."),
    "Person.doctorate": ("Doktorsexamen", "Doctorate", "Doctoral degree."),
    "Person.address": (
        "Postadress",
        "Postal address",
        "Postal address (the written statement of employment); may be left for the final version.",
    ),
    "Employer.id": ("Id", "Id", "Short id the parts refer to, e.g. 'uu' or 'region-uppsala'."),
    "Employer.name": ("Namn", "Name", "The organisation's name."),
    "Employer.organisationsnummer": ("Organisationsnummer", "Organisation number", "NNNNNN-NNNN."),
    "Employer.kind": ("Slag", "Kind", "Kind of employer."),
    "Employer.address": (
        "Postadress",
        "Postal address",
        "Postal address (the written statement of employment).",
    ),
    "Employer.collective_agreement_name": (
        "Kollektivavtalets namn och parter",
        "Collective agreement's name and parties",
        "The collective agreement's name and parties when it is 'annat' (the written statement names them).",
    ),
    "Employer.collective_agreement": (
        "Kollektivavtal",
        "Collective agreement",
        "Collective agreement; left out: follows from the kind of employer.",
    ),
    "Employer.pension_scheme": (
        "Tjänstepension",
        "Pension scheme",
        "Occupational pension; left out: follows from the kind and the birth year.",
    ),
    "Employer.overhead_percent": (
        "Pålägg (%)",
        "Overhead (%)",
        "PO or payroll overhead in percent; replaces the default.",
    ),
    "WorkingTime.form": ("Arbetstidsmått", "Working-time measure", "Hours per week or per year."),
    "WorkingTime.full_time_hours": (
        "Heltidsmått (timmar)",
        "Full-time hours",
        "The full-time measure: hours per week or per year at 100 %.",
    ),
    "NoticeTerms.employer_months": (
        "Arbetsgivarens uppsägningstid (mån)",
        "Employer's notice (months)",
        "The employer's notice period.",
    ),
    "NoticeTerms.employee_months": (
        "Arbetstagarens uppsägningstid (mån)",
        "Employee's notice (months)",
        "The employee's notice period.",
    ),
    "Part.employer": ("Arbetsgivare", "Employer", "Id of the employer that employs (and pays) for the part."),
    "Part.host": (
        "Värd",
        "Host",
        "Id of the organisation where the work is done and led, if it is another one.",
    ),
    "Part.position": ("Befattning", "Position", "Position."),
    "Part.title": ("Benämning", "Title", "The position's title in plain words."),
    "Part.subject": ("Ämne", "Subject", "Subject or field."),
    "Part.duties": ("Arbetsuppgifter", "Duties", "Main duties."),
    "Part.extent_percent": (
        "Omfattning (%)",
        "Extent (%)",
        "Extent in percent of full time, above 0 and at most 100.",
    ),
    "Part.monthly_salary": (
        "Månadslön (kr)",
        "Monthly salary (SEK)",
        "Monthly salary in kronor for the part, at its extent.",
    ),
    "Part.working_time": ("Arbetstid", "Working time", ""),
    "Part.workplace": ("Arbetsplats", "Workplace", "Workplace."),
    "Part.manager": ("Närmaste chef", "Manager", "Immediate manager."),
    "Part.employment_form": ("Anställningsform", "Form of employment", "Form of employment."),
    "Part.start_date": ("Startdatum", "Start date", "Start date; left out: the agreement's."),
    "Part.end_date": ("Slutdatum", "End date", "End date of a time-limited part."),
    "Part.employed_since": (
        "Anställd sedan",
        "Employed since",
        "Employed by the employer since (for notice under LAS).",
    ),
    "Part.notice": ("Uppsägningstid", "Notice", "Notice periods, when they differ from law and agreement."),
    "CostShare.part": ("Del nr", "Part no.", "The part's number in 'parts' (0 for the first)."),
    "CostShare.payer": ("Betalare", "Payer", "Id of the employer that bears the cost."),
    "CostShare.share_percent": ("Andel (%)", "Share (%)", "Share of the part's salary cost in percent."),
    "CostSettlement.shares": ("Kostnadsandelar", "Cost shares", "Who bears which share of the salary cost."),
    "CostSettlement.invoicing": ("Fakturering", "Invoicing", ""),
    "CostSettlement.notes": ("Anteckningar", "Notes", ""),
    "Invoicing.seller": ("Säljare", "Seller", "Id of the one who invoices (the employer)."),
    "Invoicing.buyer": ("Köpare", "Buyer", "Id of the one who buys time and pays the invoice."),
    "Invoicing.basis": ("Prisgrund", "Price basis", "Price basis."),
    "Invoicing.share_percent": ("Köpt andel (%)", "Share bought (%)", "Share of full time bought."),
    "Invoicing.overhead_percent": ("Pålägg (%)", "Overhead (%)", "Surcharge on the salary in percent."),
    "Invoicing.price": ("Pris (kr)", "Price (SEK)", "Fixed price per period, or hourly price."),
    "Invoicing.period": ("Faktureringsperiod", "Invoicing period", "Invoicing period."),
    "Invoicing.payment_terms_days": ("Betalningsvillkor (dagar)", "Payment terms (days)", "Payment terms."),
    "WorkEnvironmentDuty.workplace": ("Arbetsplats", "Workplace", ""),
    "WorkEnvironmentDuty.responsible": ("Ansvarig", "Responsible", ""),
    "WorkEnvironmentDuty.note": ("Anmärkning", "Note", ""),
    "Rehabilitation.lead": ("Leds av", "Led by", "Id of the employer that leads the rehabilitation."),
    "Rehabilitation.cooperation": (
        "Samverkan",
        "Cooperation",
        "How the other employer takes part.",
    ),
    "SickPay.handling": ("Hantering", "Handling", ""),
    "SickPay.note": ("Anmärkning", "Note", ""),
    "Vacation.coordination": (
        "Samordning",
        "Coordination",
        "How the timing of vacation is coordinated between the employers.",
    ),
    "SecondaryEmployment.reported_to": (
        "Anmäld till (en per rad)",
        "Reported to (one per line)",
        "Ids of the employers told of the other employment.",
    ),
    "SecondaryEmployment.note": ("Anmärkning", "Note", ""),
    "LinkedTermination.linked": ("Upphör delarna tillsammans?", "Do the parts end together?", ""),
    "LinkedTermination.description": ("Hur", "How", "How, and with what notice."),
    "Procedure.dispute": ("Tvister", "Disputes", "How disputes are resolved."),
    "Procedure.exit": ("Avslut", "Exit", "How the arrangement is ended."),
    "DoctoralStudies.larosate": (
        "Lärosäte",
        "University",
        "Id of the university that admits the person to doctoral studies.",
    ),
    "DoctoralStudies.degree": ("Examen", "Degree", "The degree the studies lead to."),
    "DoctoralStudies.admitted_on": (
        "Antagen",
        "Admitted on",
        "Date of admission; left out: admission is a condition of the agreement.",
    ),
    "DoctoralStudies.financing_until": (
        "Finansiering till",
        "Financing until",
        "The financing is secured up to and including this date.",
    ),
    "DoctoralStudies.supervisors": (
        "Handledare (en per rad)",
        "Supervisors (one per line)",
        "Supervisors, the main supervisor first.",
    ),
    "DoctoralStudies.individual_study_plan": (
        "Individuell studieplan",
        "Individual study plan",
        "An individual study plan is drawn up (or is drawn up at admission).",
    ),
    "Agreement.intellectual_property": (
        "Immateriella rättigheter",
        "Intellectual property",
        "Intellectual property: who holds the rights to results.",
    ),
    "IntellectualProperty.owner": (
        "Rätten till resultat",
        "Rights to results",
        "Who holds the rights to results: as the law gives it, the employee, the employer in whose "
        "operations the result arises, or a separate agreement.",
    ),
    "IntellectualProperty.right_of_use": (
        "Nyttjanderätt för de andra parterna",
        "Right of use for the other parties",
        "The other parties may use the results free of charge, non-exclusively, in their own operations.",
    ),
    "IntellectualProperty.note": ("Anmärkning", "Note", "E.g. which separate agreement applies."),
    "Signatory.name": ("Namn", "Name", ""),
    "Signatory.role": ("Roll", "Role", ""),
    "Signatory.party": ("Part", "Party", "The employer's id, or 'person' for the employee."),
    "Clause.heading": ("Rubrik", "Heading", ""),
    "Clause.text": ("Text", "Text", ""),
}

ITEMS: dict[str, tuple[str, str]] = {
    # a list field's item, numbered from 1
    "Agreement.employers": ("Arbetsgivare {n}", "Employer {n}"),
    "Agreement.parts": ("Del {n}", "Part {n}"),
    "CostSettlement.shares": ("Andel {n}", "Share {n}"),
    "Agreement.work_environment": ("Arbetsplats {n}", "Workplace {n}"),
    "Agreement.signatories": ("Undertecknare {n}", "Signatory {n}"),
    "Agreement.clauses": ("Villkor {n}", "Term {n}"),
}


def field_label(key: str, lang: Lang) -> str:
    sv, en, _ = FIELDS.get(key, (key.rsplit(".", 1)[-1], key.rsplit(".", 1)[-1], ""))
    return en if lang == "en" else sv


def item_label(key: str, n: int, lang: Lang) -> str:
    sv, en = ITEMS.get(key, ("{n}", "{n}"))
    return (en if lang == "en" else sv).format(n=n)


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

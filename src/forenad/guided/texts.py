"""What ``forenad new`` says: prompts, option labels and the organisations offered as a pick list.

User text is Swedish and English (:class:`~forenad.i18n.Text`); the agreement text a default fills in (a
title, a clause) stays Swedish, since the agreement itself is a Swedish document.
"""

from __future__ import annotations

from dataclasses import dataclass

from forenad.i18n import Text, t
from forenad.model import (
    Degree,
    EmployerKind,
    EmploymentForm,
    EmploymentModel,
    InvoicingBasis,
    InvoicingPeriod,
    Position,
    SickPayHandling,
    WorkingTimeForm,
)

MODELS: dict[EmploymentModel, Text] = {
    EmploymentModel.forenad_en_arbetsgivare: t(
        "förenad anställning, en arbetsgivare: lärosätet anställer 100 %, "
        "det kliniska arbetet är ett uppdrag",
        "joint post, one employer: the university employs 100 %, clinical work is an assignment",
    ),
    EmploymentModel.forenad_tva_anstallningar: t(
        "förenad anställning, två anställningar: ett avtal med varje arbetsgivare, sammankopplade",
        "joint post, two employments: one contract with each employer, linked",
    ),
    EmploymentModel.kombinationsanstallning: t(
        "kombinationsanställning: två självständiga anställningar samordnade genom ett samverkansavtal",
        "combined employment: two independent employments coordinated by a cooperation agreement",
    ),
    EmploymentModel.tjanstekop: t(
        "tjänsteköp: en arbetsgivare anställer, den andra köper en del av tiden mot faktura",
        "service purchase: one employer employs, the other buys a share of the time by invoice",
    ),
    EmploymentModel.adjungering: t(
        "adjungering: tidsbegränsad lärartjänst vid ett lärosäte för någon som är anställd på annat håll",
        "adjunct post: a time-limited teacher post at a university for someone employed elsewhere",
    ),
    EmploymentModel.kombinationsdoktorand: t(
        "kombinationsdoktorand: forskarutbildning inom en anställning i region eller kommun",
        "combined doctoral student: doctoral studies inside an employment at a region or kommun",
    ),
    EmploymentModel.delad_tjanst_region_kommun: t(
        "delad tjänst region–kommun: en tjänst delad mellan region och kommun (nära vård)",
        "shared post region–kommun: one post shared between a region and a kommun (local care)",
    ),
}

DEFAULT_TITLES: dict[EmploymentModel, str] = {
    EmploymentModel.forenad_en_arbetsgivare: "Samverkansavtal om förenad anställning",
    EmploymentModel.forenad_tva_anstallningar: "Samverkansavtal om förenad anställning i två anställningar",
    EmploymentModel.kombinationsanstallning: "Samverkansavtal om kombinationsanställning",
    EmploymentModel.tjanstekop: "Avtal om köp av tjänst",
    EmploymentModel.adjungering: "Avtal om adjungering",
    EmploymentModel.kombinationsdoktorand: (
        "Avtal om forskarutbildning inom anställning (kombinationsdoktorand)"
    ),
    EmploymentModel.delad_tjanst_region_kommun: "Samverkansavtal om delad tjänst mellan region och kommun",
}

KINDS: dict[EmployerKind, Text] = {
    EmployerKind.statligt_larosate: t("statligt lärosäte", "state university"),
    EmployerKind.enskilt_larosate: t(
        "enskilt lärosäte (t.ex. stiftelsehögskola)", "private university (e.g. a foundation)"
    ),
    EmployerKind.region: t("region", "region"),
    EmployerKind.kommun: t("kommun", "municipality"),
    EmployerKind.privat_vardgivare: t("privat vårdgivare", "private care provider"),
    EmployerKind.annan_arbetsgivare: t(
        "annan arbetsgivare utanför vården (företag, myndighet, organisation)",
        "other employer outside health care (company, agency, organisation)",
    ),
}

POSITIONS: dict[Position, Text] = {
    Position.professor: t("professor", "professor"),
    Position.lektor: t("lektor", "senior lecturer"),
    Position.bitradande_lektor: t("biträdande lektor", "assistant professor"),
    Position.adjunkt: t("adjunkt", "lecturer"),
    Position.adjungerad_professor: t("adjungerad professor", "adjunct professor"),
    Position.adjungerad_lektor: t("adjungerad lektor", "adjunct senior lecturer"),
    Position.adjungerad_adjunkt: t("adjungerad adjunkt", "adjunct lecturer"),
    Position.doktorand: t("doktorand", "doctoral student"),
    Position.postdoktor: t("postdoktor", "postdoc"),
    Position.specialistlakare: t("specialistläkare", "specialist physician"),
    Position.overlakare: t("överläkare", "senior consultant physician"),
    Position.specialisttandlakare: t("specialisttandläkare", "specialist dentist"),
    Position.sjukskoterska: t("sjuksköterska", "nurse"),
    Position.specialistsjukskoterska: t("specialistsjuksköterska", "specialist nurse"),
    Position.distriktsskoterska: t("distriktssköterska", "district nurse"),
    Position.barnmorska: t("barnmorska", "midwife"),
    Position.fysioterapeut: t("fysioterapeut", "physiotherapist"),
    Position.arbetsterapeut: t("arbetsterapeut", "occupational therapist"),
    Position.biomedicinsk_analytiker: t("biomedicinsk analytiker", "biomedical scientist"),
    Position.psykolog: t("psykolog", "psychologist"),
    Position.sjukhusfysiker: t("sjukhusfysiker", "medical physicist"),
    Position.annan: t("annan befattning", "other position"),
}

EMPLOYMENT_FORMS: dict[EmploymentForm, Text] = {
    EmploymentForm.tillsvidare: t("tillsvidare", "permanent"),
    EmploymentForm.provanstallning: t("provanställning (LAS 6 §)", "probation (LAS 6 §)"),
    EmploymentForm.sarskild_visstidsanstallning: t(
        "särskild visstidsanställning (LAS 5 § 1)", "special fixed-term employment (LAS 5 § 1)"
    ),
    EmploymentForm.vikariat: t("vikariat", "substitute"),
    EmploymentForm.sasongsarbete: t("säsongsarbete", "seasonal work"),
    EmploymentForm.visstid_efter_69: t("visstid efter 69 år (LAS 5 § 4)", "fixed term after 69 (LAS 5 § 4)"),
    EmploymentForm.tidsbegransad_hf: t(
        "tidsbegränsad enligt högskoleförordningen", "time-limited under the Higher Education Ordinance"
    ),
    EmploymentForm.adjungering: t("adjungering", "adjunct appointment"),
}

WORKING_TIME_FORMS: dict[WorkingTimeForm, Text] = {
    WorkingTimeForm.weekly_hours: t("timmar per vecka", "hours per week"),
    WorkingTimeForm.annual_hours: t("timmar per år (årsarbetstid)", "hours per year (annual hours)"),
}

SICK_PAY: dict[SickPayHandling, Text] = {
    SickPayHandling.varje_arbetsgivare: t(
        "varje arbetsgivare betalar sjuklön för sin anställning", "each employer pays for its own employment"
    ),
    SickPayHandling.huvudarbetsgivaren: t(
        "huvudarbetsgivaren betalar sjuklön för hela tjänsten", "the main employer pays for the whole post"
    ),
    SickPayHandling.enligt_tjanstekopsavtal: t(
        "arbetsgivaren betalar; köparens andel regleras via fakturan",
        "the employer pays; the buyer's share is settled through the invoice",
    ),
}


INVOICING_BASES: dict[InvoicingBasis, Text] = {
    InvoicingBasis.lon_plus_palagg: t(
        "lön för den köpta tiden plus pålägg (PO-pålägg eller lönekostnadspålägg)",
        "salary for the time bought plus an overhead (PO or payroll overhead)",
    ),
    InvoicingBasis.fast_pris: t("fast pris per faktureringsperiod", "a fixed price per invoicing period"),
    InvoicingBasis.timpris: t("timpris för arbetade timmar", "an hourly price for the hours worked"),
}

INVOICING_PERIODS: dict[InvoicingPeriod, Text] = {
    InvoicingPeriod.manad: t("varje månad", "every month"),
    InvoicingPeriod.kvartal: t("varje kvartal", "every quarter"),
    InvoicingPeriod.halvar: t("varje halvår", "every half year"),
    InvoicingPeriod.ar: t("varje år", "every year"),
}

DEGREES: dict[Degree, Text] = {
    Degree.doktorsexamen: t(
        "doktorsexamen (240 hp, fyra år på heltid)", "doctorate (240 credits, four years full time)"
    ),
    Degree.licentiatexamen: t(
        "licentiatexamen (120 hp, två år på heltid)", "licentiate (120 credits, two years full time)"
    ),
}


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    """An organisation offered by name (domain README §3b), with a short id like the examples use."""

    name: str
    organisationsnummer: str
    kind: EmployerKind
    id: str
    verified: bool
    """Seen on the organisation's own page; ``False``: seen only in public code, to be checked."""


_L, _R, _K = EmployerKind.statligt_larosate, EmployerKind.region, EmployerKind.kommun
KNOWN_ORGANISATIONS: tuple[KnownOrganisation, ...] = (
    KnownOrganisation("Högskolan Dalarna", "202100-2908", _L, "hda", True),
    KnownOrganisation("Högskolan i Gävle", "202100-2890", _L, "hig", True),
    KnownOrganisation("Karlstads universitet", "202100-3120", _L, "kau", True),
    KnownOrganisation("Mälardalens universitet", "202100-2916", _L, "mdu", True),
    KnownOrganisation("Örebro universitet", "202100-2924", _L, "oru", True),
    KnownOrganisation("Uppsala universitet", "202100-2932", _L, "uu", False),
    KnownOrganisation("Region Dalarna", "232100-0180", _R, "region-dalarna", True),
    KnownOrganisation("Region Sörmland", "232100-0032", _R, "region-sormland", True),
    KnownOrganisation("Region Värmland", "232100-0156", _R, "region-varmland", True),
    KnownOrganisation("Region Västmanland", "232100-0172", _R, "region-vastmanland", True),
    KnownOrganisation("Region Uppsala", "232100-0024", _R, "region-uppsala", False),
    KnownOrganisation("Region Örebro län", "232100-0164", _R, "rol", False),
    KnownOrganisation("Gävle kommun", "212000-2338", _K, "gavle-kommun", True),
    KnownOrganisation("Örebro kommun", "212000-1967", _K, "orebro-kommun", False),
    KnownOrganisation("Västerås stad", "212000-2080", _K, "vasteras", False),
)

UNCHECKED_ORGNR = t(
    "organisationsnumret är bara sett i öppen källkod; kontrollera det innan du förlitar dig på det",
    "the organisation number was seen only in public code; check it before relying on it",
)

# Prompts, keyed by the question key with ``N`` for a number (see the package docstring).
PROMPTS: dict[str, Text] = {
    "model": t("Anställningsmodell (nummer eller namn)", "Employment model (number or name)"),
    "id": t("Avtalets id, t.ex. diarienummer", "The agreement's id, e.g. a registry number"),
    "title": t("Avtalets rubrik", "The agreement's title"),
    "employers.count": t("Hur många organisationer är parter", "How many organisations are parties"),
    "employer.N.name": t(
        "Organisation {n}: nummer i listan eller namn", "Organisation {n}: number in the list or a name"
    ),
    "employer.N.organisationsnummer": t(
        "Organisationsnummer för {name} (NNNNNN-NNNN, - för inget)",
        "Organisation number of {name} (NNNNNN-NNNN, - for none)",
    ),
    "employer.N.kind": t("Slag av organisation för {name}", "Kind of organisation for {name}"),
    "employer.N.id": t(
        "Kort id för {name} (små bokstäver, siffror, - och _)",
        "Short id for {name} (lower case letters, digits, - and _)",
    ),
    "main_employer": t("Huvudarbetsgivare (id, - för ingen)", "Main employer (id, - for none)"),
    "person.name": t("Personens namn", "The person's name"),
    "person.birth": t(
        "Födelseår (ÅÅÅÅ) eller personnummer (ÅÅÅÅMMDD-NNNN)",
        "Birth year (YYYY) or personnummer (YYYYMMDD-NNNN)",
    ),
    "person.profession": t(
        "Yrke, t.ex. läkare eller sjuksköterska (- för inget)",
        "Profession, e.g. läkare or sjuksköterska (- for none)",
    ),
    "start_date": t(
        "Avtalets startdatum (t.ex. 2027-03-01 eller 1 mars 2027)",
        "Start date of the agreement (e.g. 2027-03-01 or 1 March 2027)",
    ),
    "end_date": t(
        "Sista dag om avtalet är tidsbegränsat (ett datum, - för inget)",
        "Last day if the agreement is time-limited (a date, - for none)",
    ),
    "parts.count": t(
        "Hur många delar har tjänsten (en per roll och arbetsgivare)",
        "How many parts does the post have (one per role and employer)",
    ),
    "part.N.employer": t(
        "Del {n}: vilken arbetsgivare anställer och betalar lön (id)",
        "Part {n}: which employer employs and pays the salary (id)",
    ),
    "part.N.position": t("Del {n}: befattning (nummer eller namn)", "Part {n}: position (number or name)"),
    "part.N.host": t(
        "Del {n}: organisation där arbetet utförs och leds, om en annan (id, - för ingen)",
        "Part {n}: organisation where the work is done and led, if another (id, - for none)",
    ),
    "part.N.title": t(
        "Del {n}: befattningens benämning i klartext (- för ingen)",
        "Part {n}: the position's title in plain words (- for none)",
    ),
    "part.N.employment_form": t("Del {n}: anställningsform", "Part {n}: form of employment"),
    "part.N.end_date": t(
        "Del {n}: sista dag för den tidsbegränsade delen (ett datum, - för att ange senare)",
        "Part {n}: last day of the fixed-term part (a date, - to state later)",
    ),
    "part.N.extent_percent": t(
        "Del {n}: omfattning i procent av heltid", "Part {n}: extent in percent of full time"
    ),
    "part.N.monthly_salary": t(
        "Del {n}: månadslön i kronor för delen, vid dess omfattning (t.ex. 26 500)",
        "Part {n}: monthly salary in kronor for the part, at its extent (e.g. 26,500)",
    ),
    "part.N.working_time": t(
        "Del {n}: hur arbetstiden mäts (- för att utelämna)",
        "Part {n}: how working time is measured (- to leave out)",
    ),
    "part.N.full_time_hours": t(
        "Del {n}: heltidsmått i {unit} vid 100 %", "Part {n}: full-time measure in {unit} at 100 %"
    ),
    "part.N.workplace": t("Del {n}: arbetsplats (- för ingen)", "Part {n}: workplace (- for none)"),
    "part.N.payer": t("Del {n}: vem bär lönekostnaden (id)", "Part {n}: who bears the salary cost (id)"),
    "total_extent_percent": t(
        "Total omfattning i procent (delarna ska summera till den)",
        "Total extent in percent (the parts must add up to it)",
    ),
    "part.N.notice.employer_months": t(
        "Del {n} ({employer}): arbetsgivarens uppsägningstid i månader (- för att ange senare)",
        "Part {n} ({employer}): the employer's notice period in months (- to state later)",
    ),
    "part.N.notice.employee_months": t(
        "Del {n} ({employer}): arbetstagarens uppsägningstid i månader (- för att ange senare)",
        "Part {n} ({employer}): the employee's notice period in months (- to state later)",
    ),
    "invoicing": t(
        "Fakturerar arbetsgivaren den som bär kostnaden för en del (ja/nej)",
        "Does the employer invoice the party that bears a part's cost (yes/no)",
    ),
    "invoicing.seller": t(
        "Fakturering: vem fakturerar (arbetsgivaren som säljer tid, id)",
        "Invoicing: who invoices (the employer selling time, id)",
    ),
    "invoicing.buyer": t(
        "Fakturering: vem köper tid och betalar fakturan (id)",
        "Invoicing: who buys time and pays the invoice (id)",
    ),
    "invoicing.basis": t("Fakturering: prisgrund", "Invoicing: price basis"),
    "invoicing.share_percent": t(
        "Fakturering: köpt andel av heltid i procent (- för ingen)",
        "Invoicing: share of full time bought, in percent (- for none)",
    ),
    "invoicing.overhead_percent": t(
        "Fakturering: pålägg på lönen i procent för {name} (PO-pålägg eller LKP, - för att ange senare)",
        "Invoicing: overhead on salary in percent for {name} (PO or LKP, - to state later)",
    ),
    "invoicing.price": t("Fakturering: pris i kronor {basis}", "Invoicing: price in kronor {basis}"),
    "invoicing.period": t("Fakturering: faktureringsperiod", "Invoicing: invoicing period"),
    "invoicing.payment_terms_days": t(
        "Fakturering: betalningsvillkor i dagar", "Invoicing: payment terms in days"
    ),
    "doctoral_studies.larosate": t(
        "Forskarutbildning: lärosätet som antar till forskarutbildningen (id)",
        "Doctoral studies: the university that admits to the doctoral education (id)",
    ),
    "doctoral_studies.degree": t("Forskarutbildning: examen", "Doctoral studies: degree"),
    "doctoral_studies.admitted_on": t(
        "Forskarutbildning: antagningsdag (ett datum, tomt om antagningen ännu inte är gjord)",
        "Doctoral studies: day of admission (a date, empty if not yet admitted)",
    ),
    "doctoral_studies.financing_until": t(
        "Forskarutbildning: finansieringen är säkrad till och med (ett datum, - för att ange senare)",
        "Doctoral studies: financing is secured until (a date, - to state later)",
    ),
    "doctoral_studies.supervisors": t(
        "Forskarutbildning: handledare, huvudhandledaren först, åtskilda med ; eller , (tomt för senare)",
        "Doctoral studies: supervisors, the main supervisor first, separated by ; or , (empty for later)",
    ),
    "doctoral_studies.individual_study_plan": t(
        "Forskarutbildning: finns en individuell studieplan, eller upprättas den vid antagningen (ja/nej)",
        "Doctoral studies: is there an individual study plan, or is it made at admission (yes/no)",
    ),
    "work_environment.N.responsible": t(
        "Arbetsmiljöansvar för arbetsplatsen {workplace} (id)",
        "Work-environment responsibility for the workplace {workplace} (id)",
    ),
    "rehabilitation.lead": t(
        "Vilken arbetsgivare leder rehabiliteringen (id)", "Which employer leads rehabilitation (id)"
    ),
    "rehabilitation.cooperation": t(
        "Hur medverkar den andra arbetsgivaren i rehabiliteringen (tomt för inget)",
        "How does the other employer take part in rehabilitation (empty for nothing)",
    ),
    "sick_pay.handling": t("Hur hanteras sjuklönen", "How is sick pay handled"),
    "secondary_employment.reported": t(
        "Har varje arbetsgivare fått veta om den andra anställningen (bisyssla) (ja/nej)",
        "Has each employer been told of the other employment (secondary employment) (yes/no)",
    ),
    "linked_termination.linked": t(
        "Upphör delarna tillsammans, om den ena upphör (ja/nej)",
        "Do the parts end together when one of them ends (yes/no)",
    ),
    "linked_termination.description": t(
        "Hur, och med vilket varsel (- för ingen text)", "How, and with what notice (- for no text)"
    ),
    "procedure.exit": t(
        "Hur avslutas arrangemanget, t.ex. uppsägning av samverkansavtalet (- för att fylla i senare)",
        "How does the arrangement end, e.g. notice on the cooperation agreement (- to fill in later)",
    ),
    "procedure.dispute": t(
        "Hur löses tvister (- för ingen text)", "How are disputes resolved (- for no text)"
    ),
    "vacation.coordination": t(
        "Hur samordnas semesterns förläggning mellan arbetsgivarna (- för ingen text)",
        "How is the timing of vacation coordinated between the employers (- for no text)",
    ),
    "review_date": t("Datum för uppföljning (ett datum, - för inget)", "Review date (a date, - for none)"),
    "output": t("Filnamn för avtalet", "File name for the agreement"),
    "check": t("Pröva avtalet nu (ja/nej)", "Check the agreement now (yes/no)"),
    "draft": t("Skriva ett Word-utkast nu (ja/nej)", "Write a Word draft now (yes/no)"),
}

# Other messages.
MESSAGES: dict[str, Text] = {
    "intro": t(
        "forenad new: frågor som skriver en avtalsfil. Tryck Enter för förslaget inom [ ].",
        "forenad new: questions that write an agreement file. Press Enter for the suggestion in [ ].",
    ),
    "models": t("Anställningsmodeller:", "Employment models:"),
    "organisations": t(
        "Organisationer att välja bland (eller skriv ett annat namn):",
        "Organisations to pick from (or type another name):",
    ),
    "unchecked": t("kontrollera numret", "check the number"),
    "positions": t("Befattningar:", "Positions:"),
    "options": t("Val:", "Options:"),
    "invalid": t("✗ {message}. Försök igen.", "✗ {message}. Try again."),
    "required": t("ett svar krävs", "an answer is required"),
    "count": t("ett heltal från 1 till {max} väntas", "a whole number from 1 to {max} is expected"),
    "yes_no": t("svara ja eller nej", "answer yes or no"),
    "number": t(
        "ett tal väntas, t.ex. 26 500, 26500,50 eller 37,5",
        "a number is expected, e.g. 26,500, 26500.50 or 37.5",
    ),
    "number_groups": t(
        "siffrorna ska stå i grupper om tre, t.ex. 1 234 567; eller skriv dem utan mellanrum",
        "digits must be grouped in threes, e.g. 1 234 567; or write them without spaces",
    ),
    "date": t(
        "ett datum väntas, t.ex. 2027-03-01, 1 mars 2027 eller 1/3 2027",
        "a date is expected, e.g. 2027-03-01, 1 March 2027 or March 1, 2027",
    ),
    "date_ambiguous": t(
        "dag och månad kan förväxlas i den formen (1/3/2027 är 3 januari i amerikansk skrift); "
        "skriv 2027-03-01, 1 mars 2027 eller 1/3 2027",
        "day and month can be mixed up in that form (1/3/2027 is 3 January in American use); "
        "write 2027-03-01, 1 March 2027 or March 1, 2027",
    ),
    "no_such_date": t("det datumet finns inte", "there is no such date"),
    "wrong_weekday": t("{date} är en annan veckodag", "{date} is another day of the week"),
    "choice": t(
        "{input} finns inte bland valen; svara med ett nummer från 1 till {max} eller ett av: {values}",
        "{input} is not one of the options; answer with a number from 1 to {max} or one of: {values}",
    ),
    "choice_long": t(
        "{input} finns inte bland valen; svara med ett nummer från 1 till {max} eller ett värde i listan",
        "{input} is not one of the options; answer with a number from 1 to {max} or a value in the list",
    ),
    "end_of_input": t(
        "svaren tog slut vid frågan {key}; ingen fil skrevs",
        "the answers ran out at the question {key}; no file was written",
    ),
    "answers_file": t("svarsfilen {file}: {message}", "the answers file {file}: {message}"),
    "answers_not_mapping": t(
        "en mappning från frågenyckel till svar väntas", "a mapping of question keys to answers is expected"
    ),
    "unknown_key": t("okänd frågenyckel {key}", "unknown question key {key}"),
    "unused": t("Oanvända svar i svarsfilen: {keys}", "Unused answers in the answers file: {keys}"),
    "masked": t("  → personnummer {value}", "  → personnummer {value}"),
    "default_source": t("  (förslag: {source})", "  (suggestion: {source})"),
    "invalid_agreement": t(
        "✗ Avtalet kunde inte valideras; ingen fil skrevs:",
        "✗ The agreement could not be validated; no file written:",
    ),
    "written": t("✓ Skrev {file}", "✓ Wrote {file}"),
    "check_later": t(
        "Pröva avtalet senare med: forenad check {file}",
        "Check the agreement later with: forenad check {file}",
    ),
    "draft_later": t(
        "Skriv ett utkast senare med: forenad draft {file}", "Write a draft later with: forenad draft {file}"
    ),
    "file_exists": t(
        "{file} finns redan; välj ett annat namn eller använd --force",
        "{file} exists; choose another name or use --force",
    ),
    "bad_file_name": t("ogiltigt filnamn", "invalid file name"),
    "invoicing_one_party": t(
        "  Ett tjänsteköp faktureras mellan två parter, men bara en är angiven: faktureringen hoppas över",
        "  A service purchase is invoiced between two parties, but only one is given: invoicing is skipped",
    ),
    "buyer_is_seller": t(
        "köparen ska vara en annan part än den som fakturerar", "the buyer must be another party"
    ),
    "per_hour": t("per timme", "per hour"),
    "per_period": t("per faktureringsperiod", "per invoicing period"),
    "overhead_default": t(
        "  (förslaget är forenads standardvärde för {name}; ersätt det med arbetsgivarens eget pålägg)",
        "  (the suggestion is forenad's default for {name}; replace it with the employer's own overhead)",
    ),
    "whole_number": t("ett heltal väntas", "a whole number is expected"),
    "notice_unknown": t(
        "  Uppsägningstiden enligt {agreement} på startdagen finns inte bland forenads granskade värden; "
        "ange den ur kollektivavtalet (eller - för att ange senare)",
        "  The notice period under {agreement} on the start date is not among forenad's reviewed values; "
        "give it from the collective agreement (or - to state later)",
    ),
    "doctoral_without_larosate": t(
        "  Inget lärosäte är part, så forskarutbildningen kan inte anges; lägg till lärosätet i filen",
        "  No university is a party, so the doctoral studies cannot be given; add the university in the file",
    ),
    "study_share_too_low": t(
        "  Vid studietakten {share} % tar utbildningen {years} år, men den ska kunna slutföras inom "
        "{most} år (högskoleförordningen 7 kap. 36 §): öka doktoranddelens omfattning",
        "  At a study share of {share} % the education takes {years} years, but it must be possible "
        "to finish within {most} years (Higher Education Ordinance 7 kap. 36 §): increase the doctoral "
        "part's extent",
    ),
    "financing_before_admission": t(
        "finansieringen ska räcka efter antagningen den {admitted}",
        "financing must last past the admission on {admitted}",
    ),
    "supervisors": t(
        "skriv handledarnas namn åtskilda med ; eller ,", "write the supervisors' names separated by ; or ,"
    ),
    "hours_week": t("timmar per vecka", "hours per week"),
    "hours_year": t("timmar per år", "hours per year"),
}

"""What ``forenad new`` says: prompts, option labels and the organisations offered as a pick list.

User text is Swedish and English (:class:`~forenad.i18n.Text`); the agreement text a default fills in (a
title, a clause) stays Swedish, since the agreement itself is a Swedish document.
"""

from __future__ import annotations

from dataclasses import dataclass

from forenad.i18n import Text, t
from forenad.model import (
    EmployerKind,
    EmploymentForm,
    EmploymentModel,
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
    "start_date": t("Avtalets startdatum (ÅÅÅÅ-MM-DD)", "Start date of the agreement (YYYY-MM-DD)"),
    "end_date": t(
        "Slutdatum om avtalet är tidsbegränsat (ÅÅÅÅ-MM-DD, tomt för inget)",
        "End date if the agreement is time-limited (YYYY-MM-DD, empty for none)",
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
        "Del {n}: befattningens benämning i klartext (tomt för ingen)",
        "Part {n}: the position's title in plain words (empty for none)",
    ),
    "part.N.employment_form": t("Del {n}: anställningsform", "Part {n}: form of employment"),
    "part.N.extent_percent": t(
        "Del {n}: omfattning i procent av heltid", "Part {n}: extent in percent of full time"
    ),
    "part.N.monthly_salary": t(
        "Del {n}: månadslön i kronor för delen, vid dess omfattning",
        "Part {n}: monthly salary in kronor for the part, at its extent",
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
        "Hur avslutas arrangemanget, t.ex. uppsägning av samverkansavtalet (tomt för att fylla i senare)",
        "How does the arrangement end, e.g. notice on the cooperation agreement (empty to fill in later)",
    ),
    "procedure.dispute": t(
        "Hur löses tvister (- för ingen text)", "How are disputes resolved (- for no text)"
    ),
    "vacation.coordination": t(
        "Hur samordnas semesterns förläggning mellan arbetsgivarna (- för ingen text)",
        "How is the timing of vacation coordinated between the employers (- for no text)",
    ),
    "review_date": t(
        "Datum för uppföljning (ÅÅÅÅ-MM-DD, - för inget)", "Review date (YYYY-MM-DD, - for none)"
    ),
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
    "hours_week": t("timmar per vecka", "hours per week"),
    "hours_year": t("timmar per år", "hours per year"),
}

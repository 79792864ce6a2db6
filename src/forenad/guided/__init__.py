"""Guided questions that write an agreement file (``forenad new``).

Each answer is validated at once by the agreement model's own validators and asked again with the model's
Swedish or English message when it is not accepted; at the end the whole :class:`~forenad.model.Agreement`
is validated, and the file is written atomically with a schema line and a Swedish comment above each section.

Scripting: answers are taken first from ``--answers FILE`` (a YAML mapping of question keys to answers, each
used once), then from standard input, one answer per line when it is not a terminal. An empty answer takes
the suggestion shown in brackets; ``-`` (or ``null`` in the answers file) leaves an optional value out. A
choice is answered with its number in the list shown or its value. Yes/no questions take ``ja``/``nej``,
``yes``/``no`` (or ``true``/``false``). An answer that is not accepted is reported with the model's message
and the question is asked again (on standard input, when the rejected answer came from the file).

When a scripted input ends, the remaining questions take their suggestions and optional ones are left out,
so an answers file need only hold what differs. A required question without a suggestion, or one whose
last answer was rejected, then ends the command with exit code 2 and nothing is written; at a terminal,
the end of input (Ctrl-D) always does.

Numbers and dates are read as people write them (:mod:`forenad.guided.reading`): amounts such as ``26 500``,
``26 500 kr``, ``26500,50`` or ``26.500`` (kronor have at most two decimals, so a comma or dot before exactly
three digits sets thousands apart), percentages such as ``37,5`` or ``37.5 %``; dates such as ``2027-03-01``,
``1 mars 2027``, ``1/3 2027`` or, in English, ``1 March 2027`` and ``March 1, 2027`` (``1/3/2027`` is refused:
it means another day in American use). An answer read in another form than it was typed is repeated as read
(``→ 2027-03-01``). Suggestions are shown in the language's number form and read back the same. In an
answers file a decimal number is taken as written (``26.500``), not as YAML's float (26.5).

Question keys, in the order they are asked (``N`` counts from 1):

==========================================  ==================================================================
key                                         answer
==========================================  ==================================================================
``model``                                   employment model: 1–7 or its value (``tjanstekop`` …); default 1
``id``                                      the agreement's id, e.g. a registry number
``title``                                   the agreement's title; default by model
``employers.count``                         how many organisations are parties (1–10); default 2
``employer.N.name``                         a number in the organisation pick list, or a name
``employer.N.organisationsnummer``          NNNNNN-NNNN, checksum tested; default from the pick list
``employer.N.kind``                         ``statligt_larosate``, ``enskilt_larosate``, ``region``,
                                            ``kommun``, ``privat_vardgivare``, ``annan_arbetsgivare`` (or
                                            1–6); default from the pick list or guessed from the name (a
                                            company "… AB" or an agency: ``annan_arbetsgivare``)
``employer.N.id``                           short id the rest of the file uses; default from the name
``main_employer``                           an employer id, or ``-``; default by model
``person.name``                             the person's name
``person.birth``                            birth year ``ÅÅÅÅ`` or personnummer ``ÅÅÅÅMMDD-NNNN`` (checksum
                                            tested, masked when echoed), or ``-``
``person.profession``                       e.g. ``läkare``, or ``-``
``start_date``                              a date; default the first of next month
``end_date``                                a date, or ``-`` when not time-limited; default two years less a
                                            day for an ``adjungering`` (none for the other models)
``parts.count``                             how many parts (1–10); default 2
``part.N.employer``                         the employer id that employs and pays the part
``part.N.position``                         a position value (``professor``, ``overlakare`` …) or its number;
                                            for a förenad anställning the teacher posts that may be förenad on
                                            the start date are shown (högskoleförordningen 4 kap. 2 §, SFS
                                            2025:667 from 2025-07-15)
``part.N.host``                             the id of where the work is done and led, or ``-``; asked when
                                            there is another employer; default by model and position (in a
                                            förenad anställning from 2025-07-15 the lärosäte's part that is no
                                            teacher post is done with the employer outside the university,
                                            whatever its kind)
``part.N.title``                            the position's title in plain words, or ``-``; default the
                                            position's name
``part.N.employment_form``                  ``tillsvidare``, ``vikariat``, ``adjungering`` … ; default by
                                            position
``part.N.end_date``                         a date, or ``-``; asked for a fixed-term part when the agreement
                                            has no end date; default two years less a day for an
                                            ``adjungering``
``part.N.extent_percent``                   percent of full time; default an even split of 100
``part.N.monthly_salary``                   kronor per month for the part at its extent (``26 500``,
                                            ``26500,50``, ``26.500 kr`` are all fine)
``part.N.working_time``                     ``weekly_hours`` or ``annual_hours``, or ``-``; default annual
                                            hours for an academic part at a statligt lärosäte
``part.N.full_time_hours``                  hours at 100 %; default 40 a week (arbetstidslagen) or the state
                                            teachers' annual hours for the person's vacation days
``part.N.workplace``                        the workplace, or ``-``; default the name of the host or employer
``part.N.payer``                            the employer id that bears the part's salary cost
``total_extent_percent``                    the person's total extent; default the sum of the parts
``part.N.notice.employer_months``           whole months, or ``-``; asked, after the parts, for each
                                            open-ended part whose notice ``forenad check`` cannot set from
                                            reviewed values on the start date (AB 24 § 33: a region's or
                                            kommun's part); no default
``part.N.notice.employee_months``           the same for the employee's notice
``invoicing``                               yes/no: does the employer invoice the party that bears a part's
                                            cost; asked, default yes, when a part's payer is not its employer
                                            (a ``tjanstekop`` always invoices and is not asked)
``invoicing.seller``                        the employer id that invoices; default the employer of a part
                                            another party pays for
``invoicing.buyer``                         the id that buys time and pays; default that payer (or the host)
``invoicing.basis``                         ``lon_plus_palagg``, ``fast_pris`` or ``timpris`` (or 1–3);
                                            default ``lon_plus_palagg``
``invoicing.share_percent``                 share of full time bought, or ``-``; default the extent of the
                                            seller's parts the buyer pays for or hosts
``invoicing.overhead_percent``              overhead on salary in percent, or ``-``; asked for
                                            ``lon_plus_palagg``; default the overhead ``forenad check`` uses
                                            for the seller on the start date (SKR's PO rate, a documented
                                            state default), none when it is unknown
``invoicing.price``                         kronor per invoicing period (``fast_pris``) or per hour
                                            (``timpris``); asked for those bases, no default
``invoicing.period``                        ``manad``, ``kvartal``, ``halvar`` or ``ar`` (or 1–4); default
                                            ``kvartal``
``invoicing.payment_terms_days``            days; default 30
``doctoral_studies.larosate``               the lärosäte that admits (an id); asked for a
                                            ``kombinationsdoktorand`` when a lärosäte is a party, as are the
                                            questions below; default the host of the doctoral part
``doctoral_studies.degree``                 ``doktorsexamen`` or ``licentiatexamen`` (or 1–2); default
                                            ``doktorsexamen``
``doctoral_studies.admitted_on``            a date, or empty when the person is not admitted yet
``doctoral_studies.financing_until``        a date, or ``-``; default the day ``forenad check`` computes the
                                            education ends at the study share (the doctoral parts' extent),
                                            from the admission or the start (högskoleförordningen 7 kap. 36 §)
``doctoral_studies.supervisors``            names, the main supervisor first, separated by ``;`` (or ``,``
                                            when there is no ``;``), or empty
``doctoral_studies.individual_study_plan``  yes/no: is there an individual study plan (or one made at
                                            admission); default yes
``work_environment.N.responsible``          the employer id responsible for the N-th distinct workplace
``rehabilitation.lead``                     the employer id that leads rehabilitation
``rehabilitation.cooperation``              how the other employer takes part, or empty
``sick_pay.handling``                       ``varje_arbetsgivare``, ``huvudarbetsgivaren`` or
                                            ``enligt_tjanstekopsavtal`` (or 1–3)
``secondary_employment.reported``           yes/no; asked when more than one employer employs a part
``linked_termination.linked``               yes/no: do the parts end together
``linked_termination.description``          how, and with what notice, or ``-``
``procedure.exit``                          how the arrangement ends, or ``-`` (flagged by ``check``); default
                                            a clause by model (notice on the agreement, or its end)
``procedure.dispute``                       how disputes are resolved, or ``-``
``vacation.coordination``                   how vacation is coordinated, or ``-``
``review_date``                             a date, or ``-``; default a year after the start
``output``                                  the file name, asked when ``-o`` is not given
``check``                                   yes/no: check the written file now
``draft``                                   yes/no: write a Word draft now (asked only when ``forenad draft``
                                            exists)
==========================================  ==================================================================
"""

from forenad.guided.answers import QUESTION_KEYS, AnswersFileError, load_answers
from forenad.guided.asking import Asker, LineSource, OutOfAnswers, TerminalSource
from forenad.guided.interview import AgreementInvalid, interview
from forenad.guided.writer import render, schema_reference

__all__ = [
    "QUESTION_KEYS",
    "AgreementInvalid",
    "AnswersFileError",
    "Asker",
    "LineSource",
    "OutOfAnswers",
    "TerminalSource",
    "interview",
    "load_answers",
    "render",
    "schema_reference",
]

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

Question keys, in the order they are asked (``N`` counts from 1):

=================================  ====================================================================
key                                answer
=================================  ====================================================================
``model``                          employment model: 1–7 or its value (``tjanstekop`` …); default 1
``id``                             the agreement's id, e.g. a registry number
``title``                          the agreement's title; default by model
``employers.count``                how many organisations are parties (1–10); default 2
``employer.N.name``                a number in the organisation pick list, or a name
``employer.N.organisationsnummer`` NNNNNN-NNNN, checksum tested; default from the pick list
``employer.N.kind``                ``statligt_larosate``, ``enskilt_larosate``, ``region``, ``kommun``,
                                   ``privat_vardgivare``, ``annan_arbetsgivare`` (or 1–6)
``employer.N.id``                  short id the rest of the file uses; default from the name
``main_employer``                  an employer id, or ``-``; default by model
``person.name``                    the person's name
``person.birth``                   birth year ``ÅÅÅÅ`` or personnummer ``ÅÅÅÅMMDD-NNNN`` (checksum
                                   tested, masked when echoed), or ``-``
``person.profession``              e.g. ``läkare``, or ``-``
``start_date``                     ``ÅÅÅÅ-MM-DD``; default the first of next month
``end_date``                       ``ÅÅÅÅ-MM-DD``, or empty when not time-limited
``parts.count``                    how many parts (1–10); default 2
``part.N.employer``                the employer id that employs and pays the part
``part.N.position``                a position value (``professor``, ``overlakare`` …) or its number
``part.N.host``                    the id of where the work is done and led, or ``-``; asked when there
                                   is another employer
``part.N.title``                   the position's title in plain words, or empty
``part.N.employment_form``         ``tillsvidare``, ``vikariat``, ``adjungering`` … ; default by position
``part.N.extent_percent``          percent of full time; default an even split of 100
``part.N.monthly_salary``          kronor per month for the part at its extent (``46 000`` is fine)
``part.N.working_time``            ``weekly_hours`` or ``annual_hours``, or ``-``; default annual hours
                                   for an academic part at a statligt lärosäte
``part.N.full_time_hours``         hours at 100 %; default 40 a week (arbetstidslagen) or the state
                                   teachers' annual hours for the person's vacation days
``part.N.workplace``               the workplace, or ``-``; default the name of the host or employer
``part.N.payer``                   the employer id that bears the part's salary cost
``total_extent_percent``           the person's total extent; default the sum of the parts
``work_environment.N.responsible`` the employer id responsible for the N-th distinct workplace
``rehabilitation.lead``            the employer id that leads rehabilitation
``rehabilitation.cooperation``     how the other employer takes part, or empty
``sick_pay.handling``              ``varje_arbetsgivare``, ``huvudarbetsgivaren`` or
                                   ``enligt_tjanstekopsavtal`` (or 1–3)
``secondary_employment.reported``  yes/no; asked when more than one employer employs a part
``linked_termination.linked``      yes/no: do the parts end together
``linked_termination.description`` how, and with what notice, or ``-``
``procedure.exit``                 how the arrangement ends, or empty (flagged by ``check``)
``procedure.dispute``              how disputes are resolved, or ``-``
``vacation.coordination``          how vacation is coordinated, or ``-``
``review_date``                    ``ÅÅÅÅ-MM-DD`` or ``-``; default a year after the start
``output``                         the file name, asked when ``-o`` is not given
``check``                          yes/no: check the written file now
``draft``                          yes/no: write a Word draft now (asked only when ``forenad draft``
                                   exists)
=================================  ====================================================================
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

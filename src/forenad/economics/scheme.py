"""Which occupational pension scheme a part falls under: stated by the employer, else following from the
employer's kind, the person's birth year and when the employment began.

- A state lärosäte: PA 16 avdelning I for people born from ``pension_pa16_avd1.born_from``, else avd. II.
- A region or kommun: AKAP-KR for anyone employed from ``pension_akap_kr.coverage.new_employees_from``
  (2023-01-01) whatever the birth year; for people employed before, AKAP-KR from ``always_born_from`` (1986),
  KAP-KL up to ``pension_kap_kl.born_to`` (1957), and in between it depends on pay and accrual on
  2022-12-31, which the agreement must state (:func:`scheme_conditional`).
- Any other employer: the agreement must state it.
"""

from __future__ import annotations

import datetime as dt

from forenad.economics.lookup import Lookup
from forenad.model import Agreement, EmployerKind

_SECTOR = (EmployerKind.region, EmployerKind.kommun)


def employed_from(agreement: Agreement, part: int) -> dt.date:
    """When the part's employment with its employer began: ``employed_since``, else its start."""
    p = agreement.parts[part]
    return p.employed_since or p.start_date or agreement.start_date


def default_scheme(
    lookup: Lookup, kind: EmployerKind, birth_year: int | None, since: dt.date | None = None
) -> str | None:
    """The scheme that follows from the employer's kind, the birth year and (for a region or kommun) when
    the employment began; ``None`` when the agreement must state it or a value is not in force."""
    if kind in _SECTOR and since is not None:
        akap = lookup.value("pension_akap_kr")
        if akap is None:
            return None
        new_from = akap["coverage"].get("new_employees_from")
        if new_from is not None and since >= dt.date.fromisoformat(str(new_from)):
            return "akap_kr"  # newly employed in the sector from 2023: whatever the birth year
    if birth_year is None:
        return None
    if kind == EmployerKind.statligt_larosate:
        avd1 = lookup.value("pension_pa16_avd1")
        if avd1 is None:
            return None
        return "pa16_avd1" if birth_year >= avd1["born_from"] else "pa16_avd2"
    if kind in _SECTOR:
        akap, kap = lookup.value("pension_akap_kr"), lookup.value("pension_kap_kl")
        if akap is None or kap is None:
            return None
        if birth_year >= akap["coverage"]["always_born_from"]:
            return "akap_kr"
        if birth_year <= kap["born_to"]:
            return "kap_kl"
    return None


def pension_scheme(agreement: Agreement, part: int, lookup: Lookup) -> str | None:
    """The part's scheme: the employer's stated one, else :func:`default_scheme`."""
    employer = agreement.employer(agreement.parts[part].employer)
    if employer.pension_scheme is not None:
        return employer.pension_scheme.value
    return default_scheme(
        lookup, employer.kind, agreement.person.effective_birth_year, employed_from(agreement, part)
    )


def scheme_conditional(agreement: Agreement, part: int, lookup: Lookup, scheme: str | None) -> bool | None:
    """Whether AKAP-KR or KAP-KL depends on pay and accrual on 2022-12-31 (born 1958–1985 and employed
    before 2023 by a region or kommun, with no scheme stated); ``None`` when a value is not in force.
    ``scheme`` is the part's scheme as worked out (a decided scheme is not conditional)."""
    employer = agreement.employer(agreement.parts[part].employer)
    year = agreement.person.effective_birth_year
    if employer.pension_scheme is not None or year is None or employer.kind not in _SECTOR:
        return False
    if scheme is not None:
        return False
    akap = lookup.value("pension_akap_kr")
    if akap is None:
        return None
    cond = akap["coverage"]["conditional"]
    return bool(cond["born_from"] <= year <= cond["born_to"])

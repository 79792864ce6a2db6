"""Working time: each part's hours as a weekly equivalent, and the combined total per employer and overall.

A part measured in annual hours (the state teachers' 1 700–1 756 h) is converted at its employer's own
full-time measure: the share of the annual full time, times the ordinary full-time week of arbetstidslagen
5 § (40 h). So a 50 % part is 20 h a week whether it is written as weekly or annual hours.
"""

from __future__ import annotations

from decimal import Decimal

from forenad.derive.basics import part_of
from forenad.engine.facts import (
    FactContext,
    fact,
)
from forenad.model import WorkingTimeForm

HUNDRED = Decimal(100)


def ordinary_week(ctx: FactContext) -> Decimal:
    return Decimal(str(ctx.param("arbetstid_atl")["ordinary_hours_per_week"]))


@fact(
    "weekly_hours",
    scope="part",
    sv="Delens arbetstid i timmar per vecka (omräknad vid årsarbetstid)",
    en="The part's working time in hours per week (converted from annual hours)",
)
def weekly_hours(ctx: FactContext, part: int) -> Decimal | None:
    p = part_of(ctx, part)
    share = p.extent_percent / HUNDRED
    if p.working_time is not None and p.working_time.form == WorkingTimeForm.weekly_hours:
        return share * p.working_time.full_time_hours
    week = ctx.get("ordinary_week_limit")
    return None if week is None else share * week


@fact(
    "full_time_week",
    scope="part",
    sv="Heltidsmåttet i timmar per vecka, när det anges per vecka",
    en="The full-time measure in hours per week, when given per week",
)
def full_time_week(ctx: FactContext, part: int) -> Decimal | None:
    p = part_of(ctx, part)
    if p.working_time is not None and p.working_time.form == WorkingTimeForm.weekly_hours:
        return p.working_time.full_time_hours
    return None


@fact(
    "ordinary_week_limit",
    sv="Högsta ordinarie arbetstid per vecka (ATL 5 §)",
    en="Maximum ordinary working time per week (ATL 5 §)",
)
def ordinary_week_limit(ctx: FactContext) -> Decimal:
    return ordinary_week(ctx)


@fact(
    "combined_weekly_hours",
    sv="Sammanlagd arbetstid per vecka i alla delar",
    en="Combined weekly working time in all parts",
)
def combined_weekly_hours(ctx: FactContext) -> Decimal | None:
    hours = [ctx.get("weekly_hours", i) for i in range(ctx.part_count())]
    return None if any(h is None for h in hours) else sum(hours, Decimal(0))


@fact(
    "max_weekly_hours_one_employer",
    sv="Största sammanlagda veckoarbetstid hos en och samma arbetsgivare",
    en="Largest combined weekly working time with one employer",
)
def max_weekly_hours_one_employer(ctx: FactContext) -> Decimal | None:
    per_employer: dict[str, Decimal] = {}
    for i, p in enumerate(ctx.agreement.parts):
        hours = ctx.get("weekly_hours", i)
        if hours is None:
            return None
        per_employer[p.employer] = per_employer.get(p.employer, Decimal(0)) + hours
    return max(per_employer.values())


@fact(
    "state_teacher_annual_hours",
    scope="part",
    sv="Årsarbetstid för heltid för en statlig lärare med delens semesterdagar",
    en="Full-time annual hours of a state teacher with the part's vacation days",
)
def state_teacher_annual_hours(ctx: FactContext, part: int) -> int | None:
    p = part_of(ctx, part)
    if (
        not p.position.is_academic
        or p.working_time is None
        or p.working_time.form != WorkingTimeForm.annual_hours
    ):
        return None
    if ctx.get("collective_agreement", part) not in ("villkorsavtal", "villkorsavtal_t"):
        return None
    days = ctx.get("vacation_days", part)
    for row in ctx.param("arbetstid_larare_stat"):
        if row["vacation_days"] == days:
            return int(row["annual_hours"])
    return None


@fact(
    "annual_full_time",
    scope="part",
    sv="Heltidsmåttet i timmar per år, när det anges per år",
    en="The full-time measure in hours per year, when given per year",
)
def annual_full_time(ctx: FactContext, part: int) -> Decimal | None:
    p = part_of(ctx, part)
    if p.working_time is not None and p.working_time.form == WorkingTimeForm.annual_hours:
        return p.working_time.full_time_hours
    return None

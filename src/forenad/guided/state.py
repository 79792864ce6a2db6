"""What an interview knows so far: the asker, the parameters, and the agreement data being built."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from forenad.guided.asking import Asker
from forenad.i18n import Lang, t
from forenad.model import EmployerKind, EmploymentModel
from forenad.params import ParameterSet


@dataclass
class State:
    asker: Asker
    params: ParameterSet
    today: dt.date
    data: dict[str, Any] = field(default_factory=dict)
    """The agreement as it is answered, in the shape of the file (validated by ``Agreement`` at the end)."""

    @property
    def model(self) -> EmploymentModel:
        return EmploymentModel(self.data["model"])

    @property
    def employers(self) -> list[dict[str, Any]]:
        employers: list[dict[str, Any]] = self.data.setdefault("employers", [])
        return employers

    @property
    def employer_ids(self) -> list[str]:
        return [str(e["id"]) for e in self.employers]

    def employer(self, employer_id: str) -> dict[str, Any]:
        return next(e for e in self.employers if e["id"] == employer_id)

    def kind(self, employer_id: str) -> EmployerKind:
        return EmployerKind(self.employer(employer_id)["kind"])

    @property
    def parts(self) -> list[dict[str, Any]]:
        parts: list[dict[str, Any]] = self.data.setdefault("parts", [])
        return parts

    @property
    def employing_ids(self) -> list[str]:
        """The employers that employ at least one part, in order."""
        return list(dict.fromkeys(str(p["employer"]) for p in self.parts))

    @property
    def birth_year(self) -> int | None:
        person = self.data.get("person", {})
        if person.get("personnummer") is not None:
            return int(person["personnummer"].birth_date.year)
        year = person.get("birth_year")
        return int(year) if year is not None else None

    @property
    def lang(self) -> Lang:
        return self.asker.lang

    def yes_no_default(self, value: bool) -> str:
        return (t("ja", "yes") if value else t("nej", "no"))(self.asker.lang)

    def facts(self) -> dict[str, Any]:
        """What ``forenad check`` computes from the answers so far (the check's own figures, as JSON
        values), on the date it would check the agreement; empty while the answers are no agreement yet."""
        from pydantic import ValidationError

        from forenad.checking import evaluate
        from forenad.errors import ForenadError
        from forenad.model import Agreement

        try:
            agreement = Agreement.model_validate(self.data)
            _, found = evaluate(agreement, max(self.today, agreement.start_date), params=self.params)
        except (ValidationError, ForenadError):
            return {}
        return found

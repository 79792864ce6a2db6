"""Bilingual user-facing text. Swedish is the default language, English is available everywhere."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Lang = Literal["sv", "en"]
DEFAULT_LANG: Lang = "sv"


class Text(BaseModel):
    """A text in Swedish and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sv: str
    en: str

    def __call__(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.en if lang == "en" else self.sv

    def format(self, **values: object) -> Text:
        return Text(sv=self.sv.format(**values), en=self.en.format(**values))


def t(sv: str, en: str) -> Text:
    return Text(sv=sv, en=en)

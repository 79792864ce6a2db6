"""Structured references to statutes, agreements and reports (the ``refs`` of a finding or parameter)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

RefKind = Literal["sfs", "agreement", "report", "other"]


class Reference(BaseModel):
    """Where a value or rule comes from.

    ``kind`` is ``sfs`` for a statute (``id`` is the SFS number, e.g. ``1982:80``), ``agreement`` for a
    collective or other agreement (``id`` its short name, e.g. ``AB``), ``report`` for a public report and
    ``other`` for anything else (an authority's web page, a union's guidance).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: RefKind
    id: str
    section: str | None = None
    title: str | None = None
    url: str | None = None

    def short(self) -> str:
        head = f"SFS {self.id}" if self.kind == "sfs" else self.id
        parts = [p for p in (head, self.section) if p]
        text = " ".join(parts)
        return f"{text} ({self.title})" if self.title else text

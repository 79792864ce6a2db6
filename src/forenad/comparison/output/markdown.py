"""The comparison as Markdown (GitHub tables): differing rows marked ``≠`` and in bold."""

from __future__ import annotations

from forenad.comparison import labels
from forenad.comparison.output.common import (
    DIFFERS,
    change_line,
    has_lower_bound,
    persons,
    sorted_findings,
    words,
)
from forenad.comparison.result import Comparison
from forenad.i18n import Lang


def to_markdown(cmp: Comparison, lang: Lang | None = None) -> str:
    lang = lang or cmp.lang
    w = words(lang)
    out = [f"# {w['title']}", "", f"{w['on'].format(date=cmp.on.isoformat())}."]
    if cmp.columns:
        out += ["", w["person"].format(names=_cell(persons(cmp))) + ".", "", *_table(cmp, lang), ""]
        legend = [w["differs"]] + ([w["lower"]] if has_lower_bound(cmp) else [])
        out += [" · ".join(legend), ""]
    out += _alternatives(cmp, lang)
    out += _not_applicable(cmp, lang)
    out += _findings(cmp, lang)
    out += _input_errors(cmp, lang)
    return "\n".join(out).rstrip() + "\n"


def _alternatives(cmp: Comparison, lang: Lang) -> list[str]:
    """What each alternative (a column recast under another model) changes."""
    alternatives = [(c, c.overlay) for c in cmp.columns if c.overlay is not None]
    if not alternatives:
        return []
    w = words(lang)
    out = [f"## {w['alternatives']}", "", w["note"], ""]
    for column, overlay in alternatives:
        out += [f"### {column.label(lang)}", "", overlay.explanation(lang), ""]
        out += [f"- {_inline(change_line(c, lang))}" for c in overlay.changes]
        out.append("")
    return out


def _not_applicable(cmp: Comparison, lang: Lang) -> list[str]:
    """The models that cannot apply, and why."""
    if not cmp.not_applicable:
        return []
    out = [f"## {words(lang)['not_applicable']}", ""]
    for item in cmp.not_applicable:
        reasons = " ".join(r(lang) for r in item.reasons)
        out.append(f"- **{labels.model(item.model)(lang)}** ({item.source}): {reasons}")
    out.append("")
    return out


def _findings(cmp: Comparison, lang: Lang) -> list[str]:
    """The findings of each column, most severe first."""
    if not cmp.columns:
        return []
    w = words(lang)
    out = [f"## {w['findings']}", ""]
    for column in cmp.columns:
        out += [f"### {column.label(lang)}", ""]
        findings = sorted_findings(column)
        if not findings:
            out += [w["no_findings"], ""]
            continue
        for f in findings:
            out.append(f"- **{w[f.severity]}** {column.title_of(f.rule)(lang)} (`{f.rule}`): {f.text(lang)}")
        out.append("")
    return out


def _input_errors(cmp: Comparison, lang: Lang) -> list[str]:
    """The files that could not be read or validated, each error on its line."""
    if not cmp.input_errors:
        return []
    out = [f"## {words(lang)['input_errors']}", ""]
    for result in cmp.input_errors:
        for err in result.errors:
            where = f"{result.file}:{err.line}" if err.line else result.file
            out.append(f"- `{where}` {err.path}: {err.message(lang)}")
    out.append("")
    return out


def _table(cmp: Comparison, lang: Lang) -> list[str]:
    w = words(lang)
    header = [w["term"], *(c.label(lang) for c in cmp.columns)]
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    section = None
    for row in cmp.rows:
        if row.section != section:
            section = row.section
            blank = " |" * len(cmp.columns)
            lines.append(f"| **{_cell(labels.section(section)(lang))}** |{blank}")
        texts = [_cell(text) for text in row.texts(lang)]
        label = _cell(row.label(lang))
        if row.differs:
            label = f"**{DIFFERS} {label}**"
            texts = [f"**{text}**" for text in texts]
        lines.append("| " + " | ".join([label, *texts]) + " |")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _inline(text: str) -> str:
    return text.replace("\n", " ")

"""The template catalogue: shipped templates and an organisation's own, each a ``.docx`` with a sidecar.

A template is a directory ``<id>/`` holding ``template.docx`` and ``template.yaml``. The sidecar::

    id: samverkansavtal-forenad          # lower-case slug, unique in the catalogue
    version: 1.0.0
    language: sv                         # sv or en
    document: samverkansavtal            # the kind of document; language versions share it
    title: Samverkansavtal om förenad anställning
    per: agreement                       # agreement: one document; employer: one per employing employer
    models: [forenad_en_arbetsgivare, forenad_tva_anstallningar]
    description: …                       # optional

The agreement fields a template uses are read from the template itself (``templates check`` reports them);
a ``fields`` list in an older sidecar is accepted and not needed.

An organisation's template may also be a ``.docx`` file with its sidecar beside it, as ``<name>.yaml`` or
``template.yaml``.

Before a template is used its bytes are inspected (:func:`inspect_archive`): it must be a regular file (a
symbolic link to one is followed: it is the user's own choice of file; a device, a pipe or a directory is
refused), at most ``MAX_TEMPLATE_BYTES`` on disk, a zip archive, with no macros (``.docm``/``.dotm``, a
``vbaProject.bin`` or a macro-enabled content type) and no zip bomb (at most ``MAX_ENTRIES`` parts,
``MAX_UNPACKED_BYTES`` unpacked, per the archive's own directory, which ``zipfile`` also enforces on reading).
"""

from __future__ import annotations

import difflib
import hashlib
import io
import stat
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from forenad.data import data_dir
from forenad.i18n import Lang, t
from forenad.model import EmploymentModel
from forenad.render.errors import (
    TemplateError,
    TemplateLanguageMissing,
    TemplateMismatch,
    TemplateNotFound,
    TemplateRefused,
)

SHIPPED_DIR = data_dir("templates")
DOCX_NAME = "template.docx"
SIDECAR_NAME = "template.yaml"
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 1000
MACRO_SUFFIXES = (".docm", ".dotm")
_MACRO_NAMES = ("vbaproject.bin", "vbadata.xml")
_MACRO_TYPES = ("macroenabled", "vbaproject", "activex")


class TemplateSpec(BaseModel):
    """The sidecar ``template.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
    version: Annotated[str, Field(min_length=1, max_length=40)]
    language: Lang
    document: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    per: Literal["agreement", "employer"] = "agreement"
    models: Annotated[list[EmploymentModel], Field(min_length=1)]
    fields: list[str] = Field(default_factory=list)
    """Accepted from older sidecars and not used: the fields are read from the template."""
    description: str | None = None


@dataclass(frozen=True)
class Template:
    """A loaded template: its sidecar, where it is, and its bytes' SHA-256."""

    spec: TemplateSpec
    docx_path: Path
    sidecar_path: Path
    shipped: bool
    data: bytes = field(repr=False)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def label(self) -> str:
        return self.spec.id if self.shipped else str(self.docx_path)

    def serves(self, model: EmploymentModel | str) -> bool:
        return EmploymentModel(model) in self.spec.models


def load_template(docx_path: Path, sidecar_path: Path, *, shipped: bool = False) -> Template:
    """Read a template and its sidecar; raises :class:`TemplateError` naming the file and the key."""
    spec = _read_spec(sidecar_path)
    data = _read_template(docx_path)
    inspect_archive(docx_path, data)
    return Template(spec, docx_path, sidecar_path, shipped, data)


def _read_spec(sidecar_path: Path) -> TemplateSpec:
    """The sidecar, read with the fast parser when it validates, else again with the careful one, whose
    line numbers the error names."""
    from forenad import yamlio

    try:
        text = yamlio.read_text(sidecar_path)
        fast = yamlio.parse_fast(text)
        if isinstance(fast, dict):
            try:
                return TemplateSpec.model_validate(fast)
            except ValidationError:
                pass  # reported below, with its line
        document = yamlio.parse(text)
    except yamlio.DocumentError as exc:
        where = f"{sidecar_path}:{exc.line}" if exc.line else str(sidecar_path)
        raise TemplateError(where, exc.text) from None
    if not isinstance(document.data, dict):
        raise TemplateError(
            sidecar_path, t("sidofilen ska vara en mappning", "the sidecar must be a mapping")
        )
    try:
        return TemplateSpec.model_validate(document.data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [str(p) for p in error["loc"]]
        line = document.lines.line_of(list(error["loc"]))
        where = f"{sidecar_path}:{line}" if line else str(sidecar_path)
        key = ".".join(loc)
        hint = ""
        if error["type"] == "extra_forbidden" and loc:
            close = difflib.get_close_matches(loc[-1], list(TemplateSpec.model_fields), n=1)
            hint = f" ({close[0]}?)" if close else ""
        raise TemplateError(
            where, t(f"{key}: {error['msg']}{hint}", f"{key}: {error['msg']}{hint}")
        ) from None


def _read_template(docx_path: Path) -> bytes:
    """The template's bytes: a regular file (through a symlink, if any) of at most MAX_TEMPLATE_BYTES."""
    too_large = t("mallen är för stor", "the template is too large")
    try:
        info = docx_path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise TemplateError(
                docx_path, t("mallen är ingen vanlig fil", "the template is not a regular file")
            )
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise TemplateError(docx_path, too_large)
        with docx_path.open("rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)  # the file may grow after stat()
    except OSError as exc:
        raise TemplateError(
            docx_path, t(f"kan inte läsas: {exc.strerror}", f"cannot be read: {exc.strerror}")
        ) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(docx_path, too_large)
    return data


def inspect_archive(where: str | Path, data: bytes) -> None:
    """Refuse what is not a plain Word document: not a zip, macros, too many parts, too much unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            types = ""
            if len(entries) <= MAX_ENTRIES and "[Content_Types].xml" in archive.namelist():
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size <= MAX_UNPACKED_BYTES:
                    types = archive.read(info).decode("utf-8", errors="replace").lower()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError):
        raise TemplateError(
            where,
            t("mallen är ingen .docx-fil (ingen zip-fil)", "the template is not a .docx file (not a zip)"),
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise TemplateRefused(
            where,
            t(
                f"mallen har {len(entries)} delar (högst {MAX_ENTRIES}); den vägras som en möjlig zip-bomb",
                f"the template has {len(entries)} parts (at most {MAX_ENTRIES}); "
                "refused as a possible zip bomb",
            ),
        )
    unpacked = sum(info.file_size for info in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        mb = MAX_UNPACKED_BYTES // (1024 * 1024)
        raise TemplateRefused(
            where,
            t(
                f"mallen packas upp till {unpacked // (1024 * 1024)} MB (högst {mb} MB); "
                "den vägras som en möjlig zip-bomb",
                f"the template unpacks to {unpacked // (1024 * 1024)} MB (at most {mb} MB); "
                "refused as a possible zip bomb",
            ),
        )
    names = [info.filename.lower() for info in entries]
    if any(name.rsplit("/", 1)[-1] in _MACRO_NAMES for name in names) or any(
        kind in types for kind in _MACRO_TYPES
    ):
        raise TemplateRefused(where, _MACROS)


_MACROS = t(
    "mallen innehåller makron (VBA) eller ActiveX; spara den som .docx utan makron",
    "the template contains macros (VBA) or ActiveX; save it as a .docx without macros",
)


@cache
def shipped_templates() -> tuple[Template, ...]:
    """Every template that ships with forenad, by id."""
    found = []
    for sidecar in sorted(SHIPPED_DIR.glob(f"*/{SIDECAR_NAME}")):
        found.append(load_template(sidecar.parent / DOCX_NAME, sidecar, shipped=True))
    return tuple(found)


def shipped_template(template_id: str) -> Template:
    for template in shipped_templates():
        if template.id == template_id:
            return template
    ids = [t.id for t in shipped_templates()]
    close = difflib.get_close_matches(template_id, ids, n=1, cutoff=0.5)
    raise TemplateNotFound(template_id, close[0] if close else None)


def resolve_template(ref: str | Path) -> Template:
    """A template by shipped id, or by path (a directory with ``template.docx``, or a ``.docx``)."""
    path = Path(ref)
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise TemplateRefused(path, _MACROS)
    if path.is_dir():
        return load_template(path / DOCX_NAME, path / SIDECAR_NAME)
    if path.suffix.lower() == ".docx" and path.exists():
        for sidecar in (path.with_suffix(".yaml"), path.with_suffix(".yml"), path.parent / SIDECAR_NAME):
            if sidecar.is_file():
                return load_template(path, sidecar)
        raise TemplateError(
            path,
            t(
                f"sidofilen saknas ({path.with_suffix('.yaml').name} eller {SIDECAR_NAME} bredvid mallen)",
                f"the sidecar is missing ({path.with_suffix('.yaml').name} or {SIDECAR_NAME} beside it)",
            ),
        )
    if isinstance(ref, str) and "/" not in ref and "\\" not in ref and not ref.endswith(".docx"):
        return shipped_template(ref)
    raise TemplateNotFound(str(ref))


def select_templates(
    model: EmploymentModel | str,
    lang: Lang = "sv",
    explicit: list[Template] | None = None,
    *,
    allow_swedish: bool = False,
) -> list[Template]:
    """The templates for an agreement: the explicit ones (each must serve the model), or every shipped
    document that serves it, in ``lang``.

    Never a silent fallback: with ``lang="en"``, a document that has no English version (or an explicit
    template in Swedish) raises :class:`~forenad.render.errors.TemplateLanguageMissing` naming it, unless
    ``allow_swedish`` accepts the Swedish version."""
    model = EmploymentModel(model)
    if explicit:
        for template in explicit:
            if not template.serves(model):
                served = ", ".join(m.value for m in template.spec.models)
                raise TemplateMismatch(
                    template.label,
                    t(
                        f"mallen gäller inte anställningsmodellen {model.value} (den gäller {served})",
                        f"the template does not serve the employment model {model.value} "
                        f"(it serves {served})",
                    ),
                )
        chosen = list(explicit)
    else:
        chosen = _shipped_for(model, lang)
    wrong = [tpl for tpl in chosen if tpl.spec.language != lang and lang == "en"]
    if wrong and not allow_swedish:
        raise TemplateLanguageMissing([tpl.spec.document if tpl.shipped else tpl.label for tpl in wrong])
    return sorted(chosen, key=lambda tpl: (tpl.spec.per != "agreement", tpl.id)) if not explicit else chosen


def _shipped_for(model: EmploymentModel, lang: Lang) -> list[Template]:
    """Every shipped document that serves ``model``, in ``lang`` where it has that version (else its
    Swedish version, which :func:`select_templates` refuses unless allowed)."""
    by_document: dict[str, list[Template]] = {}
    for template in shipped_templates():
        if template.serves(model):
            by_document.setdefault(template.spec.document, []).append(template)
    chosen = []
    for versions in by_document.values():
        for wanted in (lang, "sv"):
            match = [v for v in versions if v.spec.language == wanted]
            if match:
                chosen.append(match[0])
                break
        else:
            chosen.append(versions[0])
    return chosen

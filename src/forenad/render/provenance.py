"""Provenance of a drafted document: what made it, in its custom properties and in a JSON sidecar.

Recorded: the forenad version, the template's id, version and SHA-256, the rules' and parameters' versions,
the evaluation date, the mode (draft or final) and the findings present when the document was drafted (ids
and severities). Never the personnummer, nor the person's name: only the agreement's id. With a parameter
overlay: the overlay folder's name (not its whole path, which may name a person's home folder), the hash of
its files and the parameters it has files for.

python-docx has no API for custom properties, so ``docProps/custom.xml`` is written as an OPC part and
related from the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from forenad.report import Finding

if TYPE_CHECKING:
    from forenad.params import OverlayInfo

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
SCHEMA = "forenad-provenance/1"


@dataclass(frozen=True, slots=True)
class Provenance:
    forenad_version: str
    template_id: str
    template_version: str
    template_language: str
    template_sha256: str
    template_source: str
    rules_version: str
    parameters_version: str
    evaluated_on: dt.date
    mode: str
    agreement_id: str
    employment_model: str
    issuer: str | None
    findings: tuple[tuple[str, str], ...]
    created: dt.datetime
    parameters_overlay: str | None = None
    """The overlay folder's name (never its whole path), when one was applied."""
    parameters_overlay_version: str | None = None
    parameters_overlay_parameters: tuple[str, ...] = ()

    @classmethod
    def findings_of(cls, findings: Sequence[Finding]) -> tuple[tuple[str, str], ...]:
        return tuple((f.rule, f.severity) for f in findings)

    @classmethod
    def overlay_of(cls, overlay: OverlayInfo | None) -> dict[str, Any]:
        """The overlay fields for the constructor: the folder's name, its version and its parameters."""
        if overlay is None:
            return {}
        return {
            "parameters_overlay": PurePath(overlay.directory).name or overlay.directory,
            "parameters_overlay_version": overlay.version,
            "parameters_overlay_parameters": overlay.parameters,
        }

    def as_json(self, document: str | None = None, document_sha256: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "forenad": self.forenad_version,
            "created": self.created.isoformat(timespec="seconds"),
            "template": {
                "id": self.template_id,
                "version": self.template_version,
                "language": self.template_language,
                "sha256": self.template_sha256,
                "source": self.template_source,
            },
            "rules_version": self.rules_version,
            "parameters_version": self.parameters_version,
            "evaluated_on": self.evaluated_on.isoformat(),
            "mode": self.mode,
            "agreement": {"id": self.agreement_id, "model": self.employment_model},
            "findings": [{"rule": rule, "severity": severity} for rule, severity in self.findings],
        }
        if self.parameters_overlay is not None:
            out["parameters_overlay"] = {
                "folder": self.parameters_overlay,
                "version": self.parameters_overlay_version,
                "parameters": list(self.parameters_overlay_parameters),
            }
        if self.issuer is not None:
            out["issuer"] = self.issuer
        if document is not None:
            out["document"] = {"file": document, "sha256": document_sha256}
        return out

    def properties(self) -> dict[str, str]:
        """The document's custom properties (all text)."""
        props = {
            "forenad.version": self.forenad_version,
            "forenad.template_id": self.template_id,
            "forenad.template_version": self.template_version,
            "forenad.template_sha256": self.template_sha256,
            "forenad.rules_version": self.rules_version,
            "forenad.parameters_version": self.parameters_version,
            "forenad.evaluated_on": self.evaluated_on.isoformat(),
            "forenad.mode": self.mode,
            "forenad.agreement_id": self.agreement_id,
            "forenad.findings": "; ".join(f"{rule}={severity}" for rule, severity in self.findings) or "-",
        }
        if self.parameters_overlay is not None:
            props["forenad.parameters_overlay"] = self.parameters_overlay
            props["forenad.parameters_overlay_version"] = self.parameters_overlay_version or ""
        if self.issuer is not None:
            props["forenad.issuer"] = self.issuer
        return props


def custom_properties_xml(props: dict[str, str]) -> bytes:
    items = "".join(
        f'<property fmtid="{FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>'
    ).encode()


def set_custom_properties(document: Any, props: dict[str, str]) -> None:
    """Write ``docProps/custom.xml`` into a python-docx document (replacing any the template had)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    blob = custom_properties_xml(props)
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            rel.target_part._blob = blob
            return
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read_custom_properties(data: bytes) -> dict[str, str]:
    """The custom properties of a ``.docx`` (for tests and for reading provenance back)."""
    import io
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "docProps/custom.xml" not in archive.namelist():
            return {}
        root = etree.fromstring(
            archive.read("docProps/custom.xml"), parser=etree.XMLParser(resolve_entities=False)
        )
    out = {}
    for prop in root.findall(f"{{{CUSTOM_NS}}}property"):
        value = prop.find(f"{{{VT_NS}}}lpwstr")
        out[prop.get("name", "")] = value.text or "" if value is not None else ""
    return out

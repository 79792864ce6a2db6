"""The two YAML parsers for agreements agree: whatever the fast one takes, it reads exactly as the careful one
(which knows the lines, for errors); what it does not take, the careful one reports."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from forenad import yamlio
from forenad.io import parse_agreement, read_agreement

ROOT = Path(__file__).resolve().parents[1]

TRICKY = [
    "a: yes\nb: no\nc: on\nd: ~\ne: 0o17\nf: 017\ng: 1e3\nh: .inf\ni: 0x1F\n",
    "a: 2026-02-30\n",  # an impossible date: text for the careful parser, refused by the fast one
    "a: 2026-01-01T10:00:00\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 5\n",
    "a: 1\na: 2\n",
    "2024: x\n",
    "a: 'it''s'\nb: \"tab\\there\"\nc: |\n  two\n  lines\n",
    "{a: [1, 2, {b: c}], d: 'x # not a comment'}\n",
    "a: - b\n",
    "a: [1, 2\n",
    "",
    "- 1\n- 2\n",
    # YAML 1.1 against 1.2: the fast reader must read these as the careful one does
    "a: 1:30\nb: 1_000\nc: 0b101\nd: Yes\ne: +12\nf: 0o17\ng: 017\nh: .5\ni: -0x1F\nj: 2026-1-5\n",
    "a: .NaN\nb: -.inf\nc: 1.\nd: 0_1\ne: 08\nf: 0o8\ng: y\nh: n\ni: on\nj: NULL\nk:\n",
    "a: =\n",
    "a: <<\n",
    "a: 2026-01-01 10:00:00\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_fast_parser_takes_only_what_it_reads_the_same(text: str) -> None:
    fast = yamlio.parse_fast(text)
    try:
        careful = yamlio.parse(text).data
    except yamlio.DocumentError:
        assert fast is None  # an error: only the careful parser reports it, with its line
        return
    if fast is not None:
        assert repr(fast) == repr(careful)  # (repr: a NaN is equal to itself there)


keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö_", min_size=1, max_size=8)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=30).filter(lambda s: "\x00" not in s),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, documents, max_size=6), st.booleans())
def test_generated_documents_read_alike(data: dict[str, object], flow: bool) -> None:
    y = YAML(typ="rt", pure=True)
    y.default_flow_style = flow
    y.allow_unicode = True
    out = io.StringIO()
    y.dump(data, out)
    text = out.getvalue()
    fast = yamlio.parse_fast(text)
    try:
        careful = yamlio.parse(text).data
    except yamlio.DocumentError:  # ruamel's flow style can write what it cannot read back ('?0')
        assert fast is None
        return
    assert fast is None or fast == careful


def test_a_bad_file_still_names_its_lines(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "uppsala-professor-overlakare.yaml").read_text(encoding="utf-8")
    bad = text.replace("    extent_percent: 50", "    extent_percen: 50", 1)
    result = parse_agreement(bad, "avtal.yaml")
    assert not result.valid
    line = next(i for i, row in enumerate(bad.splitlines(), 1) if "extent_percen:" in row)
    assert ("parts.0.extent_percen", line) in [(e.path, e.line) for e in result.errors]
    assert all(e.line is not None for e in result.errors)


def test_every_example_reads_alike_both_ways() -> None:
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yamlio.parse_fast(text) == yamlio.parse(text).data
        assert read_agreement(path).valid


def test_the_fast_readers_resolvers_are_ruamels_yaml_1_2_resolvers() -> None:
    """The resolvers are written out (so reading a file does not import ruamel); they must stay ruamel's."""
    import re

    from ruamel.yaml.resolver import implicit_resolvers

    from forenad.yaml_fast import RESOLVERS

    kinds = (":bool", ":float", ":int", ":null", ":timestamp", ":merge", ":value")
    theirs = [
        (tag, regexp.pattern, regexp.flags, first)
        for versions, tag, regexp, first in implicit_resolvers
        if (1, 2) in versions and tag.endswith(kinds)
    ]
    ours = [
        (f"tag:yaml.org,2002:{kind}", re.compile(p, f).pattern, re.compile(p, f).flags, first)
        for kind, p, f, first in RESOLVERS
    ]
    assert ours == theirs

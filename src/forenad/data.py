"""Where the data files are: the rule catalogue, the dated parameters and the rule cases (``rules/``) and
the Word templates (``templates/``).

In the repository they are top-level folders, where the people who keep the law and the wording find them;
``pip install .`` packages them into the wheel as ``forenad/rules`` and ``forenad/templates``
(``[tool.hatch.build.targets.wheel.force-include]`` in ``pyproject.toml``), so an installed forenad works from
any directory. A source checkout (an editable install) reads the top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(*parts: str) -> Path:
    """The folder ``parts`` under the packaged data (an installed wheel) or the repository's top level."""
    packaged = _PACKAGE.joinpath(*parts)
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1].joinpath(*parts)  # src/forenad → the repository

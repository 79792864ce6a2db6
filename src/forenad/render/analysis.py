"""Static analysis of a template's Jinja code against the agreement model and forenad's allow-list.

Walks the parsed template and, for every expression, works out what it refers to: an agreement field (a
dotted path such as ``parts.*.extent_percent``, proved against the pydantic model with a "did you mean"),
``doc``, a finding, ``loop``, or a plain value. Anything outside the allow-list is refused: attributes that
start with ``_``, method calls, imports, macros, unknown filters or tests, ``**``, slices, and attribute
access on anything but the names a template is given.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from jinja2 import nodes

from forenad.i18n import Text, t
from forenad.model import Agreement
from forenad.model.paths import PathError, field_names_at, resolve
from forenad.presentation.labels import KINDS
from forenad.render.context import DOC_FIELDS, EXTRA_NAMES, FINDING_FIELDS, PER_EMPLOYER_NAMES
from forenad.render.environment import SAFE_TESTS, allowed_filters

Severity = Literal["error", "warning", "info"]
RefKind = Literal["model", "doc", "finding", "findings", "loop", "value", "fact", "missing"]
LOOP_ATTRS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length"})
UNSAFE_CODES = frozenset(
    {
        "unsafe_attribute",
        "not_allowed",
        "unknown_filter",
        "unknown_test",
        "call",
        "unsafe_render",
        "external_relationship",
        "embedded_chunk",
        "external_field",
        "unreadable_part",
    }
)


@dataclass(frozen=True, slots=True)
class Issue:
    severity: Severity
    code: str
    text: Text


@dataclass(frozen=True, slots=True)
class Ref:
    kind: RefKind
    path: str = ""


VALUE = Ref("value")


def is_list_path(path: str) -> bool:
    try:
        resolve(Agreement, f"{path}.*")
    except PathError:
        return False
    return True


def is_model_path(path: str) -> bool:
    return bool(field_names_at(Agreement, path.split(".")))


def check_path(path: str) -> PathError | None:
    try:
        resolve(Agreement, path)
    except PathError as exc:
        return exc
    return None


def model_leaves(prefix: tuple[str, ...] = ()) -> list[str]:
    """Every leaf field of the agreement model as a dotted path (lists as ``*``)."""
    out: list[str] = []
    for name in field_names_at(Agreement, list(prefix)):
        loc = (*prefix, name)
        if field_names_at(Agreement, list(loc)):
            out.extend(model_leaves(loc))
        elif is_list_path(".".join(loc)) and field_names_at(Agreement, [*loc, "*"]):
            out.extend(model_leaves((*loc, "*")))
        else:
            out.append(".".join(loc))
    return out


@dataclass
class Analyzer:
    """Collects the model paths and facts a template uses, and every issue, from its Jinja AST."""

    per_employer: bool = False
    used: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=list)

    # -- reporting ---------------------------------------------------------------------------------------
    def error(self, code: str, sv: str, en: str) -> Ref:
        issue = Issue("error", code, t(sv, en))
        if issue not in self.issues:
            self.issues.append(issue)
        return VALUE

    def not_allowed(self, what: str) -> Ref:
        return self.error(
            "not_allowed",
            f"otillåten konstruktion i mallen: {what}",
            f"not allowed in a template: {what}",
        )

    def _use(self, path: str) -> Ref:
        problem = check_path(path)
        if problem is not None:
            hint_sv = f"; menade du {problem.suggestion!r}?" if problem.suggestion else ""
            hint_en = f"; did you mean {problem.suggestion!r}?" if problem.suggestion else ""
            return self.error(
                "unknown_field",
                f"fältet {path} finns inte i avtalsmodellen (inget {problem.segment!r}{hint_sv})",
                f"the field {path} does not exist in the agreement model (no {problem.segment!r}{hint_en})",
            )
        self.used.add(path)
        return Ref("model", path)

    # -- statements --------------------------------------------------------------------------------------
    def run(self, template: nodes.Template) -> None:
        self.statements(template.body, {})

    def statements(self, body: Iterable[nodes.Node], scope: dict[str, Ref]) -> None:
        for node in body:
            self.statement(node, scope)

    def statement(self, node: nodes.Node, scope: dict[str, Ref]) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.statements(node.body, scope)
            for branch in node.elif_:
                self.statement(branch, scope)
            self.statements(node.else_, scope)
        elif isinstance(node, nodes.For):
            self.for_loop(node, scope)
        elif isinstance(node, nodes.Assign):
            if not isinstance(node.target, nodes.Name):
                self.not_allowed("set med flera namn / set with several names")
                return
            scope[node.target.name] = self.expr(node.node, scope)
        else:
            self.not_allowed(f"{{% {type(node).__name__.lower()} %}}")

    def for_loop(self, node: nodes.For, scope: dict[str, Ref]) -> None:
        if node.recursive:
            self.not_allowed("for … recursive")
        source = self.expr(node.iter, scope)
        if source.kind == "model":
            if is_list_path(source.path):
                item = Ref("model", f"{source.path}.*")
            else:
                item = self.error(
                    "not_a_list",
                    f"{source.path} är ingen lista och kan inte loopas över",
                    f"{source.path} is not a list and cannot be looped over",
                )
        elif source.kind == "findings":
            item = Ref("finding")
        else:
            item = VALUE
        inner = dict(scope)
        if isinstance(node.target, nodes.Name):
            inner[node.target.name] = item
        else:
            self.not_allowed("for med flera namn / for with several names")
        if node.test is not None:
            self.expr(node.test, inner)
        inner["loop"] = Ref("loop")
        self.statements(node.body, inner)
        self.statements(node.else_, scope)

    # -- expressions -------------------------------------------------------------------------------------
    def known_names(self, scope: dict[str, Ref]) -> list[str]:
        names = [*Agreement.model_fields, *EXTRA_NAMES, *scope]
        if self.per_employer:
            names.extend(PER_EMPLOYER_NAMES)
        return names

    def name(self, node: nodes.Name, scope: dict[str, Ref]) -> Ref:
        name = node.name
        if name in scope:
            return scope[name]
        if name in Agreement.model_fields:
            return self._use(name)
        if self.per_employer and name in PER_EMPLOYER_NAMES:
            path = PER_EMPLOYER_NAMES[name]
            self.used.add(path)
            return Ref("model", path)
        fixed = {"doc": "doc", "findings": "findings", "fact": "fact", "missing": "missing"}
        if name in fixed:
            return Ref(fixed[name])  # type: ignore[arg-type]
        close = difflib.get_close_matches(name, self.known_names(scope), n=1)
        hint_sv = f"; menade du {close[0]!r}?" if close else ""
        hint_en = f"; did you mean {close[0]!r}?" if close else ""
        return self.error(
            "unknown_name",
            f"namnet {name!r} finns inte i mallens sammanhang{hint_sv}",
            f"the name {name!r} is not available to a template{hint_en}",
        )

    def attribute(self, base: Ref, attr: str) -> Ref:
        if attr.startswith("_"):
            return self.error(
                "unsafe_attribute",
                f"attributet {attr!r} är otillåtet (interna Python-attribut)",
                f"the attribute {attr!r} is not allowed (Python internals)",
            )
        allowed = {"doc": DOC_FIELDS, "finding": FINDING_FIELDS, "loop": tuple(LOOP_ATTRS)}
        if base.kind == "model":
            if is_list_path(base.path):
                return self.error(
                    "not_a_model",
                    f"{base.path} är en lista: läs .{attr} på ett element (en loop eller {base.path}[0])",
                    f"{base.path} is a list: read .{attr} from an item (a loop or {base.path}[0])",
                )
            return self._use(f"{base.path}.{attr}")
        if base.kind in allowed:
            names = allowed[base.kind]
            if attr not in names:
                close = difflib.get_close_matches(attr, list(names), n=1)
                hint = f" ({close[0]}?)" if close else ""
                return self.error(
                    "unknown_attribute",
                    f"{base.kind}.{attr} finns inte{hint}",
                    f"{base.kind}.{attr} does not exist{hint}",
                )
            return VALUE
        return self.error(
            "not_allowed",
            f"attributet .{attr} kan bara läsas på avtalets fält, doc, findings och loop",
            f"the attribute .{attr} may only be read from agreement fields, doc, findings and loop",
        )

    def expr(self, node: nodes.Node | None, scope: dict[str, Ref]) -> Ref:
        if node is None:
            return VALUE
        found = self._reference(node, scope)
        return found if found is not None else self._operation(node, scope)

    def _reference(self, node: nodes.Node, scope: dict[str, Ref]) -> Ref | None:
        """Names, constants, attributes, items, filters, tests and calls; None for anything else."""
        if isinstance(node, nodes.Name):
            return self.name(node, scope)
        if isinstance(node, nodes.Const):
            if not isinstance(node.value, str | int | float | bool | type(None)):
                return self.not_allowed(f"konstant {type(node.value).__name__}")
            return VALUE
        if isinstance(node, nodes.Getattr):
            return self.attribute(self.expr(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            return self.item(node, scope)
        if isinstance(node, nodes.Filter):
            return self.filter(node, scope)
        if isinstance(node, nodes.Test):
            return self.test(node, scope)
        if isinstance(node, nodes.Call):
            return self.call(node, scope)
        return None

    def _operation(self, node: nodes.Node, scope: dict[str, Ref]) -> Ref:
        """Comparisons, conditional expressions, arithmetic, concatenation, lists and tuples; anything
        else is not allowed."""
        if isinstance(node, nodes.CondExpr):
            self.expr(node.test, scope)
            first = self.expr(node.expr1, scope)
            self.expr(node.expr2, scope)
            return first if first.kind == "model" else VALUE
        if isinstance(node, nodes.Pow):
            return self.not_allowed("**")
        children = _operands(node)
        if children is None:
            return self.not_allowed(type(node).__name__)
        for child in children:
            self.expr(child, scope)
        return VALUE

    def item(self, node: nodes.Getitem, scope: dict[str, Ref]) -> Ref:
        base = self.expr(node.node, scope)
        arg = node.arg
        if isinstance(arg, nodes.Slice):
            return self.not_allowed("[a:b]")
        if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
            return self.attribute(base, arg.value)
        if base.kind == "model" and is_list_path(base.path):
            self.expr(arg, scope)
            return self._use(f"{base.path}.*")
        if base.kind == "findings":
            self.expr(arg, scope)
            return Ref("finding")
        return self.not_allowed(
            "[…] på annat än en lista i avtalet / […] on anything but a list of the agreement"
        )

    def filter(self, node: nodes.Filter, scope: dict[str, Ref]) -> Ref:
        base = self.expr(node.node, scope)
        if node.name not in allowed_filters():
            close = difflib.get_close_matches(node.name, sorted(allowed_filters()), n=1)
            hint = f" ({close[0]}?)" if close else ""
            return self.error(
                "unknown_filter",
                f"filtret {node.name!r} är inte tillåtet{hint}",
                f"the filter {node.name!r} is not allowed{hint}",
            )
        self._arguments(node, scope)
        if node.name == "label" and node.args:
            kind = node.args[0]
            if not (isinstance(kind, nodes.Const) and kind.value in KINDS):
                self.error(
                    "unknown_label_kind",
                    f"label() tar ett av: {', '.join(sorted(KINDS))}",
                    f"label() takes one of: {', '.join(sorted(KINDS))}",
                )
        if node.name in ("first", "last") and base.kind == "model" and is_list_path(base.path):
            return self._use(f"{base.path}.*")
        if node.name == "default" and base.kind == "model":
            return base
        return VALUE

    def test(self, node: nodes.Test, scope: dict[str, Ref]) -> Ref:
        self.expr(node.node, scope)
        if node.name not in SAFE_TESTS:
            return self.error(
                "unknown_test",
                f"testet {node.name!r} är inte tillåtet",
                f"the test {node.name!r} is not allowed",
            )
        self._arguments(node, scope)
        return VALUE

    def _arguments(self, node: nodes.Filter | nodes.Test | nodes.Call, scope: dict[str, Ref]) -> None:
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            self.not_allowed("*args/**kwargs")
        for arg in node.args:
            self.expr(arg, scope)
        for keyword in node.kwargs:
            self.expr(keyword.value, scope)

    def call(self, node: nodes.Call, scope: dict[str, Ref]) -> Ref:
        func = self.expr(node.node, scope) if isinstance(node.node, nodes.Name) else None
        if func is None or func.kind not in ("fact", "missing"):
            return self.error(
                "call",
                "bara fact(…) och missing(…) får anropas i en mall",
                "only fact(…) and missing(…) may be called in a template",
            )
        if node.kwargs or node.dyn_args is not None or node.dyn_kwargs is not None:
            return self.not_allowed(f"{func.kind}(…) med nyckelordsargument / with keyword arguments")
        args = node.args
        first = args[0] if args else None
        if not (isinstance(first, nodes.Const) and isinstance(first.value, str)):
            return self.error(
                "call", f"{func.kind}() tar ett namn i citattecken", f"{func.kind}() takes a quoted name"
            )
        if func.kind == "missing":
            if len(args) != 1:
                return self.not_allowed("missing() tar ett argument / takes one argument")
            self._use(first.value)
            return VALUE
        return self._fact(first.value, args[1:], scope)

    def _fact(self, name: str, rest: list[nodes.Expr], scope: dict[str, Ref]) -> Ref:
        import forenad.derive  # noqa: F401  (registers the facts)
        from forenad.engine import REGISTRY

        spec = REGISTRY.get(name)
        if spec is None:
            close = difflib.get_close_matches(name, sorted(REGISTRY), n=1)
            hint_sv = f"; menade du {close[0]!r}?" if close else ""
            hint_en = f"; did you mean {close[0]!r}?" if close else ""
            return self.error(
                "unknown_fact",
                f"faktumet {name!r} finns inte{hint_sv}",
                f"there is no fact {name!r}{hint_en}",
            )
        self.facts.add(name)
        if spec.scope == "part":
            part = self.expr(rest[0], scope) if len(rest) == 1 else None
            if part is None or part.kind != "model" or part.path != "parts.*":
                return self.error(
                    "fact_part",
                    f"faktumet {name!r} gäller en del: fact({name!r}, part) med en del ur parts",
                    f"the fact {name!r} belongs to a part: fact({name!r}, part) with a part from parts",
                )
        elif rest:
            return self.error(
                "fact_part",
                f"faktumet {name!r} gäller hela avtalet",
                f"the fact {name!r} is about the whole agreement",
            )
        return VALUE


def _operands(node: nodes.Node) -> list[nodes.Node] | None:
    """The operands of a comparison, a binary or unary operation, a concatenation, a list or a tuple."""
    if isinstance(node, nodes.Compare):
        return [node.expr, *(operand.expr for operand in node.ops)]
    if isinstance(node, nodes.BinExpr):
        return [node.left, node.right]
    if isinstance(node, nodes.UnaryExpr):
        return [node.node]
    if isinstance(node, nodes.Concat):
        return list(node.nodes)
    if isinstance(node, nodes.List | nodes.Tuple):
        return list(node.items)
    return None


def minimal_fields(used: Iterable[str]) -> list[str]:
    """The used paths without those that only lead to others (``parts`` when ``parts.*.x`` is used)."""
    paths = set(used)
    return sorted(p for p in paths if not any(q.startswith(p + ".") for q in paths))

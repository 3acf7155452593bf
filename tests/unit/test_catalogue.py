"""One vocabulary (issue 11): every word rsp says is in one catalogue per language, the
catalogues agree, no module keeps a word table of its own, and every key the code asks
for is in them."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from process.core import catalogue
from process.core.catalogue import en, same, sv

ROOT = Path(__file__).resolve().parent.parent.parent
CATALOGUE = ROOT / "process" / "core" / "catalogue"
FIELD = re.compile(r"(?<!\{)\{(\w*)[^{}]*\}(?!\})")


def sources() -> list[Path]:
    found = [ROOT / "cli.py"]
    for top in ("process", "notifications", "web"):
        found += sorted((ROOT / top).rglob("*.py"))
    return [p for p in found if CATALOGUE not in p.parents]


def test_both_catalogues_have_the_same_keys() -> None:
    assert list(sv.WORDS) == list(en.WORDS)
    assert len(sv.WORDS) > 900


# The English message names the kind of row by its key (`goal`), an English word the
# Swedish one leaves out.
ONE_LANGUAGE_FIELDS = {"bodies.problem.duplicate_id": {"kind"}}


def test_both_catalogues_fill_in_the_same_fields() -> None:
    differ = [
        key
        for key, text in sv.WORDS.items()
        if set(FIELD.findall(text)) ^ set(FIELD.findall(en.WORDS[key]))
        != ONE_LANGUAGE_FIELDS.get(key, set())
    ]
    assert differ == []
    assert FIELD.findall(sv.WORDS["web.account"]) == ["name"]


def test_every_text_is_written_once_and_shared_keys_exist() -> None:
    for lang in (sv, en):
        assert all(isinstance(t, str) and t for t in lang.WORDS.values())
    texts = [(sv.WORDS[k], en.WORDS[k]) for k in sv.WORDS if not k.startswith("date.")]
    assert len(texts) == len(set(texts)), "the same words under two keys: share one"
    for key, shared in same.SAME.items():
        assert shared in sv.WORDS and key not in sv.WORDS, key


def _is_word_table(node: ast.Dict) -> bool:
    keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
    literal = any(
        isinstance(v, ast.Constant | ast.JoinedStr | ast.Tuple | ast.List) for v in node.values
    )
    return {"sv", "en"} <= keys and literal


def test_no_module_outside_the_catalogue_has_a_word_table() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Dict) and _is_word_table(node)
    ]
    assert found == []
    # the check finds one
    assert _is_word_table(ast.parse('{"sv": "Hej", "en": "Hello"}', mode="eval").body)  # type: ignore[arg-type]


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _known(key: str) -> bool:
    return key in sv.WORDS or key in same.SAME


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


CATALOGUE_MODULE = "process.core.catalogue"


def looked_up() -> list[tuple[str, str]]:
    """Every (where, catalogue key) the code asks for with a literal key: `say`, `entry`,
    `section` and `Lines` calls, a section's words by key (`WORDS["x"]`,
    `phrase(WORDS, "x", …)`), and calls of the functions and methods that pass one of
    their parameters on as such a key (`t("x", lang)`, `page.t("x")`, `p.say(3, "x")`)."""
    trees = {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sources()}
    imports: dict[str, dict[str, tuple[str, str]]] = {}
    sections: dict[tuple[str, str], str] = {}  # (module, name) -> section prefix
    for mod, tree in trees.items():
        names = imports[mod] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for a in node.names:
                    names[a.asname or a.name] = (node.module, a.name)
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Call):
                target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                func = node.value.func
                prefix = _literal(node.value.args[0]) if node.value.args else None
                if (
                    isinstance(target, ast.Name)
                    and isinstance(func, ast.Name)
                    and names.get(func.id) == (CATALOGUE_MODULE, "section")
                    and prefix
                ):
                    sections[mod, target.id] = prefix

    def origin(mod: str, name: str) -> tuple[str, str]:
        return imports[mod].get(name, (mod, name))

    # readers: (module, function) or method name -> (section prefix, argument index)
    functions: dict[tuple[str, str], tuple[str, int]] = {}
    methods: dict[str, tuple[str, int]] = {}

    def key_of_call(mod: str, call: ast.Call) -> tuple[str, ast.expr] | None:
        """The section prefix and key argument of a call that reads a word, if one."""
        func, args = call.func, call.args
        if isinstance(func, ast.Name):
            if func.id == "phrase" and len(args) >= 2 and isinstance(args[0], ast.Name):
                prefix = sections.get(origin(mod, args[0].id))
                return (prefix, args[1]) if prefix else None
            if origin(mod, func.id) == (CATALOGUE_MODULE, "say") and args:
                return ("", args[0])
            found = functions.get(origin(mod, func.id))
        elif isinstance(func, ast.Attribute):
            found = methods.get(func.attr)
            owner = func.value.id if isinstance(func.value, ast.Name) else ""
            if owner in imports[mod]:  # a module's function: `render.t("x", lang)`
                module = ".".join(imports[mod][owner])
                if module in imports:
                    found = functions.get(origin(module, func.attr), found)
        else:
            return None
        if found and len(args) > found[1]:
            return found[0], args[found[1]]
        return None

    for _ in range(3):  # readers that call readers
        for mod, tree in trees.items():
            for top in tree.body:
                defs = [top] if isinstance(top, ast.FunctionDef) else []
                if isinstance(top, ast.ClassDef):
                    defs = [d for d in top.body if isinstance(d, ast.FunctionDef)]
                for fn in defs:
                    params = [a.arg for a in fn.args.args]
                    if fn is not top:
                        params = params[1:]
                    for call in ast.walk(fn):
                        read = key_of_call(mod, call) if isinstance(call, ast.Call) else None
                        if read and isinstance(read[1], ast.Name) and read[1].id in params:
                            reader = (read[0], params.index(read[1].id))
                            if fn is top:
                                functions[mod, fn.name] = reader
                            else:
                                methods[fn.name] = reader

    found: list[tuple[str, str]] = []
    for mod, tree in trees.items():
        for node in ast.walk(tree):
            where = f"{mod}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                first = _literal(node.args[0]) if node.args else None
                name = node.func.id if isinstance(node.func, ast.Name) else ""
                if origin(mod, name) == (CATALOGUE_MODULE, "entry") and first:
                    found.append((where, first))
                elif origin(mod, name) == (CATALOGUE_MODULE, "section") and first:
                    found.append((where, first + ".*"))
                elif origin(mod, name) == (CATALOGUE_MODULE, "Lines") and first:
                    count = node.args[1]
                    assert isinstance(count, ast.Constant) and isinstance(count.value, int)
                    found += [(where, f"{first}.{i}") for i in range(1, count.value + 1)]
                read = key_of_call(mod, node)
                key = _literal(read[1]) if read else None
                if read and key:
                    found.append((where, f"{read[0]}.{key}" if read[0] else key))
            elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
                prefix = sections.get(origin(mod, node.value.id))
                key = _literal(node.slice)
                if prefix and key:
                    found.append((where, f"{prefix}.{key}"))
    return found


def test_every_key_the_code_asks_for_is_in_the_catalogue() -> None:
    found = looked_up()
    assert len({key for _where, key in found}) > 350  # the lookups were found
    missing = []
    for where, key in found:
        if key.endswith(".*"):
            ok = any(k.startswith(key[:-1]) for k in [*sv.WORDS, *same.SAME])
        else:
            ok = _known(key)
        if not ok:
            missing.append(f"{where}: {key}")
    assert missing == []


def test_one_lookup_fills_in_counts_and_falls_back_to_swedish() -> None:
    assert catalogue.say("report.late", "sv", n=1) == "1 dag sent"
    assert catalogue.say("report.late", "en", n=3065) == "3,065 days late"
    assert catalogue.say("report.late", "sv", n=3065) == "3\u202f065 dagar sent"
    assert catalogue.say("web.account", "fr", name="Maria") == "Inloggad som Maria"
    assert catalogue.say("web.nav.history", "en") == "History" == en.WORDS["common.history"]
    with pytest.raises(KeyError):
        catalogue.say("web.no_such_word")
    entry = catalogue.entry("outcome.partly")
    assert dict(entry) == {"sv": "Delvis uppnått", "en": "Partly achieved"}
    assert entry.get("fr") is None and len(catalogue.section("outcome")) == 3
    with pytest.raises(TypeError, match="read-only"):
        catalogue.section("web")["brand"] = entry


def test_english_is_loaded_only_when_asked_for() -> None:
    code = (
        "import sys\n"
        "from process.core.words import t\n"
        "from web.words import t as web_t\n"
        "print(t('milestones', 'sv'), web_t('nav.main', 'sv'))\n"
        "print('process.core.catalogue.en' in sys.modules)\n"
        "print(t('milestones', 'en'), 'process.core.catalogue.en' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:3] == ["Milstolpar Huvudmeny", "False", "Milestones True"]


def test_the_plan_workbook_reads_its_sheets_and_columns_from_the_catalogue() -> None:
    from process.plans import plan_columns

    for sheet in plan_columns.SHEETS:
        assert sheet.sv and sheet.en
        for column in sheet.columns:
            assert column.sv and column.en and column.help_sv and column.help_en
            assert "{" not in column.help_sv + column.help_en
    assert sv.WORDS["plan.help_keys"] == plan_columns.KEYS_SV
    assert plan_columns.SHEETS[3].sv == "Åtgärder" and plan_columns.SHEETS[3].en == "Measures"

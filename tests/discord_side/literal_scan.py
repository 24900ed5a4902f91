"""Finds user-facing text spelled out in code instead of taken from the catalogue.

A string literal (or the literal part of an f-string) that contains a letter and is not a catalogue id
is reported where a user would read it:
- as the text argument of a Discord call (`SINKS`: messages, embeds and their fields, buttons, modals
  and their inputs, command, option and choice descriptions), or as one of `ANY_CALL_KEYWORDS` of any
  call or class definition (`class M(Modal, title=...)`);
- in a module- or class-level constant (the old `FOO_TEXT = "..."`, or a table of labels);
- returned by a function (texts composed by hand).
The allowed exceptions are explicit (`ALLOWED_CONSTANTS`, `ALLOWED_RETURNS`), each with its reason.
Command, group and option names are identifiers Discord matches (`/imagine`), not texts, and are not
looked at; neither are enum values, docstrings, log messages, exception messages, dictionary keys and
comparisons.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

# Called name (the last part of `a.b.name(...)`) -> (positions, keywords) that hold a user-facing text.
SINKS: dict[str, tuple[frozenset[int], frozenset[str]]] = {
    "send_message": (frozenset({0}), frozenset({"content"})),
    "send": (frozenset({0}), frozenset({"content"})),
    "edit_message": (frozenset(), frozenset({"content"})),
    "edit_original_response": (frozenset(), frozenset({"content"})),
    "edit": (frozenset(), frozenset({"content"})),
    "Embed": (frozenset(), frozenset({"title", "description"})),
    "add_field": (frozenset(), frozenset({"name", "value"})),
    "insert_field_at": (frozenset(), frozenset({"name", "value"})),
    "set_field_at": (frozenset(), frozenset({"name", "value"})),
    "set_footer": (frozenset(), frozenset({"text"})),
    "set_author": (frozenset(), frozenset({"name"})),
    "TextInput": (frozenset(), frozenset({"label", "placeholder", "default"})),
    "Button": (frozenset(), frozenset({"label"})),
    "SelectOption": (frozenset(), frozenset({"label", "description"})),
    "Modal": (frozenset(), frozenset({"title"})),
    "command": (frozenset(), frozenset({"description"})),
    "Group": (frozenset(), frozenset({"description"})),
    "Choice": (frozenset(), frozenset({"name"})),
}
# Every keyword of these calls is a text: option descriptions, renames and lists of choices.
ALL_KEYWORDS_SINKS = frozenset({"describe", "rename", "choices"})
ANY_CALL_KEYWORDS = frozenset({"content", "description", "label", "placeholder", "title", "group_description"})

# Module- or class-level names whose string is not shown to anyone, with the reason.
ALLOWED_CONSTANTS: dict[str, str] = {
    "CUSTOM_ID_TEMPLATE": "the pattern of button custom_ids, matched by discord.py, never shown",
    "VARY_TEMPLATE": "the pattern of the Vary buttons' custom_ids, matched by discord.py, never shown",
    "SYNC_META_KEY": "a key of the bot's own meta table",
    "APOLOGY_EXTRA": "a key of a command's extras",
    "DISCORD_SETTING": "the value of the language choice that clears the admins' choice, never shown",
}
# Functions whose returned string is not shown as text, with the reason.
ALLOWED_RETURNS: dict[str, str] = {
    "nonce_for": "a message nonce Discord uses to drop repeats, never shown",
    "message_link": "a URL",
    "_what": "names the command or button in a log line",
    "name_entry": "the catalogue id of a command's or option's name",
}


@dataclass(frozen=True)
class Finding:
    """A user-facing literal outside the catalogue."""

    path: str
    line: int
    literal: str
    where: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.literal!r} ({self.where})"


def _has_text(value: str, ids: frozenset[str]) -> bool:
    return value not in ids and any(character.isalpha() for character in value)


def literals(node: ast.AST | None, ids: frozenset[str]) -> Iterator[tuple[int, str]]:
    """The text literals an expression is built from: constants, the literal parts of f-strings, through
    operators, conditionals, slices and containers, and `"...".format(...)`; not inside other calls,
    whose result is computed (such as `text("entry-id")`)."""
    if node is None:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _has_text(node.value, ids):
            yield node.lineno, node.value
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str) and _has_text(part.value, ids):
                yield node.lineno, part.value
    elif isinstance(node, ast.Call):
        yield from literals(node.func.value if isinstance(node.func, ast.Attribute) else None, ids)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from literals(value, ids)
    elif isinstance(node, ast.BinOp | ast.BoolOp | ast.IfExp | ast.List | ast.Tuple | ast.Set | ast.Subscript):
        for child in ast.iter_child_nodes(node):
            if not (isinstance(node, ast.IfExp) and child is node.test):
                yield from literals(child, ids)


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else ""


def _call_texts(call: ast.Call) -> Iterator[tuple[ast.AST, str]]:
    name = _called_name(call)
    positions, keywords = SINKS.get(name, (frozenset(), frozenset()))
    for index, argument in enumerate(call.args):
        if index in positions:
            yield argument, f"argument {index} of {name}()"
    for keyword in call.keywords:
        if keyword.arg is not None and (
            keyword.arg in keywords or keyword.arg in ANY_CALL_KEYWORDS or name in ALL_KEYWORDS_SINKS
        ):
            yield keyword.value, f"{keyword.arg}= of {name}()"


def _is_enum(node: ast.ClassDef) -> bool:
    # An enum's values are identifiers (stored, or in custom_ids), not texts.
    return any(
        (base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")).endswith("Enum")
        for base in node.bases
    )


def _constant_texts(tree: ast.Module) -> Iterator[tuple[ast.AST, str]]:
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and not _is_enum(node)]
    bodies = [tree.body] + [node.body for node in classes]
    for body in bodies:
        for statement in body:
            targets = statement.targets if isinstance(statement, ast.Assign) else []
            if isinstance(statement, ast.AnnAssign):
                targets = [statement.target]
            names = [target.id for target in targets if isinstance(target, ast.Name)]
            value = getattr(statement, "value", None)
            if names and value is not None and not set(names) & ALLOWED_CONSTANTS.keys():
                yield value, f"constant {names[0]}"


def _return_texts(tree: ast.Module) -> Iterator[tuple[ast.AST, str]]:
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name in ALLOWED_RETURNS:
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and node.value is not None:
                yield node.value, f"returned by {function.name}()"


def scan(source: str, path: str, ids: frozenset[str]) -> list[Finding]:
    """Every user-facing literal in `source` that is not a catalogue id (one of `ids`)."""
    tree = ast.parse(source)
    places: list[tuple[ast.AST, str]] = [*_constant_texts(tree), *_return_texts(tree)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            places += _call_texts(node)
        elif isinstance(node, ast.ClassDef):
            places += [
                (kw.value, f"{kw.arg}= of class {node.name}") for kw in node.keywords if kw.arg in ANY_CALL_KEYWORDS
            ]
    found = {
        Finding(path, line, value, where) for expression, where in places for line, value in literals(expression, ids)
    }
    return sorted(found, key=lambda finding: (finding.line, finding.literal))

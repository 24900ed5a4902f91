"""The operator's blocked terms (`BLOCKED_TERMS_FILE`): blocked everywhere, DMs included, on top of each
server's own. One term a line; `re:` before a regular expression (what `/imagine-admin terms` takes with
its regex option); blank lines and lines starting with `#` are skipped. Read once, at start: a term that
cannot be used stops the start with its file and line named."""

from __future__ import annotations

from pathlib import Path

from services.moderation.blocked_terms import BlockedTerm, InvalidTerm

REGEX_PREFIX = "re:"


class OperatorTermsError(Exception):
    """The operator's terms file cannot be read, or one of its lines cannot be used."""


def parse_terms(text: str, source: str = "BLOCKED_TERMS_FILE") -> tuple[BlockedTerm, ...]:
    """The terms of a file's text, each validated as an admin's would be; `OperatorTermsError` names the
    first line that cannot be used."""
    terms: list[BlockedTerm] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        is_regex = stripped.startswith(REGEX_PREFIX)
        term = BlockedTerm(stripped.removeprefix(REGEX_PREFIX).strip() if is_regex else stripped, is_regex)
        try:
            term.compile()
        except InvalidTerm as error:
            raise OperatorTermsError(f"{source} line {number}: {error.problem} {dict(error.values)}") from None
        if term not in terms:
            terms.append(term)
    return tuple(terms)


def read_terms_file(path: str | None) -> tuple[BlockedTerm, ...]:
    """The terms of the file at `path` (none without one); blocking: call it before the bot runs."""
    if path is None:
        return ()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OperatorTermsError(f"BLOCKED_TERMS_FILE {path!r} cannot be read: {error}") from None
    return parse_terms(text, f"BLOCKED_TERMS_FILE {path!r}")

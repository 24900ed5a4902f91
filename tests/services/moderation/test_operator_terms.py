from __future__ import annotations

from pathlib import Path

import pytest

from services.moderation.blocked_terms import BlockedTerm
from services.moderation.operator_terms import OperatorTermsError, parse_terms, read_terms_file


def test_one_term_a_line_with_re_before_a_pattern_and_comments_skipped() -> None:
    text = "# the operator's list\n\ngore\n  kill yourself  \nre: blood(y|bath)\ngore\n"
    assert parse_terms(text) == (
        BlockedTerm("gore"),
        BlockedTerm("kill yourself"),
        BlockedTerm("blood(y|bath)", is_regex=True),
    )


def test_a_line_that_cannot_be_used_is_named() -> None:
    with pytest.raises(OperatorTermsError, match="line 2: pattern_does_not_compile"):
        parse_terms("gore\nre: (unclosed\n")


def test_no_file_means_no_terms() -> None:
    assert read_terms_file(None) == ()


def test_the_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text("gore\nre:gu+ts\n", encoding="utf-8")
    assert read_terms_file(str(path)) == (BlockedTerm("gore"), BlockedTerm("gu+ts", is_regex=True))


def test_a_missing_file_stops_the_start_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(OperatorTermsError, match="cannot be read"):
        read_terms_file(str(tmp_path / "missing.txt"))

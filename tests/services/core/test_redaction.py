"""Database URLs are shown without their passwords, wherever the password is written."""

from __future__ import annotations

from services.core.redaction import mask_password


def test_a_password_in_the_user_info_is_masked() -> None:
    assert mask_password("postgresql://bot:hunter2@db:5432/imagine") == "postgresql://bot:***@db:5432/imagine"


def test_a_password_given_as_a_query_parameter_is_masked() -> None:
    masked = mask_password("postgresql://bot@db/imagine?sslmode=require&password=hunter2&x=1")

    assert masked == "postgresql://bot@db/imagine?sslmode=require&password=***&x=1"


def test_a_url_without_a_password_is_unchanged() -> None:
    assert mask_password("postgresql://bot@db/imagine") == "postgresql://bot@db/imagine"


def test_every_password_parameter_is_masked_not_only_the_one_named_password() -> None:
    masked = mask_password("postgresql://bot@db/imagine?sslmode=require&sslpassword=hunter2&PASSWORD=hunter3")

    assert masked == "postgresql://bot@db/imagine?sslmode=require&sslpassword=***&PASSWORD=***"

"""The API's enums name every value the loaders write, so no stored value fails a query."""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args

import pytest

from api import graphql_types
from loaders.model import records


@pytest.mark.parametrize(
    ("api_enum", "literal"),
    [
        (graphql_types.Role, records.Role),
        (graphql_types.InspectionKind, records.InspectionKind),
        (graphql_types.SourceKind, records.SourceKind),
    ],
)
def test_api_enum_covers_the_stored_values(api_enum: type[Enum], literal: Any) -> None:
    assert {member.value for member in api_enum} >= set(get_args(literal))


def test_grade_enum_covers_the_stored_grades() -> None:
    assert {member.value for member in graphql_types.Grade} >= set(get_args(records.Grade))

"""graphql-core's execution with a short path for plain values: fields that only read an attribute.

Most of a council page's fields (every source's id, kind, title, ...) are attributes of objects the
resolvers already shaped from one named query's rows. For each such field graphql-core still builds a
resolve-info object and a path, calls strawberry's wrapper around `getattr`, checks the result for an
awaitable and completes it through the general machinery: under load that was over a third of the
samples of a council page (bench/profile.py). Here a field whose resolver is strawberry's default one
(no resolver function, no field extension, no middleware) is completed straight from the attribute,
with its whole sub-selection when that is plain too: the same coercion of every leaf
(`coerce_output_value`), the same sub-selections (graphql-core's own `collect_subfields`, so
fragments, aliases, `@skip` and `@include` behave as before).

Anything else, and any value the short path cannot complete cleanly (a null where the schema says
non-null, a leaf that does not coerce, an abstract type), goes the ordinary way from that field, so
errors, their paths and masking are exactly graphql-core's. The short path has no side effects, so
starting over costs only the time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType
from strawberry.types.field import StrawberryField

from graph.errors import ServiceError

DEFINITION = "strawberry-definition"


class _NotPlainError(ServiceError):
    """This value needs the ordinary path: a null where the schema says non-null, a leaf not coercing."""


Complete = Callable[[Any], Any]


class PlainDataExecution(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, completing default-resolver fields without per-field machinery."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A middleware (an extension with a `resolve` hook) must see every field: no short path then.
        self._short = not (self.middleware_manager and self.middleware_manager.middlewares)
        # Per request, as graphql-core's own memo of sub-selections: keyed by the identity of the type
        # and of the field's nodes, which this execution keeps alive.
        self._completers: dict[tuple[int, int], Complete | None] = {}
        self._fields: dict[tuple[int, int], tuple[str, Complete] | None] = {}

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        if not self._short:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        plain: dict[str, Any] = {}
        rest: GroupedFieldSet = {}
        for response_name, details in grouped_field_set.items():
            field = self._field(parent_type, details)
            if field is None:
                rest[response_name] = details
                continue
            attribute, complete = field
            try:
                plain[response_name] = complete(getattr(source_value, attribute))
            except _NotPlainError:
                rest[response_name] = details
        if not rest:
            return plain
        # The ordinary path for the rest, then the answer in the document's order.
        done = super().execute_fields(parent_type, source_value, path, rest, position_context)
        if self.is_awaitable(done):
            return self._merge_later(grouped_field_set, plain, done)
        return _merged(grouped_field_set, plain, cast("dict[str, Any]", done))

    async def _merge_later(self, order: GroupedFieldSet, plain: dict[str, Any], done: Any) -> dict[str, Any]:
        return _merged(order, plain, await done)

    def _field(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> tuple[str, Complete] | None:
        """The attribute a field reads and how to complete its value, or None: not a plain field."""
        key = (id(parent_type), id(details))
        if key not in self._fields:
            self._fields[key] = self._plain_field(parent_type, details)
        return self._fields[key]

    def _plain_field(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> tuple[str, Complete] | None:
        field_name = details[0].node.name.value
        if field_name == "__typename":
            name = parent_type.name
            return "__class__", lambda _: name
        field_def = parent_type.fields.get(field_name)
        if field_def is None or not getattr(field_def.resolve, "_is_default", False):
            return None
        definition = field_def.extensions.get(DEFINITION)
        if not isinstance(definition, StrawberryField) or definition.default_resolver is not getattr:
            return None
        complete = self._completer(field_def.type, details)
        return None if complete is None else (definition.python_name, complete)

    def _completer(self, return_type: GraphQLOutputType, details: FieldDetailsList) -> Complete | None:
        key = (id(return_type), id(details))
        if key not in self._completers:
            self._completers[key] = self._build(return_type, details)
        return self._completers[key]

    def _build(self, return_type: GraphQLOutputType, details: FieldDetailsList) -> Complete | None:
        """A function completing a value of this type for this selection, or None where one field of it
        (at any depth) needs a resolver, an abstract type or a deferred fragment."""
        if isinstance(return_type, GraphQLNonNull):
            inner = self._completer(return_type.of_type, details)
            return None if inner is None else _non_null(inner)
        if isinstance(return_type, GraphQLList):
            inner = self._completer(return_type.of_type, details)
            return None if inner is None else _list_of(inner)
        if isinstance(return_type, CustomGraphQLEnumType):
            return _enum(_member_names(return_type), return_type.coerce_output_value)
        if isinstance(return_type, GraphQLScalarType | GraphQLEnumType):
            return _leaf(return_type.coerce_output_value)
        if isinstance(return_type, GraphQLObjectType) and return_type.is_type_of is None:
            grouped, defers, *_ = self.collect_subfields(return_type, details)
            if defers:
                return None
            fields = []
            for response_name, sub in grouped.items():
                field = self._field(return_type, sub)
                if field is None:
                    return None
                fields.append((response_name, *field))
            return _object(fields)
        return None


def _non_null(inner: Complete) -> Complete:
    def complete(value: Any) -> Any:
        completed = inner(value)
        if completed is None:
            raise _NotPlainError
        return completed

    return complete


def _list_of(inner: Complete) -> Complete:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise _NotPlainError
        return [inner(item) for item in value]

    return complete


def _leaf(coerce: Callable[[Any], Any]) -> Complete:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _NotPlainError
        return coerced

    return complete


# The schema's enum types live as long as the process; so do their member names.
_MEMBER_NAMES: dict[int, tuple[CustomGraphQLEnumType, dict[Any, str]]] = {}


def _member_names(enum_type: CustomGraphQLEnumType) -> dict[Any, str]:
    """Each Python member's GraphQL name, as strawberry's coercion finds it (by scanning the values)."""
    found = _MEMBER_NAMES.get(id(enum_type))
    if found is None:
        members: list[Any] = list(enum_type.wrapped_cls)
        names = {
            member: name
            for name, value in enum_type.values.items()
            for member in members
            if member.value == value.value
        }
        found = _MEMBER_NAMES[id(enum_type)] = (enum_type, names)
    return found[1]


def _enum(names: dict[Any, str], coerce: Callable[[Any], Any]) -> Complete:
    plain = _leaf(coerce)

    def complete(value: Any) -> Any:
        name = names.get(value)
        return plain(value) if name is None else name

    return complete


def _object(fields: list[tuple[str, str, Complete]]) -> Complete:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        return {name: inner(getattr(value, attribute)) for name, attribute, inner in fields}

    return complete


def _merged(order: GroupedFieldSet, plain: dict[str, Any], done: dict[str, Any]) -> dict[str, Any]:
    return {
        name: plain[name] if name in plain else done[name] for name in order if name in plain or name in done
    }

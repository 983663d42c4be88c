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

from typing import Any

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
from strawberry.types.field import StrawberryField

DEFINITION = "strawberry-definition"


class _NotPlain(Exception):
    """This value or selection needs the ordinary path."""


_NOT_BASIC = object()


class PlainDataExecution(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, completing default-resolver fields without per-field machinery."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A middleware (an extension with a `resolve` hook) must see every field: no short path then.
        self._short = not (self.middleware_manager and self.middleware_manager.middlewares)
        self._attributes: dict[tuple[str, str], object] = {}

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        if not self._short:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        plain: dict[str, Any] = {}
        rest: dict[str, FieldDetailsList] = {}
        for response_name, details in grouped_field_set.items():
            field_name = details[0].node.name.value
            if field_name != "__typename" and self._attribute(parent_type, field_name) is _NOT_BASIC:
                rest[response_name] = details
                continue
            try:
                plain[response_name] = self._field(parent_type, source_value, details)
            except _NotPlain:
                rest[response_name] = details
        if not rest:
            return plain
        # The ordinary path for the rest, then the answer in the document's order.
        done = super().execute_fields(parent_type, source_value, path, rest, position_context)  # type: ignore[arg-type]
        if self.is_awaitable(done):
            return self._merge_later(grouped_field_set, plain, done)
        return _merged(grouped_field_set, plain, done)

    async def _merge_later(self, order: GroupedFieldSet, plain: dict[str, Any], done: Any) -> dict[str, Any]:
        return _merged(order, plain, await done)

    def _attribute(self, parent_type: GraphQLObjectType, field_name: str) -> object:
        """The Python attribute a default-resolver field reads, or _NOT_BASIC."""
        key = (parent_type.name, field_name)
        found = self._attributes.get(key)
        if found is None:
            found = _NOT_BASIC
            field_def = parent_type.fields.get(field_name)
            if field_def is not None and getattr(field_def.resolve, "_is_default", False):
                definition = field_def.extensions.get(DEFINITION)
                if isinstance(definition, StrawberryField) and definition.default_resolver is getattr:
                    found = definition.python_name
            self._attributes[key] = found
        return found

    def _field(self, parent_type: GraphQLObjectType, source: Any, details: FieldDetailsList) -> Any:
        field_name = details[0].node.name.value
        if field_name == "__typename":
            return parent_type.name
        attribute = self._attribute(parent_type, field_name)
        if attribute is _NOT_BASIC:
            raise _NotPlain
        return self._complete(parent_type.fields[field_name].type, details, getattr(source, attribute))  # type: ignore[arg-type]

    def _complete(self, return_type: GraphQLOutputType, details: FieldDetailsList, value: Any) -> Any:
        kind = type(return_type)
        if kind is GraphQLNonNull:
            completed = self._complete(return_type.of_type, details, value)  # type: ignore[union-attr]
            if completed is None:
                raise _NotPlain
            return completed
        if value is None:
            return None
        # strawberry's enums are a subclass of GraphQLEnumType.
        if kind is GraphQLScalarType or isinstance(return_type, GraphQLEnumType):
            coerced = return_type.coerce_output_value(value)  # type: ignore[union-attr]
            if coerced is None or coerced is Undefined:
                raise _NotPlain
            return coerced
        if kind is GraphQLList:
            if not isinstance(value, list | tuple):
                raise _NotPlain
            item_type = return_type.of_type  # type: ignore[union-attr]
            return [self._complete(item_type, details, item) for item in value]
        if kind is GraphQLObjectType and return_type.is_type_of is None:  # type: ignore[union-attr]
            grouped, defers, *_ = self.collect_subfields(return_type, details)  # type: ignore[arg-type]
            if defers:
                raise _NotPlain
            return {
                name: self._field(return_type, value, sub)  # type: ignore[arg-type]
                for name, sub in grouped.items()
            }
        raise _NotPlain


def _merged(order: GroupedFieldSet, plain: dict[str, Any], done: dict[str, Any]) -> dict[str, Any]:
    return {name: plain[name] if name in plain else done[name] for name in order if name in plain or name in done}

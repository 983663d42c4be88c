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

A field with a resolver may also take the short path: one whose value is usually at hand in the
object (the rows came with it), and fetched only otherwise. It names, in its metadata (`at_hand`), a
method of the object giving the value, or NOT_READY when the resolver has to fetch it.

Anything else, and any value the short path cannot complete cleanly (a null where the schema says
non-null, a leaf that does not coerce, an abstract type), goes the ordinary way from that field, so
errors, their paths and masking are exactly graphql-core's. The short path has no side effects, so
starting over costs only the time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, cast

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    OperationDefinitionNode,
)
from graphql.execution.collect_fields import FieldDetailsList, FragmentDetails, GroupedFieldSet
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType
from strawberry.types.field import StrawberryField

from graph.errors import ServiceError

DEFINITION = "strawberry-definition"
AT_HAND = "ofsted-graph-at-hand"
# What an at-hand method returns when the value is not in the object and the resolver must fetch it.
NOT_READY: Any = object()


def at_hand(method: str) -> dict[str, str]:
    """Field metadata: `method` (no arguments) gives the field's value, or NOT_READY; see the module."""
    return {AT_HAND: method}


class _NotPlainError(ServiceError):
    """This value needs the ordinary path: a null where the schema says non-null, a leaf not coercing."""


Complete = Callable[[Any], Any]


class PlainDataExecution(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, completing default-resolver fields without per-field machinery."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A middleware (an extension with a `resolve` hook) must see every field: no short path then.
        self._short = not (self.middleware_manager and self.middleware_manager.middlewares)
        self._completers, self._fields = _memos(self.operation, self.fragments)

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
        key = (id(parent_type), *[id(d.node) for d in details])
        if key not in self._fields:
            self._fields[key] = self._plain_field(parent_type, details)
        found: tuple[str, Complete] | None = self._fields[key]
        return found

    def _plain_field(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> tuple[str, Complete] | None:
        field_name = details[0].node.name.value
        if field_name == "__typename":
            name = parent_type.name
            return "__class__", lambda _: name
        field_def = parent_type.fields.get(field_name)
        if field_def is None:
            return None
        definition = field_def.extensions.get(DEFINITION)
        if not isinstance(definition, StrawberryField):
            return None
        method = definition.metadata.get(AT_HAND)
        if method is not None:
            inner = self._completer(field_def.type, details)
            return None if inner is None else (method, _called(inner))
        if not getattr(field_def.resolve, "_is_default", False) or definition.default_resolver is not getattr:
            return None
        complete = self._completer(field_def.type, details)
        return None if complete is None else (definition.python_name, complete)

    def _completer(self, return_type: GraphQLOutputType, details: FieldDetailsList) -> Complete | None:
        key = (id(return_type), *[id(d.node) for d in details])
        if key not in self._completers:
            self._completers[key] = self._build(return_type, details)
        found: Complete | None = self._completers[key]
        return found

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


# How to complete each field of a document, kept across requests: the parser cache gives the same
# document, so the same nodes, for the same query text, and a widget sends the same few documents.
# Keys are the identity of a type and of the field's nodes; the entry keeps the operation (and so its
# nodes) alive, so an identity is never reused while its entry exists.
Memo = dict[tuple[int, ...], Any]
SHARED_OPERATIONS = 256
_SHARED: OrderedDict[int, tuple[OperationDefinitionNode, Memo, Memo]] = OrderedDict()


def _memos(operation: OperationDefinitionNode, fragments: dict[str, FragmentDetails]) -> tuple[Memo, Memo]:
    """The memos of completers and plain fields for this operation: shared by every request of it,
    unless a directive (`@skip`, `@include`, `@defer`) or a fragment's own variables may make its
    selections differ by request."""
    entry = _SHARED.get(id(operation))
    if entry is not None and entry[0] is operation:
        _SHARED.move_to_end(id(operation))
        return entry[1], entry[2]
    completers: Memo = {}
    fields: Memo = {}
    definitions = [f.definition for f in fragments.values()]
    if not any(f.variable_signatures for f in fragments.values()) and not _has_directives(
        [operation, *definitions]
    ):
        _SHARED[id(operation)] = (operation, completers, fields)
        if len(_SHARED) > SHARED_OPERATIONS:
            _SHARED.popitem(last=False)
    return completers, fields


def _has_directives(nodes: list[Any]) -> bool:
    """True when any selection under these nodes carries a directive."""
    pending = [n.selection_set for n in nodes if n.selection_set is not None]
    while pending:
        for selection in pending.pop().selections:
            if selection.directives:
                return True
            inner = getattr(selection, "selection_set", None)
            if inner is not None:
                pending.append(inner)
    return False


def _called(inner: Complete) -> Complete:
    def complete(method: Callable[[], Any]) -> Any:
        value = method()
        if value is NOT_READY:
            raise _NotPlainError
        return inner(value)

    return complete


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

"""One driver per process, built from settings."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.errors import GraphUnavailableError
from graph.settings import Settings


def connect(settings: Settings) -> Driver:
    """Open a driver to the configured Neo4j and check that it answers.

    Raises:
        GraphUnavailableError: nothing answers at the URI, or it refused the credentials.
    """
    driver = GraphDatabase.driver(settings.bolt_uri, auth=_auth(settings))
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, AuthError, OSError) as exc:
        driver.close()
        raise GraphUnavailableError(
            f"No Neo4j answers at {settings.bolt_uri} ({type(exc).__name__}). "
            "Start the local one with 'ofsted-graph neo4j start', or check OFSTED_NEO4J_URI "
            "and OFSTED_NEO4J_PASSWORD."
        ) from exc
    return driver


def connect_async(settings: Settings) -> AsyncDriver:
    """An async driver for the API; connectivity is checked per request, not here."""
    # Short waits: a public request should fail fast with "unavailable" while Neo4j is down rather
    # than retry for the driver's default 30 s.
    return AsyncGraphDatabase.driver(
        settings.bolt_uri,
        auth=_auth(settings),
        max_transaction_retry_time=5.0,
        connection_acquisition_timeout=5.0,
        connection_timeout=5.0,
    )


def _auth(settings: Settings) -> tuple[str, str]:
    return settings.neo4j_user, settings.neo4j_password.get_secret_value()

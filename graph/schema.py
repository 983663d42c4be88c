"""Constraints and indexes: natural keys unique; look-ups by code, name and date indexed.

Every statement is idempotent (IF NOT EXISTS), so `apply` runs before every load.
"""

from __future__ import annotations

from neo4j import Driver

# Natural keys. Councils are also Organisations (id "council:<code>"), so tenures point at either.
CONSTRAINTS = (
    "CREATE CONSTRAINT council_code IF NOT EXISTS FOR (n:Council) REQUIRE n.code IS UNIQUE",
    "CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT inspection_id IF NOT EXISTS FOR (n:Inspection) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT tenure_id IF NOT EXISTS FOR (n:Tenure) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
    # A document's bytes identify it: one Source per PDF or data file, however many names it has.
    "CREATE CONSTRAINT source_sha256_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.sha256 IS UNIQUE",
    "CREATE CONSTRAINT notice_id IF NOT EXISTS FOR (n:ImprovementNotice) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT intervention_id IF NOT EXISTS FOR (n:Intervention) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT board_id IF NOT EXISTS FOR (n:ImprovementBoard) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT load_id IF NOT EXISTS FOR (n:Load) REQUIRE n.id IS UNIQUE",
)

# The look-ups the named queries and the API make.
INDEXES = (
    "CREATE INDEX council_name IF NOT EXISTS FOR (n:Council) ON (n.name)",
    "CREATE INDEX council_gss IF NOT EXISTS FOR (n:Council) ON (n.gss_code)",
    "CREATE INDEX council_urn IF NOT EXISTS FOR (n:Council) ON (n.ofsted_urn)",
    "CREATE INDEX council_region IF NOT EXISTS FOR (n:Council) ON (n.region)",
    "CREATE INDEX inspection_published IF NOT EXISTS FOR (n:Inspection) ON (n.published_date)",
    "CREATE INDEX inspection_start IF NOT EXISTS FOR (n:Inspection) ON (n.start_date)",
    "CREATE INDEX inspection_overall IF NOT EXISTS FOR (n:Inspection) ON (n.overall)",
    "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
    "CREATE INDEX tenure_role IF NOT EXISTS FOR (n:Tenure) ON (n.role)",
    "CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind)",
    "CREATE INDEX source_url IF NOT EXISTS FOR (n:Source) ON (n.url)",
    "CREATE FULLTEXT INDEX person_names IF NOT EXISTS FOR (n:Person) ON EACH [n.name]",
    "CREATE FULLTEXT INDEX council_names IF NOT EXISTS FOR (n:Council) ON EACH [n.name, n.aliases_text]",
    # search: sources by what a reader would type (a title, a publisher, an author).
    "CREATE FULLTEXT INDEX source_text IF NOT EXISTS FOR (n:Source) ON EACH [n.title, n.publisher, n.author]",
)


# Schema objects earlier versions made and this one replaces; dropped before the new ones are made.
RETIRED = (
    # The plain index on Source.sha256 became the uniqueness constraint's own index (for a short while
    # that constraint had the index's name).
    "DROP CONSTRAINT source_sha256 IF EXISTS",
    "DROP INDEX source_sha256 IF EXISTS",
)


def apply(driver: Driver, database: str) -> None:
    """Create every constraint and index that does not exist yet, and wait until they are online."""
    with driver.session(database=database) as session:
        for statement in (*RETIRED, *CONSTRAINTS, *INDEXES):
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes(300)").consume()

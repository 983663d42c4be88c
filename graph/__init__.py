"""The graph: Neo4j server management, connection, schema and named queries."""

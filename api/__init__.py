"""The read-only GraphQL API."""

"""List people who may be one person split in two by a spelling: at the same council, names with the
same surname whose first names share their first three letters ("Pete"/"Peter"), or the same first
name with surnames two edits apart or fewer ("Ludlam"/"Ludlum").

A Person is one cleaned name, so a short form printed by one page and the full form used by a letter
make two people; this lists the candidates for a curator to check against the official spelling.
Read-only; run against a loaded graph with the usual OFSTED_* environment:

    .venv/bin/python scripts/name_splits.py
"""

from __future__ import annotations

from itertools import combinations

from graph.connection import connect
from graph.settings import Settings

HOLDERS = """
MATCH (p:Person)-[:HELD]->(t:Tenure)-[:AT|SERVES]->(c:Council)
RETURN c.code AS code, c.name AS council, collect(DISTINCT [p.name, t.role]) AS held
ORDER BY code
"""


def edits(a: str, b: str) -> int:
    """Levenshtein distance, small strings only."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (x != y))
    return row[-1]


def may_be_one(a: str, b: str) -> bool:
    first_a, *_, last_a = a.lower().split()
    first_b, *_, last_b = b.lower().split()
    if last_a == last_b:
        return first_a != first_b and first_a[:3] == first_b[:3]
    return first_a == first_b and edits(last_a, last_b) <= 2


def main() -> None:
    settings = Settings()
    with connect(settings) as driver:
        records = driver.execute_query(HOLDERS, database_=settings.neo4j_database).records
    for record in records:
        roles: dict[str, set[str]] = {}
        for name, role in record["held"]:
            if len(name.split()) > 1:
                roles.setdefault(name, set()).add(role)
        for a, b in combinations(sorted(roles), 2):
            if may_be_one(a, b):
                print(
                    f"{record['code']} {record['council']}: {a} ({', '.join(sorted(roles[a]))})"
                    f" | {b} ({', '.join(sorted(roles[b]))})"
                )


if __name__ == "__main__":
    main()

// name: person
// A person by id, or everyone with exactly this name (case-insensitive): two people can share a name.
// params:
//   person_id  string  the person's id, e.g. "chris-spencer"; null to search by name
//   name       string  the full name as the sources print it; null to look up by id
// returns: person (properties)
MATCH (p:Person)
WHERE ($person_id IS NOT NULL AND p.id = $person_id)
   OR ($person_id IS NULL AND $name IS NOT NULL AND toLower(p.name) = toLower($name))
RETURN p {.*} AS person
ORDER BY p.id

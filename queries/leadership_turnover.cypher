// name: leadership_turnover
// For each inspection with a given overall grade (among those that match a filter), whether the
// holder of one role at that council changed within a window around its publication date (else its
// date): `months_before` before it to `months_after` after it. Each tenure counts over the span its
// evidence covers, compared at the precision the sources give ("2017-06" covers the whole month).
//   changed:   a holder's stated start or end falls inside the window, or two named people held it then;
//   unchanged: one tenure's known span covers the whole window and no one else is shown in the post;
//   unknown:   anything else (the sources do not show who held the post across the window).
// params:
//   role            string   a role, e.g. "director_of_childrens_services"
//   grade           string   the overall grade, e.g. "INADEQUATE"
//   months_before   integer  months before the rating the window opens
//   months_after    integer  months after the rating the window closes
//   council_code    string   DfE LA code, ONS GSS code or Ofsted URN; null for every council
//   region          string   region name, case-insensitive, e.g. "South West"; null for all
//   current_only    boolean  true keeps councils that exist today; null or false for all
//   kinds           list     inspection kinds, e.g. ["inspection", "reinspection"]; null for all
//   frameworks      list     frameworks, e.g. ["ILACS standard", "ILACS short"]; null for all
//   overall         list     overall grades, e.g. ["INADEQUATE"]; null for all (ungraded included)
//   area            string   a judgement area the inspection must have, e.g. "help_and_protection"; null for any
//   area_grades     list     grades that judgement must have, e.g. ["GOOD"]; null for any (needs area)
//   published_from  string   earliest publication date, ISO, e.g. "2018-01-01"; null for no bound
//   published_to    string   latest publication date, ISO, e.g. "2025-03-31"; null for no bound
// returns: council_code, inspection_id, rated_on, window_from, window_to, status, reason, holders (tenure, person, organisation, citations)
MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection)
// The inspection filter (the same lines in every query across councils). Null filters match all.
WHERE ($council_code IS NULL OR c.code = $council_code OR c.gss_code = $council_code
       OR c.ofsted_urn = $council_code)
  AND ($region IS NULL OR toLower(c.region) = toLower($region))
  AND (NOT coalesce($current_only, false) OR coalesce(c.current, false))
  AND ($kinds IS NULL OR i.kind IN $kinds)
  AND ($frameworks IS NULL OR i.framework IN $frameworks)
  AND ($overall IS NULL OR i.overall IN $overall)
  AND ($published_from IS NULL OR i.published_date >= $published_from)
  AND ($published_to IS NULL OR i.published_date <= $published_to)
  AND ($area IS NULL OR EXISTS {
        MATCH (i)-[:HAS_JUDGEMENT]->(fj:Judgement {area: $area})
        WHERE $area_grades IS NULL OR fj.grade IN $area_grades
      })
  AND i.overall = $grade
WITH c, i, coalesce(i.published_date, i.date) AS rated_on
WITH c, i, rated_on,
     toString(date(rated_on) - duration({months: $months_before})) AS window_from,
     toString(date(rated_on) + duration({months: $months_after})) AS window_to
CALL (c, window_from, window_to) {
  OPTIONAL MATCH (t:Tenure {role: $role})-[:AT|SERVES]->(c)
  WHERE t.known_from IS NOT NULL
    AND substring(window_to, 0, size(t.known_from)) >= t.known_from
    AND substring(window_from, 0, size(t.known_to)) <= t.known_to
  OPTIONAL MATCH (t)-[:AT]->(o:Organisation)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  }
  WITH t, p, o, citations
  ORDER BY t.known_from, t.id
  RETURN collect(CASE WHEN t IS NULL THEN NULL
                 ELSE {tenure: t {.*}, person: p {.*}, organisation: o {.id, .name, .kind}, citations: citations}
                 END) AS holders
}
WITH c, i, rated_on, window_from, window_to, holders,
     [h IN holders WHERE h.tenure.start_date IS NOT NULL
        AND substring(window_from, 0, size(h.tenure.start_date)) < h.tenure.start_date
        AND substring(window_to, 0, size(h.tenure.start_date)) >= h.tenure.start_date] AS started,
     [h IN holders WHERE h.tenure.end_date IS NOT NULL
        AND substring(window_from, 0, size(h.tenure.end_date)) <= h.tenure.end_date
        AND substring(window_to, 0, size(h.tenure.end_date)) > h.tenure.end_date] AS ended,
     reduce(ids = [], h IN holders |
       CASE WHEN h.person IS NULL OR h.person.id IN ids THEN ids ELSE ids + h.person.id END) AS people,
     [h IN holders WHERE h.tenure.known_from <= substring(window_from, 0, size(h.tenure.known_from))
        AND h.tenure.known_to >= substring(window_to, 0, size(h.tenure.known_to))] AS covering
WITH c, i, rated_on, window_from, window_to, holders, started, ended, people, covering,
     size(covering) > 0 AND all(h IN holders WHERE h.tenure.id = covering[0].tenure.id
       OR (h.person IS NOT NULL AND covering[0].person IS NOT NULL AND h.person.id = covering[0].person.id))
       AS one_holder
RETURN c.code AS council_code, i.id AS inspection_id, rated_on, window_from, window_to,
       CASE WHEN size(started) > 0 OR size(ended) > 0 OR size(people) > 1 THEN 'CHANGED'
            WHEN one_holder THEN 'UNCHANGED'
            ELSE 'UNKNOWN' END AS status,
       CASE WHEN size(started) > 0 THEN 'a holder is stated to have started in the post in the window'
            WHEN size(ended) > 0 THEN 'a holder is stated to have left the post in the window'
            WHEN size(people) > 1 THEN 'the sources show ' + toString(size(people)) + ' people in the post in the window'
            WHEN one_holder THEN 'one tenure is shown across the whole window, and no one else'
            WHEN size(holders) = 0 THEN 'no source shows anyone in the post in the window'
            ELSE 'the sources do not show who held the post across the whole window' END AS reason,
       holders
ORDER BY rated_on, council_code, inspection_id

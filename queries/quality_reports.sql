-- title: Data quality: the reports with the most issues
-- answers: Which reports need a look first: the most errors, then the most
--   issues of any severity?
-- param: year integer Report year, e.g. 2022.
-- param: province text Province exactly as stored, e.g. 广东省.
-- param: city text City exactly as stored, e.g. 广州市.
-- param: agency text Part of the body's name: 财政 matches 广东省财政厅.
-- param: limit integer How many reports to list (default 20).
-- column: report_id The report.
-- column: year Report year.
-- column: agency The body, as the report names itself.
-- column: quality The report's flag: ok, warn or error.
-- column: issues Issues of the report.
-- column: errors Issues of severity error.
-- column: warnings Issues of severity warn.
-- column: rules The distinct rules broken, comma-separated, sorted.
-- column: url Where the report was found, to check it by eye.
-- notes: Reports without issues are not listed. Ties are broken by year, then
--   report_id. The issues by rule are in the companion query quality.
SELECT r.report_id,
       r.year,
       r.agency,
       r.quality,
       count(*)                                        AS issues,
       count(*) FILTER (WHERE i.severity = 'error')    AS errors,
       count(*) FILTER (WHERE i.severity = 'warn')     AS warnings,
       string_agg(DISTINCT i.rule, ', ' ORDER BY i.rule) AS rules,
       r.url
FROM reports r
JOIN issues i ON i.report_id = r.report_id
WHERE (:year IS NULL OR r.year = :year)
  AND (:province IS NULL OR r.province = :province)
  AND (:city IS NULL OR r.city = :city)
  AND (:agency IS NULL OR contains(r.agency, :agency))
GROUP BY r.report_id, r.year, r.agency, r.quality, r.url
ORDER BY errors DESC, issues DESC, r.year, r.report_id
LIMIT coalesce(:limit, 20);

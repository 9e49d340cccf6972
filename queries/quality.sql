-- title: Data quality: issues by rule and severity
-- answers: Which identities and checks fail, how often, and on how many of
--   the reports?
-- param: year integer Report year, e.g. 2022.
-- param: province text Province exactly as stored, e.g. 广东省.
-- param: city text City exactly as stored, e.g. 广州市.
-- param: agency text Part of the body's name: 财政 matches 广东省财政厅.
-- column: rule The rule's name (requests_balance, carryover_continuity …; SCHEMA.md).
-- column: severity error, warn or info.
-- column: issues Number of issues.
-- column: reports Distinct reports with at least one such issue.
-- column: share_of_reports reports / all reports matching the parameters,
--   4 decimals.
-- notes: The reports with the most issues are in the companion query
--   quality_reports. Ordered by severity (error first), then by issues.
WITH scope AS (
    SELECT report_id
    FROM reports
    WHERE (:year IS NULL OR year = :year)
      AND (:province IS NULL OR province = :province)
      AND (:city IS NULL OR city = :city)
      AND (:agency IS NULL OR contains(agency, :agency))
)
SELECT i.rule,
       i.severity,
       count(*)                    AS issues,
       count(DISTINCT i.report_id) AS reports,
       round(count(DISTINCT i.report_id) / NULLIF((SELECT count(*) FROM scope), 0), 4) AS share_of_reports
FROM issues i
JOIN scope s ON s.report_id = i.report_id
GROUP BY i.rule, i.severity
ORDER BY CASE i.severity WHEN 'error' THEN 0 WHEN 'warn' THEN 1 WHEN 'info' THEN 2 ELSE 3 END,
         issues DESC, i.rule;

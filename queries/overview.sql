-- title: Reports per year, template and quality
-- answers: How many reports does the warehouse hold for each year, under which
--   template and with which quality flag, how many bodies do they cover, and
--   how many issues were raised on them?
-- param: year integer Report year, e.g. 2022.
-- param: province text Province exactly as stored in reports.province, e.g. 广东省.
-- param: city text City exactly as stored in reports.city, e.g. 广州市.
-- param: agency text Part of the body's name: 财政 matches 广东省财政厅.
-- column: year Report year (the year reported on, not the year published).
-- column: template 2019, 2021 or legacy.
-- column: quality ok, warn or error: the most severe issue of the report.
-- column: reports Number of reports.
-- column: agencies Distinct bodies (agency_key) among those reports.
-- column: issues Issues raised on those reports (sum of reports.n_issues).
-- notes: Rows are ordered by year, template, then ok, warn, error.
SELECT year,
       template,
       quality,
       count(*)                                  AS reports,
       count(DISTINCT agency_key)                AS agencies,
       CAST(coalesce(sum(n_issues), 0) AS BIGINT) AS issues
FROM reports
WHERE (:year IS NULL OR year = :year)
  AND (:province IS NULL OR province = :province)
  AND (:city IS NULL OR city = :city)
  AND (:agency IS NULL OR contains(agency, :agency))
GROUP BY year, template, quality
ORDER BY year, template,
         CASE quality WHEN 'ok' THEN 0 WHEN 'warn' THEN 1 WHEN 'error' THEN 2 ELSE 3 END,
         quality;

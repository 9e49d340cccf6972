-- title: Disclosure rate per report
-- answers: Of the requests a body handled in a year, what share did it grant
--   in full or in part: (granted + partially_granted) / total_handled?
-- param: year integer Report year, e.g. 2022.
-- param: province text Province exactly as stored, e.g. 广东省.
-- param: city text City exactly as stored, e.g. 广州市.
-- param: agency text Part of the body's name: 财政 matches 广东省财政厅.
-- column: report_id The report (reports.report_id).
-- column: year Report year.
-- column: province Province of the body.
-- column: city City of the body (the municipality for 北京市 and the like).
-- column: county County-level area of the body.
-- column: agency The body, as the report names itself.
-- column: template 2019 or 2021.
-- column: granted 三(一) 予以公开, total column.
-- column: partially_granted 三(二) 部分公开, total column.
-- column: total_handled 三(七) 总计 as printed, total column.
-- column: disclosure_rate (granted + partially_granted) / total_handled,
--   rounded to 4 decimals; NULL when total_handled is 0 or blank.
-- notes: Uses the 总计 (total) applicant column of each report. Blank cells
--   count as 0. total_handled is taken as printed, not recomputed: a report
--   whose total disagrees with its rows carries a requests_outcomes issue.
SELECT report_id,
       year,
       province,
       city,
       county,
       agency,
       template,
       coalesce(granted, 0)           AS granted,
       coalesce(partially_granted, 0) AS partially_granted,
       coalesce(total_handled, 0)     AS total_handled,
       round((coalesce(granted, 0) + coalesce(partially_granted, 0))
             / NULLIF(coalesce(total_handled, 0), 0), 4) AS disclosure_rate
FROM requests
WHERE applicant = 'total'
  AND (:year IS NULL OR year = :year)
  AND (:province IS NULL OR province = :province)
  AND (:city IS NULL OR city = :city)
  AND (:agency IS NULL OR contains(agency, :agency))
ORDER BY year, province, city, county, agency, report_id;

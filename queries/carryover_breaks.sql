-- title: Breaks in carry-over between consecutive years
-- answers: Where does a body's 二、上年结转 (carried_over) in year Y differ
--   from the 四、结转下年度继续办理 (carried_forward) it reported for Y−1?
-- param: year integer The later year Y, e.g. 2022.
-- param: province text Province exactly as stored (of year Y), e.g. 广东省.
-- param: city text City exactly as stored (of year Y), e.g. 广州市.
-- param: agency text Part of the body's name in either year.
-- column: agency_key The body's key, the same across years and renamings.
-- column: province Province of the body (year Y).
-- column: city City of the body (year Y).
-- column: county County-level area of the body (year Y).
-- column: prev_agency The body's name in its Y−1 report.
-- column: agency The body's name in its Y report.
-- column: prev_year Y−1.
-- column: year Y.
-- column: prev_carried_forward carried_forward of Y−1, total column.
-- column: carried_over carried_over of Y, total column.
-- column: difference carried_over − prev_carried_forward.
-- column: prev_report_id The Y−1 report.
-- column: report_id The Y report.
-- notes: Bodies are matched on agency_key, so a body that renamed itself
--   (淮安市洪泽区人民政府 → 洪泽区人民政府) is still one body. Only pairs where
--   both years have a requests table are compared. Blank cells count as 0.
--   The same check raises carryover_continuity issues at load.
WITH t AS (
    SELECT report_id, year, agency, agency_key, province, city, county,
           coalesce(carried_over, 0)    AS carried_over,
           coalesce(carried_forward, 0) AS carried_forward
    FROM requests
    WHERE applicant = 'total'
)
SELECT cur.agency_key,
       cur.province,
       cur.city,
       cur.county,
       prev.agency                             AS prev_agency,
       cur.agency,
       prev.year                               AS prev_year,
       cur.year,
       prev.carried_forward                    AS prev_carried_forward,
       cur.carried_over,
       cur.carried_over - prev.carried_forward AS difference,
       prev.report_id                          AS prev_report_id,
       cur.report_id
FROM t cur
JOIN t prev ON prev.agency_key = cur.agency_key AND prev.year = cur.year - 1
WHERE cur.carried_over <> prev.carried_forward
  AND (:year IS NULL OR cur.year = :year)
  AND (:province IS NULL OR cur.province = :province)
  AND (:city IS NULL OR cur.city = :city)
  AND (:agency IS NULL OR contains(cur.agency, :agency) OR contains(prev.agency, :agency))
ORDER BY cur.year, cur.agency_key;

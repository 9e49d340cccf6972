-- title: New requests, year on year, per body
-- answers: How many new disclosure requests did each body receive this year,
--   how many the year before, and how much did that change?
-- param: year integer The year to compare with the one before, e.g. 2022.
-- param: province text Province exactly as stored, e.g. 广东省.
-- param: city text City exactly as stored, e.g. 广州市.
-- param: agency text Part of the body's name in either year.
-- column: agency_key The body's key, the same across years and renamings.
-- column: province Province of the body.
-- column: city City of the body.
-- column: county County-level area of the body.
-- column: agency The body, as its report of that year names it.
-- column: year Report year.
-- column: new_received 一、本年新收, total column, that year.
-- column: prev_new_received The same for the year before; NULL when the body
--   has no report with a requests table for that year.
-- column: change new_received − prev_new_received; NULL without a previous year.
-- column: change_rate change / prev_new_received, 4 decimals; NULL without a
--   previous year or when it received none.
-- notes: One row per body and year. Bodies are matched on agency_key, so a
--   renamed body keeps its history. Blank cells count as 0.
WITH t AS (
    SELECT report_id, year, agency, agency_key, province, city, county,
           coalesce(new_received, 0) AS new_received
    FROM requests
    WHERE applicant = 'total'
)
SELECT cur.agency_key,
       cur.province,
       cur.city,
       cur.county,
       cur.agency,
       cur.year,
       cur.new_received,
       prev.new_received                     AS prev_new_received,
       cur.new_received - prev.new_received  AS change,
       round((cur.new_received - prev.new_received) / NULLIF(prev.new_received, 0), 4) AS change_rate
FROM t cur
LEFT JOIN t prev ON prev.agency_key = cur.agency_key AND prev.year = cur.year - 1
WHERE (:year IS NULL OR cur.year = :year)
  AND (:province IS NULL OR cur.province = :province)
  AND (:city IS NULL OR cur.city = :city)
  AND (:agency IS NULL OR contains(cur.agency, :agency) OR contains(prev.agency, :agency))
ORDER BY cur.agency_key, cur.year;

-- title: Who asks: applicant mix by year
-- answers: Of the new requests received in a year, what share came from
--   natural persons, businesses, research institutions, public-interest
--   organisations, legal service providers and other organisations?
-- param: year integer Report year, e.g. 2022.
-- param: province text Province exactly as stored, e.g. 广东省.
-- param: city text City exactly as stored, e.g. 广州市.
-- param: agency text Part of the body's name: 财政 matches 广东省财政厅.
-- column: year Report year.
-- column: applicant The applicant column code: natural_person, commercial,
--   research, social_org, legal_service, other_org.
-- column: label The template's label of that column.
-- column: new_received 一、本年新收 in that column, summed over reports.
-- column: all_applicants new_received summed over the six applicant columns.
-- column: share new_received / all_applicants, rounded to 4 decimals; NULL when
--   all_applicants is 0.
-- notes: The denominator is the sum of the six applicant columns, not the
--   printed 总计 column, so the shares of a year add up to 1 (a report whose
--   总计 disagrees carries a requests_row_total issue). Blank cells count as 0.
--   Every applicant appears for every year.
WITH applicants (ord, applicant, label) AS (
    VALUES
    (1, 'natural_person', '自然人'),
    (2, 'commercial',     '商业企业'),
    (3, 'research',       '科研机构'),
    (4, 'social_org',     '社会公益组织'),
    (5, 'legal_service',  '法律服务机构'),
    (6, 'other_org',      '其他')
),
base AS (
    SELECT year, applicant, new_received
    FROM requests
    WHERE (:year IS NULL OR year = :year)
      AND (:province IS NULL OR province = :province)
      AND (:city IS NULL OR city = :city)
      AND (:agency IS NULL OR contains(agency, :agency))
),
years AS (
    SELECT DISTINCT year FROM base
),
counts AS (
    SELECT year, applicant, coalesce(sum(new_received), 0) AS new_received
    FROM base
    WHERE applicant <> 'total'
    GROUP BY year, applicant
),
mix AS (
    SELECT y.year, a.ord, a.applicant, a.label,
           coalesce(c.new_received, 0) AS new_received
    FROM years y
    CROSS JOIN applicants a
    LEFT JOIN counts c ON c.year = y.year AND c.applicant = a.applicant
)
SELECT year,
       applicant,
       label,
       new_received,
       sum(new_received) OVER (PARTITION BY year) AS all_applicants,
       round(new_received / NULLIF(sum(new_received) OVER (PARTITION BY year), 0), 4) AS share
FROM mix
ORDER BY year, ord;

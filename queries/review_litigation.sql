-- title: Administrative review and litigation, by year and body
-- answers: How many administrative reviews (行政复议) and lawsuits (行政诉讼)
--   over disclosure did each body face in a year, and in what share of the
--   concluded cases was the body's decision corrected?
-- param: year integer Report year, e.g. 2022.
-- param: province text Province exactly as stored, e.g. 广东省.
-- param: city text City exactly as stored, e.g. 广州市.
-- param: agency text Part of the body's name: 财政 matches 广东省财政厅.
-- column: year Report year.
-- column: agency_key The body's key, the same across years and renamings.
-- column: province Province of the body.
-- column: city City of the body.
-- column: county County-level area of the body.
-- column: agency The body, as the report names itself.
-- column: reviews review_total: administrative reviews.
-- column: review_corrected review_corrected: reviews whose result corrected the body.
-- column: review_pending review_pending: reviews not concluded yet.
-- column: review_correction_rate review_corrected / (reviews − review_pending),
--   4 decimals; NULL when no review was concluded.
-- column: suits suit_direct_total + suit_after_review_total: lawsuits, filed
--   directly or after a review.
-- column: suit_corrected suit_direct_corrected + suit_after_review_corrected.
-- column: suit_pending suit_direct_pending + suit_after_review_pending.
-- column: suit_correction_rate suit_corrected / (suits − suit_pending), 4
--   decimals; NULL when no suit was concluded.
-- notes: Totals are taken as printed (a total that disagrees with its parts
--   carries a review_litigation_total issue). Blank cells count as 0. Rates
--   are computed from summed counts.
SELECT year,
       agency_key,
       province,
       city,
       county,
       agency,
       sum(coalesce(review_total, 0))     AS reviews,
       sum(coalesce(review_corrected, 0)) AS review_corrected,
       sum(coalesce(review_pending, 0))   AS review_pending,
       round(sum(coalesce(review_corrected, 0))
             / NULLIF(sum(coalesce(review_total, 0)) - sum(coalesce(review_pending, 0)), 0), 4)
                                          AS review_correction_rate,
       sum(coalesce(suit_direct_total, 0) + coalesce(suit_after_review_total, 0))         AS suits,
       sum(coalesce(suit_direct_corrected, 0) + coalesce(suit_after_review_corrected, 0)) AS suit_corrected,
       sum(coalesce(suit_direct_pending, 0) + coalesce(suit_after_review_pending, 0))     AS suit_pending,
       round(sum(coalesce(suit_direct_corrected, 0) + coalesce(suit_after_review_corrected, 0))
             / NULLIF(sum(coalesce(suit_direct_total, 0) + coalesce(suit_after_review_total, 0))
                      - sum(coalesce(suit_direct_pending, 0) + coalesce(suit_after_review_pending, 0)), 0), 4)
                                          AS suit_correction_rate
FROM review_litigation
WHERE (:year IS NULL OR year = :year)
  AND (:province IS NULL OR province = :province)
  AND (:city IS NULL OR city = :city)
  AND (:agency IS NULL OR contains(agency, :agency))
GROUP BY year, agency_key, province, city, county, agency
ORDER BY year, province, city, county, agency, agency_key;

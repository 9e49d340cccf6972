-- title: Reasons for not disclosing, by year
-- answers: Of all the requests handled in a year, what share was refused
--   (denied_*), could not be answered (unavailable_*) or was not processed
--   (not_processed_*), reason by reason?
-- param: year integer Report year, e.g. 2022.
-- param: province text Province exactly as stored, e.g. 广东省.
-- param: city text City exactly as stored, e.g. 广州市.
-- param: agency text Part of the body's name: 财政 matches 广东省财政厅.
-- column: year Report year.
-- column: category denied (三(三) 不予公开), unavailable (三(四) 无法提供) or
--   not_processed (三(五) 不予处理).
-- column: reason The request row code, e.g. denied_state_secret.
-- column: label The template's label of that row.
-- column: requests Requests handled that way that year (sum over reports).
-- column: outcomes All outcomes that year: granted + partially_granted + every
--   denied_*, unavailable_* and not_processed_* row + the other handling.
-- column: share requests / outcomes, rounded to 4 decimals; NULL when outcomes is 0.
-- notes: Uses the 总计 (total) applicant column. Blank cells count as 0. The
--   other handling (三(六)) is counted once: the three other_* rows when a report
--   fills any of them (2021 template), else other_handling (2019 template, or a
--   2021 report that prints only the subtotal). Every reason appears for every
--   year, with 0 when no report used it.
WITH reasons (ord, category, reason, label) AS (
    VALUES
    (1,  'denied',        'denied_state_secret',        '属于国家秘密'),
    (2,  'denied',        'denied_law_prohibited',      '其他法律行政法规禁止公开'),
    (3,  'denied',        'denied_security_stability',  '危及“三安全一稳定”'),
    (4,  'denied',        'denied_third_party',         '保护第三方合法权益'),
    (5,  'denied',        'denied_internal_affairs',    '属于三类内部事务信息'),
    (6,  'denied',        'denied_process_info',        '属于四类过程性信息'),
    (7,  'denied',        'denied_enforcement_file',    '属于行政执法案卷'),
    (8,  'denied',        'denied_inquiry',             '属于行政查询事项'),
    (9,  'unavailable',   'unavailable_not_held',       '本机关不掌握相关政府信息'),
    (10, 'unavailable',   'unavailable_needs_creation', '没有现成信息需要另行制作'),
    (11, 'unavailable',   'unavailable_unclear',        '补正后申请内容仍不明确'),
    (12, 'not_processed', 'not_processed_complaint',    '信访举报投诉类申请'),
    (13, 'not_processed', 'not_processed_repeat',       '重复申请'),
    (14, 'not_processed', 'not_processed_publication',  '要求提供公开出版物'),
    (15, 'not_processed', 'not_processed_excessive',    '无正当理由大量反复申请'),
    (16, 'not_processed', 'not_processed_confirmation', '要求行政机关确认或重新出具已获取信息')
),
per_report AS (
    SELECT year,
           -- every denied_*, unavailable_* and not_processed_* column, blank as 0
           coalesce(COLUMNS('^(denied|unavailable|not_processed)_'), 0),
           coalesce(granted, 0) + coalesce(partially_granted, 0)
           + coalesce(denied_state_secret, 0) + coalesce(denied_law_prohibited, 0)
           + coalesce(denied_security_stability, 0) + coalesce(denied_third_party, 0)
           + coalesce(denied_internal_affairs, 0) + coalesce(denied_process_info, 0)
           + coalesce(denied_enforcement_file, 0) + coalesce(denied_inquiry, 0)
           + coalesce(unavailable_not_held, 0) + coalesce(unavailable_needs_creation, 0)
           + coalesce(unavailable_unclear, 0)
           + coalesce(not_processed_complaint, 0) + coalesce(not_processed_repeat, 0)
           + coalesce(not_processed_publication, 0) + coalesce(not_processed_excessive, 0)
           + coalesce(not_processed_confirmation, 0)
           + CASE WHEN other_overdue_correction IS NULL
                   AND other_unpaid_fee IS NULL
                   AND other_other IS NULL
                  THEN coalesce(other_handling, 0)
                  ELSE coalesce(other_overdue_correction, 0) + coalesce(other_unpaid_fee, 0)
                       + coalesce(other_other, 0)
             END AS outcomes
    FROM requests
    WHERE applicant = 'total'
      AND (:year IS NULL OR year = :year)
      AND (:province IS NULL OR province = :province)
      AND (:city IS NULL OR city = :city)
      AND (:agency IS NULL OR contains(agency, :agency))
),
by_year AS (
    SELECT year, sum(outcomes) AS outcomes
    FROM per_report
    GROUP BY year
),
by_reason AS (
    SELECT year, reason, sum(n) AS requests
    FROM (
        UNPIVOT (SELECT * EXCLUDE (outcomes) FROM per_report)
        ON COLUMNS(* EXCLUDE (year))
        INTO NAME reason VALUE n
    )
    GROUP BY year, reason
)
SELECT y.year,
       r.category,
       r.reason,
       r.label,
       coalesce(b.requests, 0)                            AS requests,
       y.outcomes,
       round(coalesce(b.requests, 0) / NULLIF(y.outcomes, 0), 4) AS share
FROM by_year y
CROSS JOIN reasons r
LEFT JOIN by_reason b ON b.year = y.year AND b.reason = r.reason
ORDER BY y.year, r.ord;

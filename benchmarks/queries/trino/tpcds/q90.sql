-- id: q90
-- min-version: 350
-- expected-rows: *=1
-- (row count: one row by construction, at every scale; counts of LIMIT/GROUP BY queries depend on the scale and are left unset)
SELECT CAST(amc AS decimal(15, 4)) / NULLIF(CAST(pmc AS decimal(15, 4)), 0) AS am_pm_ratio
FROM
  (SELECT count(*) AS amc
   FROM web_sales, household_demographics, time_dim, web_page
   WHERE ws_sold_time_sk = t_time_sk AND ws_ship_hdemo_sk = hd_demo_sk AND ws_web_page_sk = wp_web_page_sk
     AND t_hour BETWEEN 8 AND 8 + 1 AND hd_dep_count = 6 AND wp_char_count BETWEEN 5000 AND 5200) am,
  (SELECT count(*) AS pmc
   FROM web_sales, household_demographics, time_dim, web_page
   WHERE ws_sold_time_sk = t_time_sk AND ws_ship_hdemo_sk = hd_demo_sk AND ws_web_page_sk = wp_web_page_sk
     AND t_hour BETWEEN 19 AND 19 + 1 AND hd_dep_count = 6 AND wp_char_count BETWEEN 5000 AND 5200) pm
ORDER BY am_pm_ratio
LIMIT 100

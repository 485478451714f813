-- id: q34
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT 1, URL, COUNT(*) AS c FROM hits GROUP BY 1, URL ORDER BY c DESC LIMIT 10

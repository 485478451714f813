-- id: q33
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT URL, COUNT(*) AS c FROM hits GROUP BY URL ORDER BY c DESC LIMIT 10

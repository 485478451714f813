-- id: q07
-- min-version: 18.16
-- expected-rows: 10k=5 100k=5
SELECT AdvEngineID, COUNT(*) FROM hits WHERE AdvEngineID <> 0 GROUP BY AdvEngineID ORDER BY COUNT(*) DESC

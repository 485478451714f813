-- id: q15
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT UserID, COUNT(*) FROM hits GROUP BY UserID ORDER BY COUNT(*) DESC LIMIT 10

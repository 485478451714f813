-- id: q08
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT RegionID, COUNT(DISTINCT UserID) AS u FROM hits GROUP BY RegionID ORDER BY u DESC LIMIT 10

-- id: q42
-- min-version: 18.16
-- expected-rows: 10k=0 100k=10
SELECT toStartOfMinute(EventTime) AS M, COUNT(*) AS PageViews FROM hits WHERE CounterID = 62 AND EventDate >= '2013-07-14' AND EventDate <= '2013-07-15' AND IsRefresh = 0 AND DontCountHits = 0 GROUP BY toStartOfMinute(EventTime) ORDER BY toStartOfMinute(EventTime) LIMIT 1000, 10

-- id: q23
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT * FROM hits WHERE URL LIKE '%google%' ORDER BY EventTime LIMIT 10

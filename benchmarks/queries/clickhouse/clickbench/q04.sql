-- id: q04
-- min-version: 18.16
-- expected-rows: 10k=1 100k=1
SELECT COUNT(DISTINCT UserID) FROM hits

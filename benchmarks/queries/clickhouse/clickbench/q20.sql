-- id: q20
-- min-version: 18.16
-- expected-rows: 10k=1 100k=1
SELECT COUNT(*) FROM hits WHERE URL LIKE '%google%'

-- id: q03
-- min-version: 18.16
-- expected-rows: 10k=1 100k=1
SELECT AVG(UserID) FROM hits

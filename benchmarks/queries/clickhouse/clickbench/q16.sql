-- id: q16
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT UserID, SearchPhrase, COUNT(*) FROM hits GROUP BY UserID, SearchPhrase ORDER BY COUNT(*) DESC LIMIT 10

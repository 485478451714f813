-- id: q18
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT UserID, toMinute(EventTime) AS m, SearchPhrase, COUNT(*) FROM hits GROUP BY UserID, m, SearchPhrase ORDER BY COUNT(*) DESC LIMIT 10

-- id: q13
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT SearchPhrase, COUNT(DISTINCT UserID) AS u FROM hits WHERE SearchPhrase <> '' GROUP BY SearchPhrase ORDER BY u DESC LIMIT 10

-- id: q12
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT SearchPhrase, COUNT(*) AS c FROM hits WHERE SearchPhrase <> '' GROUP BY SearchPhrase ORDER BY c DESC LIMIT 10

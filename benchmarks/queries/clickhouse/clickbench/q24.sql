-- id: q24
-- min-version: 18.16
-- expected-rows: 10k=10 100k=10
SELECT SearchPhrase FROM hits WHERE SearchPhrase <> '' ORDER BY EventTime LIMIT 10

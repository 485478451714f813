-- id: q02
-- min-version: 18.16
-- expected-rows: 10k=1 100k=1
SELECT SUM(AdvEngineID), COUNT(*), AVG(ResolutionWidth) FROM hits

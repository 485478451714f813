-- id: q19
-- min-version: 18.16
-- expected-rows: 10k=0 100k=0
SELECT UserID FROM hits WHERE UserID = 435090932899640449

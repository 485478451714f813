-- The SELECT of deterministic `hits` rows computed inside ClickHouse: row n depends only on n ({rows} = row count).
-- Skews mimic the real data set: ~30% of hits on CounterID 62, ~20% with a search phrase, a few thousand
-- users and client IPs, July 2013 timestamps (UTC seconds, so EventDate does not depend on the server zone).
SELECT
    toInt64(cityHash64(number, 1)) AS WatchID,
    concat(['Google search results', 'Yandex news', 'Weather today', 'Cheap flights', 'Football scores', ''][cityHash64(number, 2) % 6 + 1], ' ', toString(cityHash64(number, 3) % 50)) AS Title,
    toDateTime(1372636800 + cityHash64(number, 4) % 2678400) AS EventTime,
    toDate(intDiv(1372636800 + cityHash64(number, 4) % 2678400, 86400)) AS EventDate,
    toUInt32(if(cityHash64(number, 5) % 10 < 3, 62, cityHash64(number, 6) % 5000)) AS CounterID,
    toInt32(cityHash64(number % 7919, 7) % 2147483647) AS ClientIP,
    toUInt32(cityHash64(number, 8) % 300) AS RegionID,
    toInt64(cityHash64(number % 4999, 9) % 1000000000000) AS UserID,
    concat('http://', ['www.google.com/search', 'yandex.ru', 'example.com', 'news.example.org', 'mail.ru', 'maps.google.ru'][cityHash64(number, 10) % 6 + 1], '/page/', toString(cityHash64(number, 11) % 997)) AS URL,
    if(cityHash64(number, 12) % 3 = 0, '', concat('https://', ['www.yandex.ru', 'google.com', 'vk.com', 'example.com'][cityHash64(number, 13) % 4 + 1], '/ref/', toString(cityHash64(number, 14) % 211))) AS Referer,
    toUInt8(cityHash64(number, 15) % 10 = 0) AS IsRefresh,
    toUInt16([1024, 1280, 1366, 1440, 1920][cityHash64(number, 16) % 5 + 1]) AS ResolutionWidth,
    toUInt8(cityHash64(number, 17) % 8) AS MobilePhone,
    if(cityHash64(number, 18) % 4 = 0, ['iPhone 5', 'Galaxy S4', 'Nexus 5', 'Lumia 920', 'Xperia Z'][cityHash64(number, 19) % 5 + 1], '') AS MobilePhoneModel,
    toInt8(cityHash64(number, 20) % 10) - 1 AS TraficSourceID,
    toUInt16(cityHash64(number, 21) % 4) AS SearchEngineID,
    if(cityHash64(number, 22) % 5 = 0, concat(['buy', 'cheap', 'best', 'download', 'free'][cityHash64(number, 23) % 5 + 1], ' ', ['phone', 'car', 'music', 'tickets', 'laptop', 'flowers', 'game'][cityHash64(number, 24) % 7 + 1]), '') AS SearchPhrase,
    toUInt8(if(cityHash64(number, 25) % 20 = 0, cityHash64(number, 26) % 5 + 1, 0)) AS AdvEngineID,
    toUInt8(cityHash64(number, 27) % 4 = 0) AS IsLink,
    toUInt8(cityHash64(number, 28) % 25 = 0) AS IsDownload,
    toUInt8(cityHash64(number, 29) % 12 = 0) AS DontCountHits,
    toUInt16([800, 1024, 1280, 1600][cityHash64(number, 30) % 4 + 1]) AS WindowClientWidth,
    toUInt16([600, 768, 900][cityHash64(number, 31) % 3 + 1]) AS WindowClientHeight,
    toInt64(cityHash64(URL)) AS URLHash,
    toInt64(cityHash64(Referer)) AS RefererHash
FROM system.numbers
LIMIT {rows}

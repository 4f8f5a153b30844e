-- 0007: where a relationship lives (a work or a personal setting) and, at work, who
-- holds more power. Both optional: existing relationships have neither (NULL).

ALTER TABLE relationship ADD COLUMN setting TEXT CHECK (setting IN (
    'colleague', 'myManager', 'someoneIManage', 'client', 'team',
    'partner', 'family', 'friend', 'other'));
ALTER TABLE relationship ADD COLUMN power TEXT CHECK (power IN ('them', 'me', 'even'));

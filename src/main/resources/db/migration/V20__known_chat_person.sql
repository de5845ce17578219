-- Whether a known chat is a private chat with one person (counted as a parent) or a group. Each
-- channel adapter says so when the chat is first seen (Channel.isPersonalChat), so statistics no
-- longer read Telegram's convention (groups have negative ids) from chat ids in SQL. Existing rows
-- were all written by the Telegram and web channels, whose groups are the negative Telegram ids.
alter table known_chat add column person boolean not null default true;
update known_chat set person = false where channel = 'telegram' and chat_id like '-%';

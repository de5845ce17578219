-- Updates already handled, so a redelivered platform update is handled once.
create table processed_update (
    update_key   varchar(200) primary key,
    processed_at timestamptz  not null
);
create index processed_update_at on processed_update (processed_at);

-- Every chat the bot has talked with, and whether the platform still lets us write there.
create table known_chat (
    channel        varchar(20)  not null,
    chat_id        varchar(100) not null,
    first_seen_at  timestamptz  not null,
    last_seen_at   timestamptz  not null,
    unreachable_at timestamptz,
    primary key (channel, chat_id)
);

-- What the bot said in the web chat, so a browser can fetch it (and fetch it again after a reload).
create table web_message (
    id         bigserial    primary key,
    chat_id    varchar(100) not null,
    body       text         not null,
    replaces   bigint,
    created_at timestamptz  not null default now()
);
create index web_message_chat on web_message (chat_id, id);

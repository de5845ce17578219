-- Staff roles: one row per Telegram user and municipality code; municipality '*' means admin.
-- Admins from STAFF_TELEGRAM_IDS live in configuration, not here.
create table staff_role (
    telegram_user_id bigint       not null,
    municipality     varchar(20)  not null,
    granted_at       timestamptz  not null,
    granted_by       varchar(100) not null,
    primary key (telegram_user_id, municipality)
);

-- The staff group chat of each municipality (one group per municipality, one municipality per group).
create table staff_chat (
    municipality varchar(20)  primary key,
    channel      varchar(20)  not null,
    chat_id      varchar(100) not null,
    bound_at     timestamptz  not null,
    bound_by     varchar(100) not null,
    unique (channel, chat_id)
);

-- Telegram user names the bot has seen, so admins can name a person as @username. Lower case.
create table telegram_username (
    username  varchar(64) primary key,
    user_id   bigint      not null,
    seen_at   timestamptz not null
);
create index telegram_username_user on telegram_username (user_id);

-- Every staff action: who (channel:user id or "admin-api"), when, what. No personal data in details.
create table audit_entry (
    id      bigserial    primary key,
    at      timestamptz  not null,
    actor   varchar(100) not null,
    action  varchar(60)  not null,
    details varchar(500) not null
);
create index audit_entry_at on audit_entry (at desc, id desc);

-- Events staff announce to parents (issue #8). municipality null: every municipality (admins only).
-- ages and directions narrow the audience like an announcement's; directions are api names.
-- reminder_at is when the reminder is due (null: none, e.g. its time had passed at creation);
-- reminded_at is set by the instance that claims the reminder, so it is sent once.
create table event (
    id              bigserial    primary key,
    title           text         not null,
    starts_at       timestamptz  not null,
    place           text,
    municipality    varchar(20),
    age_from        smallint,
    age_to          smallint,
    directions      text         not null default '',
    link            text,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    announcement_id bigint,
    reminder_at     timestamptz,
    reminded_at     timestamptz,
    reminder_id     bigint,
    cancelled_at    timestamptz
);
create index event_reminder_due on event (reminder_at) where reminded_at is null and cancelled_at is null;

-- «Сообщать о новых» (issue #6): a parent's saved search filters; null means any.
create table saved_search (
    id           bigserial    primary key,
    channel      varchar(20)  not null,
    chat_id      varchar(100) not null,
    municipality varchar(20),
    direction    varchar(20),
    age          smallint,
    district     text,
    cost         varchar(20),
    text         text,
    filters_key  text         not null,
    created_at   timestamptz  not null,
    unique (channel, chat_id, filters_key)
);
create index saved_search_municipality on saved_search (municipality);

-- Programs already announced for a saved search: never the same program twice.
create table saved_search_program (
    saved_search_id bigint not null references saved_search (id) on delete cascade,
    program_id      bigint not null,
    primary key (saved_search_id, program_id)
);

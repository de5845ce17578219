-- Announcements to parents: one row per broadcast, one outbox row per recipient.
create table broadcast (
    id          bigserial    primary key,
    text        text         not null,            -- the bot's light markup
    audience    jsonb        not null,            -- {"municipalities": [...], "ageFrom": N, "ageTo": N, "directions": [...]}
    status      varchar(12)  not null,            -- scheduled | sending | done | cancelled
    send_at     timestamptz  not null,
    created_by  varchar(100),
    created_at  timestamptz  not null,
    started_at  timestamptz,
    finished_at timestamptz,
    total       int          not null default 0   -- recipients, known once the audience is taken at send time
);
create index broadcast_due on broadcast (send_at) where status = 'scheduled';

-- The durable outbox: workers claim rows with FOR UPDATE SKIP LOCKED and a lease (claimed_at, claimed_by);
-- send_started_at is set just before the platform call, so after a crash only a row with it set is uncertain.
create table broadcast_recipient (
    id              bigserial    primary key,
    broadcast_id    bigint       not null references broadcast (id) on delete cascade,
    channel         varchar(20)  not null,
    chat_id         varchar(100) not null,
    status          varchar(10)  not null default 'pending', -- pending | sending | sent | blocked | failed | skipped | cancelled
    attempts        int          not null default 0,
    next_attempt_at timestamptz,                             -- null: as soon as possible
    claimed_at      timestamptz,
    claimed_by      varchar(100),
    send_started_at timestamptz,
    sent_at         timestamptz,
    sent_by         varchar(100),                            -- the lease that sent it (instance#claim)
    last_error      varchar(300),
    unique (broadcast_id, channel, chat_id)
);
create index broadcast_recipient_pending on broadcast_recipient (id) where status = 'pending';
create index broadcast_recipient_leased on broadcast_recipient (claimed_at) where status = 'sending';
create index broadcast_recipient_chat on broadcast_recipient (channel, chat_id);

-- Bucket4j's PostgreSQL backend: the send-rate buckets every instance shares (one row per channel).
create table broadcast_rate_bucket (
    id         varchar(100) primary key,
    state      bytea,
    expires_at bigint
);

-- Survey responses. channel/chat_id are null for anonymous surveys: their answers cannot be traced
-- to a chat. municipality is kept for the results filter.
create table survey_response (
    id               bigserial    primary key,
    survey_id        varchar(40)  not null,
    channel          varchar(20),
    chat_id          varchar(100),
    child            varchar(80),
    municipality     varchar(20),
    current_question varchar(20),
    path             text         not null default '',
    started_at       timestamptz  not null,
    completed_at     timestamptz
);
create index survey_response_survey on survey_response (survey_id, completed_at);
create index survey_response_chat on survey_response (channel, chat_id);

-- Each answer as given; a multiple choice is one row per chosen option.
create table survey_answer (
    response_id bigint      not null references survey_response (id) on delete cascade,
    question_id varchar(20) not null,
    value       text        not null,
    answered_at timestamptz not null,
    primary key (response_id, question_id, value)
);

-- Who already answered (or is answering): a salted hash of the chat (and of the child for per-child
-- surveys), so "one response per parent" holds for anonymous surveys without storing who answered.
-- response_id links the marker to a response only while it is being answered; it is cleared when an
-- anonymous response is completed.
create table survey_participant (
    survey_id   varchar(40) not null,
    chat_hash   varchar(64) not null,
    child_hash  varchar(64) not null default '',
    response_id bigint      references survey_response (id) on delete set null,
    completed   boolean     not null default false,
    primary key (survey_id, chat_hash, child_hash)
);
create index survey_participant_chat on survey_participant (chat_hash);

-- Invitations sent (by the broadcast feature), for the response rate.
create table survey_invitation (
    survey_id  varchar(40)  not null,
    channel    varchar(20)  not null,
    chat_id    varchar(100) not null,
    invited_at timestamptz  not null,
    primary key (survey_id, channel, chat_id)
);

-- The salt of the participant hashes, made once per database so hashes cannot be recomputed elsewhere.
create table survey_secret (
    id   int          primary key,
    salt varchar(100) not null
);
insert into survey_secret (id, salt) values (1, md5(random()::text || clock_timestamp()::text) || md5(random()::text));

-- Questions the bot could not answer, passed to the staff group of the parent's municipality.
create table staff_question (
    id               bigserial    primary key,
    channel          varchar(20)  not null,
    chat_id          varchar(100) not null,
    municipality     varchar(20),
    question         text         not null,
    status           varchar(12)  not null,   -- new (not yet in the staff group), sent, answered, closed
    staff_chat       varchar(130),
    staff_message_id varchar(40),
    answered_by      varchar(60),
    created_at       timestamptz  not null,
    answered_at      timestamptz
);
create index staff_question_open on staff_question (status) where status = 'new';
create index staff_question_message on staff_question (staff_chat, staff_message_id);

-- Every question typed to the bot and what it did with it (no text: only the outcome), for /stats.
create table faq_question_stat (
    id           bigserial   primary key,
    municipality varchar(20),
    decision     varchar(12) not null,
    asked_at     timestamptz not null
);

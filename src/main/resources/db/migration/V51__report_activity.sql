-- What the period report counts that nothing else kept (issue 16). No chat ids: counts only.
-- The FAQ topics the bot answered, for «частые темы вопросов».
create table faq_answer_log (
    id           bigserial   primary key,
    municipality varchar(20),
    topic        varchar(100) not null,
    answered_at  timestamptz not null
);
create index faq_answer_log_at on faq_answer_log (answered_at);

-- Searches parents made (a new set of filters, not a page turned) and program cards they opened.
create table catalog_activity (
    id           bigserial   primary key,
    kind         varchar(10) not null,   -- search | view
    municipality varchar(20),
    program_id   bigint,
    at           timestamptz not null
);
create index catalog_activity_at on catalog_activity (at);

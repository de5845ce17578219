-- A question staff answered, proposed as a new paraphrase of a topic («в базу ответов»). An admin
-- accepts or rejects it; accepted ones are added to the topic's paraphrases when the matcher loads.
create table faq_suggestion (
    id           bigserial    primary key,
    question_id  bigint       references staff_question (id) on delete set null,
    municipality varchar(20),
    paraphrase   varchar(300) not null,
    topic_id     varchar(80)  not null,
    status       varchar(10)  not null,   -- pending | accepted | rejected
    suggested_by varchar(60)  not null,
    suggested_at timestamptz  not null,
    decided_by   varchar(60),
    decided_at   timestamptz
);
create unique index faq_suggestion_per_question on faq_suggestion (question_id) where question_id is not null;
create index faq_suggestion_pending on faq_suggestion (id) where status = 'pending';

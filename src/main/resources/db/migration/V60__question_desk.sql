-- The support desk (issue 15): a thread per parent in the staff group, everything a parent sends
-- while a question is open, closing, reminders, blocked parents, response times.

alter table staff_question add column context    text;          -- the thread post's context lines (ages, last lines)
alter table staff_question add column closed_by  varchar(60);
alter table staff_question add column closed_at  timestamptz;
alter table staff_question add column reminded_at timestamptz;
alter table staff_question add column no_group_warned_at timestamptz;
alter table staff_question add column posting_at  timestamptz;   -- claimed for posting (a crash mid-send is retried)
create index staff_question_parent on staff_question (channel, chat_id, status);
create index staff_question_waiting on staff_question (created_at) where status in ('new', 'sent');

-- One thread per parent and staff group: a forum topic (topic_id) or, without topics, a reply chain
-- whose newest bot post (last_post_id) the next post replies to.
create table desk_thread (
    id           bigserial    primary key,
    channel      varchar(20)  not null,
    chat_id      varchar(100) not null,
    staff_chat   varchar(130) not null,
    topic_id     varchar(40),
    last_post_id varchar(40),
    created_at   timestamptz  not null,
    unique (channel, chat_id, staff_chat)
);
create index desk_thread_topic on desk_thread (staff_chat, topic_id);

-- Every message the bot put into a staff group for a question, so a reply to any of them finds it.
create table desk_post (
    staff_chat  varchar(130) not null,
    message_id  varchar(40)  not null,
    question_id bigint       not null references staff_question (id) on delete cascade,
    primary key (staff_chat, message_id)
);

-- What a parent sent while their question was open; posted = in the thread already.
create table desk_follow_up (
    id          bigserial    primary key,
    question_id bigint       not null references staff_question (id) on delete cascade,
    kind        varchar(12)  not null,   -- TEXT or an attachment kind (PHOTO, DOCUMENT, VOICE…)
    text        text,
    file_ref    varchar(300),
    file_name   varchar(200),
    mime_type   varchar(100),
    posted      boolean      not null default false,
    created_at  timestamptz  not null
);
create index desk_follow_up_unposted on desk_follow_up (question_id) where not posted;

-- Parents staff blocked from the desk; noticed = they were told once.
create table desk_block (
    channel    varchar(20)  not null,
    chat_id    varchar(100) not null,
    blocked_by varchar(60)  not null,
    blocked_at timestamptz  not null,
    noticed    boolean      not null default false,
    primary key (channel, chat_id)
);

-- Staff-group members without a role who were told once how to get one.
create table desk_role_hint (
    user_key varchar(130) primary key,
    told_at  timestamptz  not null
);

-- Announcements composed by staff in Telegram: an optional photo or file kept with the broadcast,
-- the survey-non-respondents audience, and the live progress message in the staff member's chat.
alter table broadcast add column file_kind varchar(10);          -- image | document
alter table broadcast add column file_name varchar(200);
alter table broadcast add column file_mime varchar(100);
alter table broadcast add column file_content bytea;
alter table broadcast add column unanswered_survey varchar(40);  -- audience: only parents who have not completed this survey
alter table broadcast add column progress_channel varchar(20);   -- where the live progress message is
alter table broadcast add column progress_chat_id varchar(100);
alter table broadcast add column progress_message_id varchar(40);
alter table broadcast add column progress_shown_at timestamptz;  -- last edit, so edits stay a few seconds apart
alter table broadcast add column progress_state varchar(100);    -- the counts last shown (no edit when unchanged)
alter table broadcast add column progress_final boolean not null default false;
create index broadcast_progress on broadcast (id) where progress_message_id is not null and not progress_final;

-- A staff member's announcement being composed (/broadcast), one per chat; survives restarts.
create table broadcast_draft (
    channel      varchar(20)  not null,
    chat_id      varchar(100) not null,
    user_id      varchar(40)  not null,
    state        jsonb        not null,   -- step, text, audience choices, schedule
    file_kind    varchar(10),
    file_name    varchar(200),
    file_mime    varchar(100),
    file_content bytea,
    updated_at   timestamptz  not null,
    primary key (channel, chat_id)
);

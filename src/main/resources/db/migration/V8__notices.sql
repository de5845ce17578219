-- Every message to parents goes through the broadcast outbox: staff announcements, and personal
-- notices (survey invitations, event news and reminders, new programs for a saved search) that a
-- feature addresses to a list of chats. kind tells them apart in reports; buttons are the rows of
-- buttons under the message ([[{"label": ..., "payload": ...} | {"label": ..., "url": ...}]]).
alter table broadcast add column kind varchar(30) not null default 'announcement';
alter table broadcast add column buttons jsonb;

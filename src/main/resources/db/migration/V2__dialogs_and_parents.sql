-- Where each person is in the dialogs (flow, step, variables, window), so a restart loses nothing.
create table conversation (
    channel    varchar(20)  not null,
    chat_id    varchar(100) not null,
    state      text         not null,
    updated_at timestamptz  not null,
    primary key (channel, chat_id)
);

-- A parent's profile exists only after consent to personal data processing (152-ФЗ).
create table parent (
    id            bigserial    primary key,
    channel       varchar(20)  not null,
    chat_id       varchar(100) not null,
    municipality  varchar(20),
    consent_at    timestamptz  not null,
    notifications boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    unique (channel, chat_id)
);
create index parent_municipality on parent (municipality);

create table child (
    id         bigserial   primary key,
    parent_id  bigint      not null references parent (id) on delete cascade,
    name       varchar(50),
    birth_year int         not null
);
create index child_parent on child (parent_id);

-- Directions of interest: technical, science, arts, sports, tourism, social.
create table parent_interest (
    parent_id bigint      not null references parent (id) on delete cascade,
    direction varchar(20) not null,
    primary key (parent_id, direction)
);

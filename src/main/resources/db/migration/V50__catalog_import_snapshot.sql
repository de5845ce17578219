-- What the catalog looked like before each import, so staff can undo the last one (/import undo).
-- Only the last few imports are kept (ProgramImport.KEPT_SNAPSHOTS).
create table catalog_import (
    id             bigserial   primary key,
    at             timestamptz not null,
    municipalities varchar(20)[] not null,
    created_ids    bigint[]    not null default '{}',
    undone_at      timestamptz
);

-- The rows of the programs an import could touch (its municipalities' programs and the ids it lists),
-- as they were before it.
create table catalog_snapshot (
    import_id  bigint not null references catalog_import (id) on delete cascade,
    program_id bigint not null,
    row        jsonb  not null,
    primary key (import_id, program_id)
);

-- A chat import waiting for the staff member to confirm that it may hide many programs: the file is
-- kept here (not in memory) so any instance can finish it after the press. Dropped after a day.
create table catalog_pending_import (
    id           bigserial    primary key,
    actor        varchar(60)  not null,
    file_name    text         not null,
    content      bytea        not null,
    partial      boolean      not null,
    municipality varchar(20),
    created_at   timestamptz  not null
);

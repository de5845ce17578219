-- The program catalog (issue 6). Full text and typo tolerance are PostgreSQL's job:
-- a stored tsvector (russian stemming, title > organisation > description) and pg_trgm
-- over the catalog's own words (program_word), the pg_trgm documentation's spelling-suggestion recipe.
create extension if not exists pg_trgm;
-- Lets one GIN index hold municipality and direction beside the tsvector, so a text search within a
-- municipality reads only that municipality's matches from the table (ships with PostgreSQL, like pg_trgm).
create extension if not exists btree_gin;

create table program (
    id            bigint generated always as identity primary key,
    external_id   varchar(100) not null,
    title         text         not null,
    description   text,
    org_name      text,
    org_address   text,
    district      text,
    org_phone     text,
    municipality  varchar(20)  not null,
    direction     varchar(20)  not null
        check (direction in ('technical', 'science', 'arts', 'sports', 'tourism', 'social')),
    age_from      smallint     not null,
    age_to        smallint     not null,
    format        varchar(20)  not null check (format in ('in_person', 'remote', 'mixed')),
    cost_type     varchar(20)  not null check (cost_type in ('free', 'certificate', 'paid')),
    price         numeric(10, 2),
    schedule      text,
    places_total  integer,
    places_free   integer,
    teacher       text,
    url           text,
    ovz           boolean      not null default false,
    active        boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    search_vector tsvector generated always as (
        setweight(to_tsvector('russian', coalesce(title, '')), 'A')
            || setweight(to_tsvector('russian', coalesce(org_name, '')), 'B')
            || setweight(to_tsvector('russian', coalesce(description, '')), 'C')) stored,
    constraint program_external_id unique (external_id),
    constraint program_ages check (age_from <= age_to)
);

create index program_search_vector on program using gin (municipality, direction, search_vector) where active;
-- The chat's filters: municipality, direction, age; cost, district and ОВЗ ride along (INCLUDE) so
-- counting a filter-only search is an index-only scan.
create index program_filters on program (municipality, direction, age_from, age_to)
    include (cost_type, district, ovz) where active;
-- Filter-only results are listed by title: with these the first page stops after a few rows
-- instead of sorting every match.
create index program_by_direction_title on program (municipality, direction, title, id) where active;
create index program_by_title on program (municipality, title, id) where active;
create index program_district on program (municipality, district) where active;

-- Every word of active programs' titles and organisations, refreshed by each import. A query word
-- the full text search does not know is replaced by its nearest word here (trigram similarity):
-- «робатехника» → «робототехника». A few thousand rows, so a lookup is well under a millisecond,
-- where trigram matching over 100,000 programs themselves took tens of milliseconds.
create table program_word (
    word text primary key
);
create index program_word_trgm on program_word using gin (word gin_trgm_ops);

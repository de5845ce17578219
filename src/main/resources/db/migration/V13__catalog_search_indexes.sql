-- Faster catalog search (issue 6 benchmark): typo correction over the catalog's own words instead of
-- trigram matching over every program, and indexes that let filter-only pages stop early.

-- Lets one GIN index hold municipality and direction beside the tsvector, so a text search within a
-- municipality reads only that municipality's matches from the table (ships with PostgreSQL, like pg_trgm).
create extension if not exists btree_gin;

drop index if exists program_search_vector;
drop index if exists program_search_trgm;
drop index if exists program_filters;
alter table program drop column if exists search_text;

create index program_search_vector on program using gin (municipality, direction, search_vector) where active;
-- The chat's filters: municipality, direction, age; cost, district and ОВЗ ride along (INCLUDE) so
-- counting a filter-only search is an index-only scan.
create index program_filters on program (municipality, direction, age_from, age_to)
    include (cost_type, district, ovz) where active;
-- Filter-only results are listed by title: with these the first page stops after a few rows
-- instead of sorting every match.
create index program_by_direction_title on program (municipality, direction, title, id) where active;
create index program_by_title on program (municipality, title, id) where active;

-- Every word of active programs' titles and organisations, refreshed by each import. A query word
-- the full text search does not know is replaced by its nearest word here (trigram similarity):
-- «робатехника» → «робототехника». A few thousand rows, so a lookup is well under a millisecond,
-- where trigram matching over 100,000 programs themselves took tens of milliseconds.
create table program_word (
    word text primary key
);
create index program_word_trgm on program_word using gin (word gin_trgm_ops);

-- A catalog imported before this migration gets its word list now, as the next import would build it.
insert into program_word (word)
select word from ts_stat($$select to_tsvector('simple', title || ' ' || coalesce(org_name, '') || ' '
    || coalesce(description, '')) from program where active$$)
where length(word) >= 3 and word ~ '^[[:alpha:]-]+$';

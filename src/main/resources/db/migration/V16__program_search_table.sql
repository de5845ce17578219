-- Free-text search reads a narrow copy of the active programs, stored in catalog order
-- (municipality, direction, title) and rebuilt by every import (ProgramStore.refreshSearchTable).
--
-- Why (issue 6 benchmark, 100,000 programs): ranking reads every match's row, and a common word
-- matches thousands of programs. In the wide program table those rows lay one per page (2,546 pages
-- for 2,598 matches of «танцы» in one municipality); here similar programs share pages and a row is
-- a seventh of the size, so the same search reads about 1,000 small pages. The plain GIN index
-- (no btree_gin columns) also plans in 0.2 ms instead of 1.5–2.5 ms.
create table program_search (
    id            bigint primary key references program (id) on delete cascade,
    -- Fixed-width columns first and the tsvector before the free-length text: PostgreSQL reaches a
    -- column by walking the ones before it, and every match's filters and tsvector are read.
    age_from      smallint    not null,
    age_to        smallint    not null,
    ovz           boolean     not null,
    -- The program's place in alphabetical order of all titles: ranking breaks ties by it, which
    -- sorts thousands of matches by an integer instead of by their titles.
    title_order   integer     not null,
    municipality  varchar(20) not null,
    direction     varchar(20) not null,
    cost_type     varchar(20) not null,
    search_vector tsvector    not null,
    district      text
);
create index program_search_text on program_search using gin (search_vector);

insert into program_search (id, age_from, age_to, ovz, title_order, municipality, direction, cost_type, search_vector,
                            district)
select id, age_from, age_to, ovz, row_number() over (order by title, id), municipality, direction, cost_type,
       search_vector, district
from program where active
order by municipality, direction, title, id;

-- Text search no longer reads program's own index.
drop index if exists program_search_vector;

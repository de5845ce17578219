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
    -- Fixed-width columns first: PostgreSQL reaches them without walking the text before them.
    age_from      smallint    not null,
    age_to        smallint    not null,
    ovz           boolean     not null,
    municipality  varchar(20) not null,
    direction     varchar(20) not null,
    cost_type     varchar(20) not null,
    district      text,
    title         text        not null,
    search_vector tsvector    not null
);
create index program_search_text on program_search using gin (search_vector);

insert into program_search (id, age_from, age_to, ovz, municipality, direction, cost_type, district, title, search_vector)
select id, age_from, age_to, ovz, municipality, direction, cost_type, district, title, search_vector
from program where active
order by municipality, direction, title, id;

-- Text search no longer reads program's own index.
drop index if exists program_search_vector;
